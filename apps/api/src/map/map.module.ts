import { Module } from '@nestjs/common';
import { HeatmapService } from './heatmap.service';
import { MapResolver } from './map.resolver';

/** The action heatmap and (later) the peer finder. Reads projects; owns `heat_cells`. */
@Module({ providers: [HeatmapService, MapResolver], exports: [HeatmapService] })
export class MapModule {}
