import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module';
import { GapLayerService } from './gap-layer.service';
import { IndicatorsResolver } from './indicators.resolver';
import { IndicatorsService } from './indicators.service';

/**
 * Need indicators and the gaps view: where a theme has little or no registered action relative to
 * need. Owns `indicators` and `indicator_areas` (one value and one centre point per area, imported
 * from CSV by admins or the `import-indicator` CLI; a bundled illustrative sample on an empty
 * database). Reads `projects` (shown points only, never exact ones) the way the map module does,
 * with the map's filter semantics.
 *
 * An area is the set of points nearer its centre than any other area's centre (a Voronoi cell),
 * cut off 60 km from the centre: we have centres but no boundaries offline. To draw it, the API
 * returns H3 hexagons (resolution 5, ~10 km edges) of UK land, each tagged with its area, and the
 * client draws them with h3-js and merges each area's hexagons into one outline. We chose hexagons
 * over Voronoi polygons clipped to land because:
 * - the payload is small and fixed (about 1,050 short ids, ~50 KB, whatever the coastline detail),
 *   where clipped polygons carry the coastline once per area;
 * - hexagon centres and project points go through the same nearest-centre KNN query, so there is
 *   one definition of an area, and nothing depends on ST_VoronoiPolygons or GEOS clipping in PGlite
 *   (a hexagon straddling a boundary is drawn for the area of its centre: the drawing is ~10 km
 *   approximate, the counts are exact);
 * - a regular grid reads as what it is, an approximation, rather than pretending to be real
 *   local-authority boundaries.
 * An area squeezed between close neighbours or against the coast, which would own no hexagon,
 * claims the land hexagon nearest its centre, so every area is drawn (and can be hovered).
 * The land hexagons are found once per process (point-in-polygon on each cell centre against the
 * Natural Earth UK shape from world-atlas); each indicator's hexagon-to-area assignment and need
 * scores are kept in memory (indicators are immutable), so a request costs one project count.
 */
@Module({
  imports: [PlacesModule],
  providers: [IndicatorsService, GapLayerService, IndicatorsResolver],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
