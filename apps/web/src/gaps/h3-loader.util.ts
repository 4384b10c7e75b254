/** The parts of h3-js the gaps layer uses. */
export type H3 = Pick<typeof import('h3-js'), 'cellsToMultiPolygon' | 'latLngToCell'>;

let loading: Promise<H3> | null = null;

/** h3-js (about 75 KB gzipped) is loaded in its own chunk the first time a need layer is drawn. */
export function loadH3(): Promise<H3> {
  loading ??= import('h3-js').then((h3) => h3);
  return loading;
}
