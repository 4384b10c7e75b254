import { divIcon } from 'leaflet';

// Leaflet's default marker images break under bundlers; an inline SVG icon needs no files.
const PIN_SVG = `<svg viewBox="0 0 32 44" width="32" height="44" aria-hidden="true" focusable="false">
  <path d="M16 1C7.7 1 1 7.6 1 15.8 1 27 16 43 16 43s15-16 15-27.2C31 7.6 24.3 1 16 1z" fill="#0f5e68" stroke="#ffffff" stroke-width="2"/>
  <circle cx="16" cy="16" r="5.5" fill="#ffffff"/>
</svg>`;

export const pinIcon = divIcon({
  className: 'map-pin',
  html: PIN_SVG,
  iconSize: [32, 44],
  iconAnchor: [16, 43],
});

