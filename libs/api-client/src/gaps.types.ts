/** A need indicator (e.g. child poverty per local authority), imported from CSV by an admin. */
export interface Indicator {
  readonly __typename?: 'Indicator';
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  /** e.g. "% of children". */
  readonly unit: string | null;
  /** Where the figures come from; mentions "illustrative" for the bundled sample. */
  readonly source: string | null;
  /** True when a higher value means more need. */
  readonly higherIsWorse: boolean;
  readonly areaCount: number;
  readonly minValue: number;
  readonly maxValue: number;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** One area: its need, the action registered in it (under the map filter) and the gap between them. */
export interface GapArea {
  readonly __typename?: 'GapArea';
  readonly code: string;
  readonly name: string;
  /** The area's centre. */
  readonly lat: number;
  readonly lng: number;
  /** The indicator's value, in its unit. */
  readonly value: number;
  /** Percentile rank of need, 0..1 (1 = most need). */
  readonly needScore: number;
  /** Matching projects whose shown (rounded) point lies in the area. */
  readonly projects: number;
  /** Percentile rank of projects, 0..1. */
  readonly actionScore: number;
  /** needScore − actionScore, never below 0. */
  readonly gap: number;
  /** gap >= 0.5: draw outlined and hatched. */
  readonly highGap: boolean;
  /** e.g. "High need, little action". */
  readonly label: string;
}

/** An H3 cell of UK land and the area it is drawn as part of. */
export interface GapHex {
  readonly __typename?: 'GapHex';
  readonly h3: string;
  readonly areaCode: string;
}

export interface GapLayer {
  readonly __typename?: 'GapLayer';
  readonly indicator: Pick<Indicator, '__typename' | 'id' | 'name' | 'description' | 'unit' | 'source' | 'higherIsWorse' | 'minValue' | 'maxValue'>;
  /** Largest gap first. */
  readonly areas: readonly GapArea[];
  readonly hexes: readonly GapHex[];
  readonly hexResolution: number;
  /** An area reaches at most this far from its centre. */
  readonly radiusKm: number;
  readonly assignedProjects: number;
  /** Matching projects farther than radiusKm from every area centre. */
  readonly unassignedProjects: number;
}

export interface ImportIndicatorInput {
  name: string;
  description?: string | null;
  unit?: string | null;
  source?: string | null;
  /** Default true. */
  higherIsWorse?: boolean;
  /** CSV text: header area_code,area_name,value (optionally lat,lng). */
  csv: string;
}

export interface SkippedIndicatorRow {
  readonly __typename?: 'SkippedIndicatorRow';
  readonly line: number;
  readonly areaCode: string;
  readonly areaName: string;
  readonly reason: string;
}

export interface IndicatorImport {
  readonly __typename?: 'IndicatorImport';
  readonly indicator: Indicator;
  readonly importedAreas: number;
  readonly placedByName: number;
  readonly skipped: readonly SkippedIndicatorRow[];
}
