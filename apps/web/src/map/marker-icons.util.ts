import { divIcon } from 'leaflet';

// Inline SVG icons need no image files. Colours keep 3:1 against land, sea and the heat.
const DOT_SVG = `<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="9" fill="#0f5e68" stroke="#ffffff" stroke-width="3"/>
</svg>`;

const SELECTED_SVG = `<svg viewBox="0 0 40 54" width="40" height="54" aria-hidden="true" focusable="false">
  <path d="M20 2C10 2 2 10 2 20c0 13.5 18 32 18 32s18-18.5 18-32C38 10 30 2 20 2z" fill="#3e2f73" stroke="#ffffff" stroke-width="3"/>
  <circle cx="20" cy="20" r="8" fill="#ffbf47" stroke="#ffffff" stroke-width="2"/>
</svg>`;

/** One registered project at close zoom. */
export const projectIcon = divIcon({
  className: 'map-pin map-pin--project',
  html: DOT_SVG,
  iconSize: [24, 24],
  iconAnchor: [12, 12],
});

/** The selected peer's project: a larger pin in another colour, drawn above everything else. */
export const selectedIcon = divIcon({
  className: 'map-pin map-pin--selected',
  html: SELECTED_SVG,
  iconSize: [40, 54],
  iconAnchor: [20, 52],
});
