export const PROFESSIONS = [
  { id: 'doctor', label: 'Doctor' },
  { id: 'nurse', label: 'Nurse' },
  { id: 'health-visitor', label: 'Health visitor' },
  { id: 'midwife', label: 'Midwife' },
  { id: 'pharmacist', label: 'Pharmacist' },
  { id: 'allied-health-professional', label: 'Allied health professional' },
  { id: 'dentist', label: 'Dentist' },
  { id: 'psychologist', label: 'Psychologist' },
  { id: 'social-worker', label: 'Social worker' },
  { id: 'community-health-worker', label: 'Community health worker' },
  { id: 'manager', label: 'Manager' },
  { id: 'student', label: 'Student' },
  { id: 'other', label: 'Other' },
] as const;

export type ProfessionId = (typeof PROFESSIONS)[number]['id'];
export const PROFESSION_IDS: readonly ProfessionId[] = PROFESSIONS.map((p) => p.id);

export function isProfessionId(value: string): value is ProfessionId {
  return (PROFESSION_IDS as readonly string[]).includes(value);
}

export function professionLabel(id: string, specialty?: string | null): string {
  const label = PROFESSIONS.find((p) => p.id === id)?.label ?? id;
  return specialty ? `${label} (${specialty})` : label;
}
