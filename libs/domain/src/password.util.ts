import { LIMITS } from './limits.constant';

const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password123', 'qwertyuiop', '1234567890', '12345678910', 'letmein123',
  'iloveyou12', 'welcome123', 'abcdefghij', 'passw0rd12', 'administrator', 'qwerty1234', 'nhs12345678',
]);

/**
 * Says why a password is too weak, or returns null when it is acceptable.
 * Length matters most (NIST SP 800-63B); we also refuse well-known and single-character passwords
 * and ones that contain the user's email name.
 */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < LIMITS.password.min) {
    return `Password must be at least ${LIMITS.password.min} characters long.`;
  }
  if (password.length > LIMITS.password.max) {
    return `Password must be at most ${LIMITS.password.max} characters long.`;
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    return 'Password is too common; choose one that others would not guess.';
  }
  if (new Set(password).size < 4) {
    return 'Password needs more variety: use at least 4 different characters.';
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    return 'Password must not contain your email name.';
  }
  return null;
}
