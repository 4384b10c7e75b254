import { HIGH_GAP_THRESHOLD } from './indicator-limits.constant';

/**
 * Percentile rank of each value among all of them, 0..1: the share of the *other* values that are
 * strictly lower. The lowest gets 0 and a unique highest gets 1; ties share the lower rank, so
 * areas that all have no projects all score 0 ("little action"), never a middling 0.4. With fewer
 * than two values there is nothing to compare: every rank is 0.
 */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n < 2) return values.map(() => 0);
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => lowerBound(sorted, v) / (n - 1));
}

/** Need as a percentile: high values rank high when higher is worse, low values when lower is worse. */
export function needScores(values: readonly number[], higherIsWorse: boolean): number[] {
  return percentileRanks(higherIsWorse ? values : values.map((v) => -v));
}

/** Need minus action, never below 0: how far action falls short of need, relative to other areas. */
export function gapScore(need: number, action: number): number {
  return Math.max(0, need - action);
}

export type GapLabel = 'High need, little action' | 'High need, some action' | 'High need, active' | 'Lower need, active' | 'Lower need, little action';

/** The assessment shown beside an area, from its need and action percentiles. */
export function gapLabel(need: number, action: number): GapLabel {
  const gap = gapScore(need, action);
  if (gap >= HIGH_GAP_THRESHOLD) return 'High need, little action';
  if (need >= 0.5) return gap > 0 ? 'High need, some action' : 'High need, active';
  return action >= 0.5 ? 'Lower need, active' : 'Lower need, little action';
}

/** Scores rounded for the wire: four decimals say everything a colour or a sort needs. */
export function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** Index of the first element not below v in an ascending array. */
function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
