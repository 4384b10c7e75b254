/** The bell's accessible name: "Notifications", or "Notifications, 3 unread". */
export function notificationsLabel(unread: number | null): string {
  if (!unread || unread < 0) return 'Notifications';
  return `Notifications, ${unread} unread`;
}

/** The badge's text: the count, capped so it stays small ("99+"). */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

const RELATIVE = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", then a date ("4 Mar 2026"). */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return '';
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return RELATIVE.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return RELATIVE.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 7) return RELATIVE.format(-days, 'day');
  return DATE.format(then);
}
