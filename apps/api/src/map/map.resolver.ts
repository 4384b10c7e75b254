import { Args, Query, Resolver } from '@nestjs/graphql';
import { bboxProblem } from '@kindred/geo';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { badInput } from '../common/graphql-errors.util';
import { ProjectsService } from '../projects/projects.service';
import { HeatmapArgs } from './dto/heatmap.args';
import { MapProjectsArgs } from './dto/map-projects.args';
import { PeersArgs } from './dto/peers.args';
import { SimilarProjectsArgs } from './dto/similar-projects.args';
import { checkMapFilter, HeatmapService } from './heatmap.service';
import { MapSummaryService } from './map-summary.service';
import { Heatmap } from './models/heatmap.model';
import { MapProjectPage, MapSummary } from './models/map-summary.model';
import { PeerConnection, SimilarProjectConnection } from './models/peer-match.model';
import { PeersService } from './peers.service';

@Resolver()
export class MapResolver {
  constructor(
    private readonly heatmaps: HeatmapService,
    private readonly peerFinder: PeersService,
    private readonly summaries: MapSummaryService,
    private readonly projects: ProjectsService,
  ) {}

  @Public()
  @Query(() => Heatmap, { description: 'Weighted cells for a viewport, aggregated on the server from rounded project points.' })
  heatmap(@Args() args: HeatmapArgs): Promise<Heatmap> {
    return this.heatmaps.heatmap(args.bbox, args.zoom, args.filter);
  }

  @Public()
  @Query(() => MapProjectPage, { description: 'Projects shown in a viewport (rounded points), for close zooms: clustered markers and cards.' })
  async mapProjects(@CurrentUser() user: AuthUser | null, @Args() args: MapProjectsArgs): Promise<MapProjectPage> {
    const problem = bboxProblem(args.bbox);
    if (problem) throw badInput('bbox', problem);
    checkMapFilter(args.filter);
    const first = args.first ?? 200;
    const { nodes, totalCount } = await this.projects.inBBox(args.bbox, args.filter ?? {}, first, user?.id ?? null);
    return { nodes, totalCount, truncated: totalCount > nodes.length };
  }

  @Public()
  @Query(() => MapSummary, { description: 'The same view as words and tables: areas, themes and a one-paragraph summary.' })
  mapSummary(@Args() args: HeatmapArgs): Promise<MapSummary> {
    return this.summaries.summary(args.bbox, args.zoom, args.filter);
  }

  @Query(() => SimilarProjectConnection, { description: 'Projects like one of mine anywhere in the UK: most shared themes first, then nearest.' })
  similarProjects(@CurrentUser() user: AuthUser, @Args() args: SimilarProjectsArgs): Promise<SimilarProjectConnection> {
    return this.peerFinder.similar(user.id, args.projectId, args.first ?? null, args.after ?? null);
  }

  @Query(() => PeerConnection, { description: 'Other clinicians near a point, ranked by shared themes and distance; one row per person.' })
  peers(@CurrentUser() user: AuthUser, @Args() args: PeersArgs): Promise<PeerConnection> {
    return this.peerFinder.peers(user.id, args.input, args.first ?? null, args.after ?? null);
  }
}
