import type { GapArea, GapLayer } from '@kindred/api-client';

/**
 * Need in five classes, light to dark: ColorBrewer PuBu (purple-blue), sequential, safe for the
 * common colour-vision deficiencies and readable in greyscale. Blue keeps it apart from the
 * heatmap's yellow-to-red drawn on top.
 */
export const NEED_PALETTE = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'] as const;

/** What each class means: areas are ranked by need, so each class is about a fifth of them. */
export const NEED_CLASS_LABELS = [
  'Least need (lowest fifth of areas)',
  'Second fifth',
  'Middle fifth',
  'Fourth fifth',
  'Most need (highest fifth of areas)',
] as const;

/** How opaque the need fill is over the base map: tiles and the heat layer stay readable. */
export const NEED_FILL_OPACITY = 0.6;

/** Class 0..4 of a need percentile 0..1 (1 lands in the top class). */
export function needClass(needScore: number): number {
  if (!Number.isFinite(needScore)) return 0;
  return Math.min(NEED_PALETTE.length - 1, Math.max(0, Math.floor(needScore * NEED_PALETTE.length)));
}

export function needColour(needScore: number): string {
  return NEED_PALETTE[needClass(needScore)] as string;
}

export interface NeedLegendClass {
  readonly colour: string;
  readonly label: string;
  /** Range of the indicator's values among the areas in the class; null when it has none. */
  readonly minValue: number | null;
  readonly maxValue: number | null;
  readonly areas: number;
}

/** The legend's rows, least need first, each with the range of values its areas have. */
export function needLegendClasses(areas: ReadonlyArray<Pick<GapArea, 'needScore' | 'value'>>): NeedLegendClass[] {
  return NEED_PALETTE.map((colour, index) => {
    const values = areas.filter((a) => needClass(a.needScore) === index).map((a) => a.value);
    return {
      colour,
      label: NEED_CLASS_LABELS[index] as string,
      minValue: values.length ? Math.min(...values) : null,
      maxValue: values.length ? Math.max(...values) : null,
      areas: values.length,
    };
  });
}

/** True for the bundled sample and anything else its importer labelled illustrative. */
export function isIllustrative(indicator: Pick<GapLayer['indicator'], 'name' | 'source'>): boolean {
  return /illustrative/i.test(`${indicator.name} ${indicator.source ?? ''}`);
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "35.2% of children", "0.8 score", "1,204": a unit starting with % sits against the number. */
export function formatValue(value: number, unit: string | null | undefined): string {
  const n = NUMBER.format(value);
  if (!unit) return n;
  return unit.startsWith('%') ? `${n}${unit}` : `${n} ${unit}`;
}

export function formatProjects(count: number): string {
  return `${NUMBER.format(count)} ${count === 1 ? 'project' : 'projects'}`;
}

/** One line about an area, for the tooltip and for screen readers. */
export function describeArea(area: Pick<GapArea, 'name' | 'value' | 'projects' | 'label'>, unit: string | null | undefined): string {
  return `${area.name}: ${formatValue(area.value, unit)}; ${formatProjects(area.projects)}; ${area.label.toLowerCase()}`;
}
