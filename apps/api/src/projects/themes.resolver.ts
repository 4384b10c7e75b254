import { Query, Resolver } from '@nestjs/graphql';
import { THEMES } from '@kindred/domain';
import { Public } from '../auth/public.decorator';
import { Theme } from './models/theme.model';

@Resolver(() => Theme)
export class ThemesResolver {
  @Public()
  @Query(() => [Theme], { description: 'The theme taxonomy, determinants first then approaches.' })
  themes(): Theme[] {
    return THEMES.map((t) => ({ id: t.id, label: t.label, group: t.group }));
  }
}
