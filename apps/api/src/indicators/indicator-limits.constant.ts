/** Limits for indicator imports and the gap layer, shared by the GraphQL mutation and the CLI. */
export const INDICATOR_LIMITS = {
  /**
   * CSV size cap. Well under the 1 MB GraphQL body cap (with JSON escaping), so an over-size file
   * gets this clear message rather than HTTP 413; 1,000 rows of codes, names and values need ~60 KB.
   */
  maxCsvBytes: 512 * 1024,
  /** Data rows (the header not counted): more than every UK local authority (~360). */
  maxRows: 1000,
  /** Percentile ranks need something to compare with. */
  minRows: 2,
  /** Share of rows that must get a centre (lat/lng given or the name found), else nothing is written. */
  minPlacedShare: 0.8,
  /** Stop listing problems after this many: a wrong file would otherwise produce one per row. */
  maxProblems: 50,
  name: { min: 3, max: 120 },
  description: { max: 1000 },
  unit: { max: 40 },
  source: { max: 500 },
  areaCode: { max: 40 },
  areaName: { max: 120 },
} as const;

/** An area is the set of points nearer its centre than any other area's centre, but never farther than this. */
export const AREA_RADIUS_KM = 60;

/** H3 resolution of the choropleth hexagons: ~10 km edges, ~250 km² each, about 1,050 centred on UK land. */
export const GAP_HEX_RESOLUTION = 5;

/** An area at or above this gap (need percentile minus action percentile) is flagged "high need, little action". */
export const HIGH_GAP_THRESHOLD = 0.5;
