import { professionLabel } from '@kindred/domain';
import type { Account } from './models/account.model';
import type { Clinician } from './models/clinician.model';
import type { UserEntity } from './user.entity';

/** The account as its owner sees it (never the password hash). */
export function toAccount(user: UserEntity): Account {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    profession: user.profession,
    specialty: user.specialty,
    organisation: user.organisation,
    bio: user.bio,
    role: user.role,
    createdAt: user.createdAt,
  };
}

/** The public profile others see: no email, no bio-level detail beyond the profile fields. */
export function toClinician(user: UserEntity): Clinician {
  return {
    id: user.id,
    displayName: user.displayName,
    profession: user.profession,
    professionLabel: professionLabel(user.profession),
    specialty: user.specialty,
    organisation: user.organisation,
    role: user.role,
  };
}
