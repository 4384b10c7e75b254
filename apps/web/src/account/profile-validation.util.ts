import { isProfessionId, LIMITS } from '@kindred/domain';
import type { FieldErrors } from '../forms/api-errors.util';

export interface ProfileValues {
  displayName: string;
  profession: string;
  specialty: string;
  organisation: string;
  bio: string;
}

/** Same limits as the API (LIMITS from @kindred/domain). */
export function checkProfile(values: ProfileValues): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.displayName.trim();
  if (!name) errors['displayName'] = 'Enter the name others will see.';
  else if (name.length < LIMITS.displayName.min) {
    errors['displayName'] = `Display name must be at least ${LIMITS.displayName.min} characters.`;
  } else if (name.length > LIMITS.displayName.max) {
    errors['displayName'] = `Display name must be at most ${LIMITS.displayName.max} characters.`;
  }
  if (!values.profession) errors['profession'] = 'Choose your profession.';
  else if (!isProfessionId(values.profession)) errors['profession'] = 'Choose a profession from the list.';
  if (values.specialty.trim().length > LIMITS.specialty.max) {
    errors['specialty'] = `Specialty must be at most ${LIMITS.specialty.max} characters.`;
  }
  if (values.organisation.trim().length > LIMITS.organisation.max) {
    errors['organisation'] = `Organisation must be at most ${LIMITS.organisation.max} characters.`;
  }
  if (values.bio.trim().length > LIMITS.bio.max) {
    errors['bio'] = `About you must be at most ${LIMITS.bio.max.toLocaleString('en-GB')} characters.`;
  }
  return errors;
}

/** Empty optional text becomes null, so clearing a field clears it on the server too. */
export function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
