import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { HeatmapArgs } from './dto/heatmap.args';
import { PeersArgs } from './dto/peers.args';
import { HeatmapService } from './heatmap.service';
import { Heatmap } from './models/heatmap.model';
import { PeerConnection } from './models/peer-match.model';
import { PeersService } from './peers.service';

@Resolver()
export class MapResolver {
  constructor(private readonly heatmaps: HeatmapService, private readonly peerFinder: PeersService) {}

  @Public()
  @Query(() => Heatmap, { description: 'Weighted cells for a viewport, aggregated on the server from rounded project points.' })
  heatmap(@Args() args: HeatmapArgs): Promise<Heatmap> {
    return this.heatmaps.heatmap(args.bbox, args.zoom, args.filter);
  }

  @Query(() => PeerConnection, { description: 'Other clinicians near a point, ranked by shared themes and distance; one row per person.' })
  peers(@CurrentUser() user: AuthUser, @Args() args: PeersArgs): Promise<PeerConnection> {
    return this.peerFinder.peers(user.id, args.input, args.first ?? null, args.after ?? null);
  }
}
