import { SetMetadata } from '@nestjs/common';
import type { Role } from '@kindred/domain';

export const REQUIRED_ROLES = 'kindred:roles';
/** Restricts a resolver to users holding one of these roles (admins pass every role check). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
