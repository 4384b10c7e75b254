import { THEME_IDS } from '@kindred/domain';

/**
 * Bit positions of the themes in a project's theme mask (`kindred_theme_mask()` in the database,
 * migration 1764600000000-peer-points). The peer finder groups projects by shown point and theme
 * mask, and scores a group from `mask & wanted`. Append only: a theme's bit is stored in
 * `peer_point_groups` and in an index, so reordering or removing one needs a migration that
 * redefines the database function and rebuilds both. At most 31 themes fit an `integer`.
 */
export const THEME_MASK_BITS: readonly string[] = [
  'child-poverty',
  'income-cost-of-living',
  'housing',
  'food-insecurity',
  'fuel-poverty',
  'education-early-years',
  'employment',
  'social-isolation',
  'racism-discrimination',
  'migration-asylum',
  'disability',
  'language-health-literacy',
  'digital-exclusion',
  'transport-access',
  'environment-air-quality',
  'violence-safeguarding',
  'mental-health',
  'social-history-screening',
  'social-prescribing',
  'welfare-income-advice',
  'community-health-workers',
  'health-justice-partnerships',
  'advocacy-policy',
  'quality-improvement',
  'data-equity-dashboards',
  'education-training',
  'community-partnership',
  'workforce-wellbeing',
];

const BIT_OF = new Map(THEME_MASK_BITS.map((id, i) => [id, 1 << i]));

/** Every taxonomy theme has a bit, and they fit a signed 32-bit integer. */
export function themeMaskProblem(): string | null {
  if (THEME_MASK_BITS.length > 31) return `${THEME_MASK_BITS.length} themes do not fit a 31-bit mask.`;
  const missing = THEME_IDS.filter((id) => !BIT_OF.has(id));
  return missing.length ? `Themes without a mask bit: ${missing.join(', ')}.` : null;
}

/** The mask of a list of theme ids (unknown ids add nothing, as in the database function). */
export function themeMask(themes: readonly string[]): number {
  let mask = 0;
  for (const t of themes) mask |= BIT_OF.get(t) ?? 0;
  return mask;
}

/** The themes of `themes` (in that order) whose bits are set in `mask`. */
export function themesInMask(mask: number, themes: readonly string[]): string[] {
  return themes.filter((t) => (mask & (BIT_OF.get(t) ?? 0)) !== 0);
}

export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m; m &= m - 1) n++;
  return n;
}
