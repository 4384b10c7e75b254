import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { PlacesModule } from '../places/places.module';
import { ProjectsModule } from '../projects/projects.module';
import { HeatmapService } from './heatmap.service';
import { MapResolver } from './map.resolver';
import { MapSummaryService } from './map-summary.service';
import { PeersService } from './peers.service';

/**
 * The action heatmap and the peer finder. Owns `heat_cells` (kept current by triggers on
 * `projects`) and the read-only spatial queries over projects; project cards come from
 * ProjectsService so privacy rules stay in one place.
 */
@Module({
  imports: [ProjectsModule, CliniciansModule, PlacesModule, BlocksModule],
  providers: [HeatmapService, PeersService, MapSummaryService, MapResolver],
  exports: [HeatmapService],
})
export class MapModule {}
