import { googleCalendarUrl, outlookCalendarUrl } from './calendar-links.util';
import { csvField, REGISTRATION_CSV_HEADER, registrationsCsv } from './registrations-csv.util';
import { fileSlug } from './webinars.controller';

describe('registrations CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvField('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
  });

  it('writes a header and one CRLF line per person', () => {
    const csv = registrationsCsv([
      {
        name: 'Dr A',
        profession: 'Doctor',
        specialty: null,
        organisation: 'Leeds, West',
        status: 'waiting',
        waitingPosition: 1,
        registeredAt: null,
        queuedAt: new Date('2027-01-01T10:00:00Z'),
        cancelledAt: null,
        attended: false,
        attendedAt: null,
        attendanceSource: null,
      },
    ]);
    expect(csv).toBe(`${REGISTRATION_CSV_HEADER.join(',')}\r\nDr A,Doctor,,"Leeds, West",waiting,1,,2027-01-01T10:00:00.000Z,,no,,\r\n`);
  });

  it('names files after the title', () => {
    expect(fileSlug('Warm spaces & fuel poverty: planning!')).toBe('warm-spaces-fuel-poverty-planning');
    expect(fileSlug('!!!')).toBe('whaminar');
  });
});

describe('add-to-calendar links', () => {
  const event = {
    title: 'Asking about money',
    startsAt: new Date('2027-03-28T09:00:00Z'),
    endsAt: new Date('2027-03-28T10:00:00Z'),
    timeZone: 'Europe/London',
    details: 'Bring questions.',
    pageUrl: 'https://kindred.example/webinars/abc',
  };

  it('Google: UTC dates, the zone, the page link in details', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('dates')).toBe('20270328T090000Z/20270328T100000Z');
    expect(url.searchParams.get('ctz')).toBe('Europe/London');
    expect(url.searchParams.get('details')).toContain('https://kindred.example/webinars/abc');
  });

  it('Outlook: ISO UTC start and end', () => {
    const url = new URL(outlookCalendarUrl(event));
    expect(url.hostname).toBe('outlook.live.com');
    expect(url.searchParams.get('startdt')).toBe('2027-03-28T09:00:00Z');
    expect(url.searchParams.get('enddt')).toBe('2027-03-28T10:00:00Z');
    expect(url.searchParams.get('subject')).toBe('Asking about money');
  });
});
