import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { LIMITS } from '@kindred/domain';
import { Public } from '../auth/public.decorator';
import { badInput } from '../common/graphql-errors.util';
import { Place } from './models/place.model';
import { PlacesService } from './places.service';

const DEFAULT_LIMIT = 8;

@Resolver(() => Place)
export class PlacesResolver {
  constructor(private readonly gazetteer: PlacesService) {}

  @Public()
  @Query(() => [Place], { description: 'UK towns and cities matching a typed name, best match first.' })
  places(
    @Args('query') query: string,
    @Args('limit', { type: () => Int, defaultValue: DEFAULT_LIMIT }) limit: number,
  ): Place[] {
    const { maxResults, queryMax } = LIMITS.placeSearch;
    if (query.trim().length < 1) throw badInput('query', 'Type at least one character.');
    if (query.length > queryMax) throw badInput('query', `Must be at most ${queryMax} characters.`);
    if (limit < 1 || limit > maxResults) throw badInput('limit', `Must be between 1 and ${maxResults}.`);
    return this.gazetteer.search(query, limit);
  }
}
