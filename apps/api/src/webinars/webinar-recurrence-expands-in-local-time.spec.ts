import { expandRecurrence } from './webinar-recurrence.util';

describe('expandRecurrence', () => {
  it('repeats monthly at the same wall-clock time, whatever the offset on each date', () => {
    const result = expandRecurrence('FREQ=MONTHLY;COUNT=4', '2027-01-28T10:00');
    expect(result).toEqual({
      ok: true,
      rule: 'FREQ=MONTHLY;COUNT=4',
      locals: ['2027-01-28T10:00', '2027-02-28T10:00', '2027-03-28T10:00', '2027-04-28T10:00'],
    });
  });

  it('takes an RRULE: prefix, lower case and BYDAY rules (second Tuesday)', () => {
    const result = expandRecurrence('rrule:freq=monthly;byday=2TU;count=3', '2027-03-01T18:30');
    expect(result.ok && result.locals).toEqual(['2027-03-09T18:30', '2027-04-13T18:30', '2027-05-11T18:30']);
  });

  it('reads UNTIL as local time', () => {
    const result = expandRecurrence('FREQ=WEEKLY;UNTIL=20270315T235900', '2027-03-01T12:00');
    expect(result.ok && result.locals).toEqual(['2027-03-01T12:00', '2027-03-08T12:00', '2027-03-15T12:00']);
  });

  it.each([
    ['FREQ=MONTHLY', /must end/],
    ['FREQ=WEEKLY;COUNT=25', /at most 24/],
    ['FREQ=DAILY;UNTIL=20280101T000000', /at most 24/],
    ['FREQ=HOURLY;COUNT=3', /DAILY, WEEKLY, MONTHLY or YEARLY/],
    ['FREQ=DAILY;BYHOUR=9;COUNT=3', /BYHOUR is not allowed/],
    ['FREQ=DAILY;COUNT=abc', /COUNT must be a whole number/],
    ['DTSTART=20270101T000000;FREQ=DAILY;COUNT=2', /DTSTART is not allowed/],
    ['FREQ=BOGUS;COUNT=2', /FREQ must be/],
    ['FREQ=WEEKLY;BYDAY=XX;COUNT=2', /Not a valid RRULE|Invalid/],
    ['FREQ=DAILY;COUNT=2;COUNT=3', /once/],
    ['hello', /KEY=VALUE/],
    ['', /one RRULE line/],
  ])('refuses %s', (rule, message) => {
    const result = expandRecurrence(rule, '2027-03-01T12:00');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
