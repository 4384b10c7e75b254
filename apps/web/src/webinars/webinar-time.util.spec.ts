import {
  formatDateTime,
  formatTimeRange,
  isKnownTimeZone,
  organiserTime,
  previewZones,
  timeZoneChoices,
  zonedInstant,
  zonePreview,
  zoneMatches,
} from './webinar-time.util';

const utc = (local: string, zone: string) => {
  const r = zonedInstant(local, zone);
  if (!r.ok) throw new Error(`not ok: ${r.reason}`);
  return r.at.toUTC().toISO();
};

describe('WHAMinar times', () => {
  it('keeps 10:00 London at 10:00 across the March clock change (09:00 UTC on the Sunday, 10:00 UTC the day before)', () => {
    expect(utc('2027-03-27T10:00', 'Europe/London')).toBe('2027-03-27T10:00:00.000Z');
    expect(utc('2027-03-28T10:00', 'Europe/London')).toBe('2027-03-28T09:00:00.000Z');
  });

  it('refuses a time the clocks skip and takes the first (summer-time) of a time that happens twice, as the API does', () => {
    expect(zonedInstant('2027-03-28T01:30', 'Europe/London')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(utc('2027-10-31T01:30', 'Europe/London')).toBe('2027-10-31T00:30:00.000Z');
    expect(zonedInstant('2027-03-28T10:00', 'Mars/Olympus')).toEqual({ ok: false, reason: 'zone' });
    expect(zonedInstant('28/03/2027 10:00', 'Europe/London')).toEqual({ ok: false, reason: 'format' });
  });

  it('writes instants the same way in every browser, in the zone asked for', () => {
    expect(formatDateTime('2027-03-28T09:00:00Z', 'Europe/London')).toBe('Sunday 28 March 2027, 10:00 BST');
    expect(formatDateTime('2027-03-28T09:00:00Z', 'UTC')).toBe('Sunday 28 March 2027, 09:00 UTC');
    expect(formatTimeRange('2027-03-09T10:00:00Z', '2027-03-09T11:30:00Z', 'Europe/London')).toBe('Tuesday 9 March 2027, 10:00–11:30 GMT');
    expect(formatTimeRange('2027-03-09T23:30:00Z', '2027-03-10T00:30:00Z', 'Europe/London')).toBe(
      'Tuesday 9 March 2027, 23:30 GMT to Wednesday 10 March 2027, 00:30 GMT',
    );
    expect(organiserTime({ localStartsAt: '2027-03-28T10:00', timeZoneAbbreviation: 'BST', timeZone: 'Europe/London' })).toBe('10:00 BST (Europe/London)');
  });

  it('previews a start in two other zones, each with its own rules for that date', () => {
    expect(previewZones('America/New_York', 'America/New_York')).toEqual(['Europe/London', 'UTC']);
    expect(previewZones('Europe/London', 'Asia/Kolkata')).toEqual(['Asia/Kolkata', 'UTC']);
    // New York moves its clocks on 14 March 2027, London on 28 March: for two weeks they are 4 hours apart.
    const before = zonePreview('2027-03-20', '10:00', 'America/New_York', ['Europe/London', 'UTC']);
    expect(before).toEqual({
      kind: 'ok',
      entered: 'Saturday 20 March 2027, 10:00 GMT-4 (America/New_York)',
      others: [
        { zone: 'Europe/London', text: 'Saturday 20 March 2027, 14:00 GMT' },
        { zone: 'UTC', text: 'Saturday 20 March 2027, 14:00 UTC' },
      ],
    });
    const after = zonePreview('2027-03-28', '10:00', 'America/New_York', ['Europe/London']);
    expect(after.kind === 'ok' && after.others[0]?.text).toBe('Sunday 28 March 2027, 15:00 BST');
    expect(zonePreview('2027-03-28', '01:30', 'Europe/London', ['UTC'])).toEqual({
      kind: 'invalid',
      message: '01:30 on 28 March 2027 does not exist in Europe/London: the clocks go forward then. Choose another time.',
    });
    expect(zonePreview('', '10:00', 'Europe/London', ['UTC'])).toEqual({ kind: 'incomplete' });
  });

  it('lists every zone the browser knows, with UTC and the current value, and filters by city', () => {
    const zones = timeZoneChoices(['Europe/London']);
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.filter((z) => zoneMatches(z, 'new york'))).toEqual(['America/New_York']);
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
