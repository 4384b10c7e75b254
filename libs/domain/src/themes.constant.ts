/**
 * The shared theme taxonomy. Ids are stable (stored in the database and in URLs);
 * labels may be reworded freely.
 */
export const THEME_GROUPS = ['determinant', 'approach'] as const;
export type ThemeGroup = (typeof THEME_GROUPS)[number];

export interface ThemeDefinition {
  readonly id: string;
  readonly label: string;
  readonly group: ThemeGroup;
}

export const THEMES = [
  { id: 'child-poverty', label: 'Child poverty', group: 'determinant' },
  { id: 'income-cost-of-living', label: 'Income and cost of living', group: 'determinant' },
  { id: 'housing', label: 'Housing', group: 'determinant' },
  { id: 'food-insecurity', label: 'Food insecurity', group: 'determinant' },
  { id: 'fuel-poverty', label: 'Fuel poverty', group: 'determinant' },
  { id: 'education-early-years', label: 'Education and early years', group: 'determinant' },
  { id: 'employment', label: 'Employment', group: 'determinant' },
  { id: 'social-isolation', label: 'Social isolation', group: 'determinant' },
  { id: 'racism-discrimination', label: 'Racism and discrimination', group: 'determinant' },
  { id: 'migration-asylum', label: 'Migration and asylum', group: 'determinant' },
  { id: 'disability', label: 'Disability', group: 'determinant' },
  { id: 'language-health-literacy', label: 'Language and health literacy', group: 'determinant' },
  { id: 'digital-exclusion', label: 'Digital exclusion', group: 'determinant' },
  { id: 'transport-access', label: 'Transport and access', group: 'determinant' },
  { id: 'environment-air-quality', label: 'Environment and air quality', group: 'determinant' },
  { id: 'violence-safeguarding', label: 'Violence and safeguarding', group: 'determinant' },
  { id: 'mental-health', label: 'Mental health', group: 'determinant' },
  { id: 'social-history-screening', label: 'Social-history screening', group: 'approach' },
  { id: 'social-prescribing', label: 'Social prescribing', group: 'approach' },
  { id: 'welfare-income-advice', label: 'Welfare and income advice', group: 'approach' },
  { id: 'community-health-workers', label: 'Community health workers', group: 'approach' },
  { id: 'health-justice-partnerships', label: 'Health-justice (legal) partnerships', group: 'approach' },
  { id: 'advocacy-policy', label: 'Advocacy and policy', group: 'approach' },
  { id: 'quality-improvement', label: 'Quality improvement', group: 'approach' },
  { id: 'data-equity-dashboards', label: 'Data and equity dashboards', group: 'approach' },
  { id: 'education-training', label: 'Education and training', group: 'approach' },
  { id: 'community-partnership', label: 'Community partnership and co-production', group: 'approach' },
  { id: 'workforce-wellbeing', label: 'Workforce wellbeing', group: 'approach' },
] as const satisfies readonly ThemeDefinition[];

export type ThemeId = (typeof THEMES)[number]['id'];

export const THEME_IDS: readonly ThemeId[] = THEMES.map((t) => t.id);

const THEME_BY_ID = new Map<string, ThemeDefinition>(THEMES.map((t) => [t.id, t]));

export function isThemeId(value: string): value is ThemeId {
  return THEME_BY_ID.has(value);
}

export function themeById(id: string): ThemeDefinition | undefined {
  return THEME_BY_ID.get(id);
}

export function themeLabel(id: string): string {
  return THEME_BY_ID.get(id)?.label ?? id;
}
