import { badgeText, formatWhen, notificationsLabel } from './notification-label.util';

describe('notification labels', () => {
  it('puts the unread count in the bell’s accessible name', () => {
    expect(notificationsLabel(null)).toBe('Notifications');
    expect(notificationsLabel(0)).toBe('Notifications');
    expect(notificationsLabel(1)).toBe('Notifications, 1 unread');
    expect(notificationsLabel(3)).toBe('Notifications, 3 unread');
  });

  it('keeps the badge short', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(120)).toBe('99+');
  });

  it('says when, relative to now, then as a date', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(formatWhen('2026-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatWhen('2026-03-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatWhen('2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatWhen('2026-03-09T10:00:00Z', now)).toBe('yesterday');
    expect(formatWhen('2026-02-01T10:00:00Z', now)).toBe('1 Feb 2026');
    expect(formatWhen('not a date', now)).toBe('');
  });
});
