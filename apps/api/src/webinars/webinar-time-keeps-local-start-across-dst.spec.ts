import { scheduleFrom } from './webinar-schedule.util';
import { describeStart, isKnownTimeZone, toLocal, withTimeOfDay, zonedInstant, zonedInstantLenient, zoneAbbreviation } from './webinar-time.util';

const at = (local: string, zone = 'Europe/London') => {
  const result = zonedInstant(local, zone);
  if (!result.ok) throw new Error(result.message);
  return result.at.toUTC().toISO();
};

describe('local wall time + IANA zone → UTC', () => {
  it('keeps 10:00 London at 10:00 on both sides of the March change (GMT → BST)', () => {
    expect(at('2027-03-27T10:00')).toBe('2027-03-27T10:00:00.000Z');
    expect(at('2027-03-28T10:00')).toBe('2027-03-28T09:00:00.000Z');
  });

  it('keeps 10:00 London at 10:00 on both sides of the October change (BST → GMT)', () => {
    expect(at('2027-10-30T10:00')).toBe('2027-10-30T09:00:00.000Z');
    expect(at('2027-10-31T10:00')).toBe('2027-10-31T10:00:00.000Z');
  });

  it('refuses a time the clocks skip, and takes the first of a time that happens twice', () => {
    const skipped = zonedInstant('2027-03-28T01:30', 'Europe/London');
    expect(skipped.ok).toBe(false);
    expect(!skipped.ok && skipped.reason).toBe('nonexistent');
    expect(at('2027-10-31T01:30')).toBe('2027-10-31T00:30:00.000Z');
    // A series occurrence on a skipped time moves forward by the gap instead.
    expect(zonedInstantLenient('2027-03-28T01:30', 'Europe/London').toUTC().toISO()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('reads back the same local time and names the zone', () => {
    expect(toLocal(new Date('2027-03-28T09:00:00Z'), 'Europe/London')).toBe('2027-03-28T10:00');
    expect(zoneAbbreviation(new Date('2027-03-28T09:00:00Z'), 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation(new Date('2027-03-27T10:00:00Z'), 'Europe/London')).toBe('GMT');
    expect(describeStart(new Date('2027-03-28T09:00:00Z'), 'Europe/London')).toBe('Sun 28 Mar 2027, 10:00 BST (Europe/London)');
    expect(withTimeOfDay('2027-03-28T10:00', '18:30')).toBe('2027-03-28T18:30');
  });

  it('knows real IANA zones only', () => {
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('Europe/Londn')).toBe(false);
    expect(isKnownTimeZone('+01:00')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
    expect(zonedInstant('2027-03-28T10:00', 'Mars/Olympus_Mons')).toMatchObject({ ok: false, reason: 'zone' });
    expect(zonedInstant('2027-02-30T10:00', 'Europe/London')).toMatchObject({ ok: false, reason: 'format' });
    expect(zonedInstant('2027-03-28 10:00', 'Europe/London')).toMatchObject({ ok: false, reason: 'format' });
  });
});

describe('scheduleFrom', () => {
  const now = new Date('2027-01-01T00:00:00Z');

  it('derives the end from a duration or from a local end, in real minutes across a change', () => {
    const byDuration = scheduleFrom({ startsAt: '2027-03-28T10:00', timeZone: 'Europe/London', durationMinutes: 90 }, now);
    expect(byDuration.ok && byDuration.schedule.endsAt.toUTC().toISO()).toBe('2027-03-28T10:30:00.000Z');
    // 00:30 to 03:30 local on the March night is only 2 real hours.
    const byEnd = scheduleFrom({ startsAt: '2027-03-28T00:30', timeZone: 'Europe/London', endsAt: '2027-03-28T03:30' }, now);
    expect(byEnd.ok && byEnd.schedule.durationMinutes).toBe(120);
  });

  it.each([
    [{ startsAt: '2026-12-31T10:00', timeZone: 'Europe/London', durationMinutes: 60 }, 'startsAt', /past/],
    [{ startsAt: '2027-03-28T10:00', timeZone: 'Europe/Londn', durationMinutes: 60 }, 'timeZone', /Unknown time zone/],
    [{ startsAt: '2027-03-28T10:00', timeZone: 'Europe/London', endsAt: '2027-03-28T09:00' }, 'endsAt', /after the start/],
    [{ startsAt: '2027-03-28T10:00', timeZone: 'Europe/London', endsAt: '2027-03-28T18:01' }, 'endsAt', /at most 8 hours/],
    [{ startsAt: '2027-03-28T10:00', timeZone: 'Europe/London', durationMinutes: 481 }, 'durationMinutes', /480/],
    [{ startsAt: '2027-03-28T10:00', timeZone: 'Europe/London' }, 'durationMinutes', /or endsAt/],
    [{ startsAt: '2027-03-28T10:00', timeZone: 'Europe/London', durationMinutes: 60, endsAt: '2027-03-28T11:00' }, 'endsAt', /not both/],
    [{ startsAt: '2027-03-28T01:15', timeZone: 'Europe/London', durationMinutes: 60 }, 'startsAt', /does not exist/],
  ])('refuses %j on %s', (input, field, message) => {
    const result = scheduleFrom(input, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.field).toBe(field);
    expect(!result.ok && result.message).toMatch(message);
  });
});
