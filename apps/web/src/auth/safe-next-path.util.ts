/** Where to go after signing in: only a path on this site (never `//evil.example` or a full URL). */
export function safeNextPath(next: string | null, fallback = '/my-projects'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/sign-in') || next.startsWith('/sign-up')) return fallback;
  return next;
}
