import type { FeatureCollection } from 'geojson';
import { GeoJSON, Pane } from 'react-leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';

type CountriesTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

let outline: FeatureCollection | null = null;

/** Natural Earth country shapes, converted once from the bundled TopoJSON. */
function countryOutline(): FeatureCollection {
  if (!outline) {
    const topology = countries50m as unknown as CountriesTopology;
    outline = feature(topology, topology.objects.countries) as FeatureCollection;
  }
  return outline;
}

const STYLE = { color: '#7d8f93', weight: 0.8, fillColor: '#f1f4ef', fillOpacity: 1 };

/**
 * The UK and its neighbours drawn from data bundled with the app, in a pane beneath the tiles:
 * the map always has a shape, even with no tile server and no network (as in the tests).
 */
export function UkOutline() {
  return (
    <Pane name="kindred-outline" style={{ zIndex: 150 }}>
      <GeoJSON data={countryOutline()} style={STYLE} interactive={false} />
    </Pane>
  );
}
