import { isEmail, LIMITS, passwordWeakness } from '@kindred/domain';
import type { FieldErrors } from '../forms/api-errors.util';
import { checkProfile } from '../account/profile-validation.util';

export interface SignInValues {
  email: string;
  password: string;
}

export interface SignUpValues extends SignInValues {
  displayName: string;
  profession: string;
  specialty: string;
  organisation: string;
}

export function checkEmail(email: string): string | null {
  const value = email.trim();
  if (!value) return 'Enter your email address.';
  if (value.length > LIMITS.email.max || !isEmail(value)) return 'Enter an email address like name@nhs.net.';
  return null;
}

/** Same rules as the API (LIMITS, isEmail, passwordWeakness from @kindred/domain). */
export function validateSignUp(values: SignUpValues): FieldErrors {
  const errors: FieldErrors = {};
  const email = checkEmail(values.email);
  if (email) errors['email'] = email;
  const weakness = values.password ? passwordWeakness(values.password, values.email.trim()) : 'Enter a password.';
  if (weakness) errors['password'] = weakness;
  Object.assign(
    errors,
    checkProfile({
      displayName: values.displayName,
      profession: values.profession,
      specialty: values.specialty,
      organisation: values.organisation,
      bio: '',
    }),
  );
  return errors;
}

export function validateSignIn(values: SignInValues): FieldErrors {
  const errors: FieldErrors = {};
  const email = checkEmail(values.email);
  if (email) errors['email'] = email;
  if (!values.password) errors['password'] = 'Enter your password.';
  return errors;
}
