import { formatOffset, vtimezone, zoneTransitions } from './vtimezone.util';

describe('VTIMEZONE from the zone rules', () => {
  it('finds the UK changes of 2027 to the minute', () => {
    const changes = zoneTransitions('Europe/London', 2027, 2027);
    expect(changes.map((c) => [new Date(c.at).toISOString(), c.from, c.to, c.dst, c.name])).toEqual([
      ['2027-03-28T01:00:00.000Z', 0, 60, true, 'BST'],
      ['2027-10-31T01:00:00.000Z', 60, 0, false, 'GMT'],
    ]);
  });

  it('writes DAYLIGHT and STANDARD observances with local DTSTARTs', () => {
    const text = vtimezone('Europe/London', 2027, 2027);
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/London',
      'BEGIN:STANDARD',
      'DTSTART:20270101T000000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0000',
      'TZNAME:GMT',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20270328T010000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'TZNAME:BST',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20271031T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0000',
      'TZNAME:GMT',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('handles zones without changes and with half-hour offsets', () => {
    expect(zoneTransitions('Asia/Kolkata', 2026, 2028)).toEqual([]);
    expect(vtimezone('Asia/Kolkata', 2027, 2027)).toContain('TZOFFSETTO:+0530');
    expect(formatOffset(-210)).toBe('-0330');
  });
});
