import { TileLayer } from 'react-leaflet';
import { UkOutline } from './UkOutline';
import { useClientConfig } from './useClientConfig';

/** The bundled outline, always; raster tiles on top when the server configures a tile URL. */
export function BaseLayers() {
  const config = useClientConfig();
  return (
    <>
      <UkOutline />
      {config?.tileUrl ? <TileLayer url={config.tileUrl} attribution={config.tileAttribution} /> : null}
    </>
  );
}
