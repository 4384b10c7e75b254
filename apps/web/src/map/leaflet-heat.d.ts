// leaflet.heat 0.2 ships no types: it is a script that adds `L.heatLayer` to the global `L`.
declare module 'leaflet.heat';
