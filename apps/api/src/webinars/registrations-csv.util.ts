export interface RegistrationCsvRow {
  name: string;
  profession: string;
  specialty: string | null;
  organisation: string | null;
  status: string;
  waitingPosition: number | null;
  registeredAt: Date | null;
  queuedAt: Date;
  cancelledAt: Date | null;
  attended: boolean;
  attendedAt: Date | null;
  attendanceSource: string | null;
}

export const REGISTRATION_CSV_HEADER = [
  'name',
  'profession',
  'specialty',
  'organisation',
  'status',
  'waiting_position',
  'registered_at',
  'signed_up_at',
  'cancelled_at',
  'attended',
  'attended_at',
  'attendance_source',
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A value a
 * spreadsheet would read as a formula (=, +, -, @, tab, CR first) is prefixed with an apostrophe,
 * since names and organisations are typed by users.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The organiser's registrant export: a header line, then one line per person, CRLF line ends. */
export function registrationsCsv(rows: readonly RegistrationCsvRow[]): string {
  const iso = (at: Date | null) => (at ? at.toISOString() : null);
  const lines = [REGISTRATION_CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.name,
        r.profession,
        r.specialty,
        r.organisation,
        r.status,
        r.waitingPosition,
        iso(r.registeredAt),
        iso(r.queuedAt),
        iso(r.cancelledAt),
        r.attended ? 'yes' : 'no',
        iso(r.attendedAt),
        r.attendanceSource,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
