export const STAGES = [
  { id: 'idea', label: 'Idea' },
  { id: 'planning', label: 'Planning' },
  { id: 'running', label: 'Running' },
  { id: 'evaluating', label: 'Evaluating' },
  { id: 'sustained', label: 'Sustained' },
  { id: 'finished', label: 'Finished' },
] as const;

export type StageId = (typeof STAGES)[number]['id'];
export const STAGE_IDS: readonly StageId[] = STAGES.map((s) => s.id);

export function isStageId(value: string): value is StageId {
  return (STAGE_IDS as readonly string[]).includes(value);
}

export function stageLabel(id: string): string {
  return STAGES.find((s) => s.id === id)?.label ?? id;
}

export const LOCATION_PRECISIONS = [
  { id: 'exact', label: 'Exact site', description: 'Others see the workplace itself.' },
  { id: 'area', label: 'Area (about 1 km)', description: 'Others see a point rounded to a 1 km grid.' },
  { id: 'region', label: 'Region (about 10 km)', description: 'Others see a point rounded to a 10 km grid.' },
] as const;

export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number]['id'];
export const LOCATION_PRECISION_IDS: readonly LocationPrecision[] = LOCATION_PRECISIONS.map((p) => p.id);

export const ROLES = ['clinician', 'organiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];
