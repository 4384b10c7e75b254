import { cellCentre } from '@kindred/geo';

export interface RawCell {
  x: number;
  y: number;
  /** Matching weight (theme-actions when several themes are selected). */
  weight: number;
  /** A lower bound on the distinct projects in the cell, used for the privacy threshold. */
  projects: number;
}

export interface PlacedCell {
  level: number;
  x: number;
  y: number;
  lat: number;
  lng: number;
  weight: number;
}

/**
 * Applies the k-anonymity rule: a cell with fewer than `k` projects is merged into its parent
 * (one grid level up), and so on up to `maxMerges` times; what is still under `k` is left out.
 */
export function mergeSmallCells(cells: RawCell[], level: number, k: number, maxMerges = 2): { cells: PlacedCell[]; suppressedWeight: number } {
  const out: PlacedCell[] = [];
  let pending = cells;
  let current = level;
  for (let merge = 0; merge <= maxMerges && pending.length > 0; merge++) {
    const small: RawCell[] = [];
    for (const c of pending) {
      if (c.projects >= k) out.push({ level: current, x: c.x, y: c.y, ...cellCentre(c.x, c.y, current), weight: c.weight });
      else small.push(c);
    }
    if (merge === maxMerges || current === 0) {
      pending = small;
      break;
    }
    const parents = new Map<string, RawCell>();
    for (const c of small) {
      const px = c.x >> 1;
      const py = c.y >> 1;
      const key = `${px}:${py}`;
      const p = parents.get(key) ?? { x: px, y: py, weight: 0, projects: 0 };
      p.weight += c.weight;
      p.projects += c.projects;
      parents.set(key, p);
    }
    pending = [...parents.values()];
    current -= 1;
  }
  const suppressedWeight = pending.reduce((n, c) => n + c.weight, 0);
  return { cells: out, suppressedWeight };
}
