import type { Account } from '@kindred/api-client';

/** Organisers schedule WHAMinars; admins pass every organiser check. */
export function canSchedule(account: Pick<Account, 'role'> | null | undefined): boolean {
  return account?.role === 'organiser' || account?.role === 'admin';
}
