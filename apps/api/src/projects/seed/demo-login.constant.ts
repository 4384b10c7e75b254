/**
 * The one demo account anyone may sign in with, created with the demo data and printed at start.
 * It takes the profile and projects of the first generated clinician. Never seed demo data on a
 * database that real clinicians use (SEED_DEMO=false there).
 */
export const DEMO_LOGIN = {
  email: 'demo@kindred.example',
  password: 'kindred-demo-2026',
  /** "Dr " is prefixed for a doctor. */
  displayName: 'Demo Kindred (demo)',
  bio: 'The shared demo account: anyone with the demo password can sign in as this user.',
} as const;
