import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/public.decorator';
import { HeatmapArgs } from './dto/heatmap.args';
import { HeatmapService } from './heatmap.service';
import { Heatmap } from './models/heatmap.model';

@Resolver()
export class MapResolver {
  constructor(private readonly heatmaps: HeatmapService) {}

  @Public()
  @Query(() => Heatmap, { description: 'Weighted cells for a viewport, aggregated on the server from rounded project points.' })
  heatmap(@Args() args: HeatmapArgs): Promise<Heatmap> {
    return this.heatmaps.heatmap(args.bbox, args.zoom, args.filter);
  }
}
