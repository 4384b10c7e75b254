import type { ProfessionId, Role } from '@kindred/domain';

/** The signed-in user's own account (`Account` in the schema). */
export interface Account {
  readonly __typename?: 'Account';
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly profession: ProfessionId;
  readonly specialty: string | null;
  readonly organisation: string | null;
  readonly bio: string | null;
  readonly role: Role;
  /** ISO 8601 date-time. */
  readonly createdAt: string;
}

/** What others see of a person (`Clinician` in the schema). */
export interface Clinician {
  readonly __typename?: 'Clinician';
  readonly id: string;
  readonly displayName: string;
  readonly profession: ProfessionId;
  readonly professionLabel: string;
  readonly specialty: string | null;
  readonly organisation: string | null;
  readonly role: Role;
}

export interface AuthPayload {
  readonly __typename?: 'AuthPayload';
  readonly accessToken: string;
  /** ISO 8601 date-time. */
  readonly accessTokenExpiresAt: string;
  readonly refreshToken: string;
  readonly account: Account;
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  profession: ProfessionId;
  specialty?: string | null;
  organisation?: string | null;
}

export interface SignInInput {
  email: string;
  password: string;
}

export interface UpdateProfileInput {
  displayName?: string;
  profession?: ProfessionId;
  specialty?: string | null;
  organisation?: string | null;
  bio?: string | null;
}
