import type { Role } from '@kindred/domain';

/** Who is asking: what the access token proves, attached to each request. */
export interface AuthUser {
  id: string;
  role: Role;
}

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  typ: 'access';
}
