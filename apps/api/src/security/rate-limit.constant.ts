/**
 * Fixed windows of the rate limits. The counts per window are configuration
 * (RATE_LIMIT_SIGN_IN_PER_EMAIL, RATE_LIMIT_SIGN_IN_PER_IP, RATE_LIMIT_SIGN_UP_PER_IP,
 * RATE_LIMIT_MUTATIONS_PER_USER); see docs/security.md.
 */
export const RATE_LIMIT_WINDOWS = {
  /** Sign-in attempts per IP address and email, and per IP address. */
  signInSeconds: 15 * 60,
  /** Sign-ups per IP address. */
  signUpSeconds: 60 * 60,
  /** Mutations (writes) per signed-in user. */
  mutationSeconds: 60,
} as const;

/** Counters are kept this long after their window starts (beyond the longest window), then swept. */
export const RATE_LIMIT_RETENTION_SECONDS = 2 * 60 * 60;
export const RATE_LIMIT_SWEEP_INTERVAL_MS = 10 * 60 * 1000;
