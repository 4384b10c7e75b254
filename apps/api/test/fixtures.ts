import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

export interface SignUpOverrides {
  email?: string;
  password?: string;
  displayName?: string;
  profession?: string;
  specialty?: string | null;
  organisation?: string | null;
}

export interface SignedUpUser {
  /** Access token (send as `Authorization: Bearer`). */
  token: string;
  refreshToken: string;
  id: string;
  email: string;
  password: string;
  role: string;
}

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      refreshToken
      account { id email role }
    }
  }
`;

/**
 * Signs up a fresh, unique user through the real `signUp` mutation and returns its tokens.
 * Note: the first account on an empty database becomes admin.
 */
export async function signUp(t: TestApp, overrides: SignUpOverrides = {}): Promise<SignedUpUser> {
  const unique = randomUUID().slice(0, 8);
  const email = overrides.email ?? `clinician-${unique}@example.org`;
  const password = overrides.password ?? `Tall-river-${unique}-lantern`;
  const input = {
    email,
    password,
    displayName: overrides.displayName ?? `Dr Test ${unique}`,
    profession: overrides.profession ?? 'doctor',
    specialty: overrides.specialty === undefined ? 'General practice' : overrides.specialty,
    organisation: overrides.organisation === undefined ? 'Test Health Centre' : overrides.organisation,
  };
  const res = await t.gql<{
    signUp: { accessToken: string; refreshToken: string; account: { id: string; email: string; role: string } };
  }>(SIGN_UP, { input });
  if (!res.data?.signUp) {
    throw new Error(`signUp fixture failed: ${JSON.stringify(res.errors)}`);
  }
  const { accessToken, refreshToken, account } = res.data.signUp;
  return { token: accessToken, refreshToken, id: account.id, email: account.email, password, role: account.role };
}

export interface RegisteredProject {
  id: string;
  title: string;
  location: { lat: number; lng: number };
  exactLocation: { lat: number; lng: number } | null;
  locationPrecision: string;
  placeName: string | null;
  createdAt: string;
}

const REGISTER_PROJECT = /* GraphQL */ `
  mutation RegisterProject($input: RegisterProjectInput!) {
    registerProject(input: $input) {
      id title locationPrecision placeName createdAt
      location { lat lng }
      exactLocation { lat lng }
    }
  }
`;

/** A valid project input near Leeds; override any field. */
export function projectInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Welfare advice in clinic',
    summary: 'Embedding welfare advisers in general practice waiting rooms.',
    themes: ['welfare-income-advice', 'income-cost-of-living'],
    stage: 'running',
    location: { lat: 53.801234, lng: -1.548765 },
    locationPrecision: 'area',
    ...overrides,
  };
}

/** Registers a project through the real `registerProject` mutation as the holder of `token`. */
export async function registerProject(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<RegisteredProject> {
  const res = await t.gql<{ registerProject: RegisteredProject }>(REGISTER_PROJECT, { input: projectInput(overrides) }, token);
  if (!res.data?.registerProject) {
    throw new Error(`registerProject fixture failed: ${JSON.stringify(res.errors)}`);
  }
  return res.data.registerProject;
}
