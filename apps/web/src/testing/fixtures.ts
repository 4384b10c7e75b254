import type { Account, AuthPayload, Project } from '@kindred/api-client';

export function accountFixture(overrides: Partial<Account> = {}): Account {
  return {
    __typename: 'Account',
    id: 'user-1',
    email: 'asha.patel@nhs.net',
    displayName: 'Dr Asha Patel',
    profession: 'doctor',
    specialty: 'Paediatrics',
    organisation: 'Leeds Children’s Hospital',
    bio: null,
    role: 'clinician',
    createdAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export function authPayloadFixture(overrides: Partial<AuthPayload> = {}): AuthPayload {
  return {
    __typename: 'AuthPayload',
    accessToken: 'access-token',
    accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
    refreshToken: 'refresh-token',
    account: accountFixture(),
    ...overrides,
  };
}

export function projectFixture(overrides: Partial<Project> = {}): Project {
  return {
    __typename: 'Project',
    id: 'project-1',
    title: 'Social-history screening in paediatric clinic',
    summary: 'A short questionnaire about money, housing and food, asked at every new appointment.',
    themes: [
      { __typename: 'Theme', id: 'child-poverty', label: 'Child poverty', group: 'determinant' },
      { __typename: 'Theme', id: 'social-history-screening', label: 'Social-history screening', group: 'approach' },
    ],
    stage: 'running',
    location: { __typename: 'Point', lat: 53.8, lng: -1.55 },
    exactLocation: { __typename: 'Point', lat: 53.80076, lng: -1.54908 },
    locationPrecision: 'area',
    placeName: 'Leeds',
    seekingCollaborators: true,
    links: ['https://example.org/screening'],
    owner: {
      __typename: 'Clinician',
      id: 'user-1',
      displayName: 'Dr Asha Patel',
      profession: 'doctor',
      professionLabel: 'Doctor',
      specialty: 'Paediatrics',
      organisation: 'Leeds Children’s Hospital',
      role: 'clinician',
    },
    isMine: true,
    createdAt: '2025-03-02T10:00:00.000Z',
    updatedAt: '2025-03-05T10:00:00.000Z',
    ...overrides,
  };
}

/** A GraphQL error reply as the Kindred API sends it. */
export function apiError(message: string, code: string, field?: string) {
  return { message, extensions: { code, ...(field ? { field } : {}) } };
}
