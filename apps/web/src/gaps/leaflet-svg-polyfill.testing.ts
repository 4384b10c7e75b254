// jsdom has SVG elements but not createSVGRect, which Leaflet probes at import time to decide
// whether it may draw vectors as SVG. Import this before leaflet in specs that draw layers.
const proto = window.SVGSVGElement.prototype as unknown as { createSVGRect?: () => object };
proto.createSVGRect ??= () => ({ x: 0, y: 0, width: 0, height: 0 });
