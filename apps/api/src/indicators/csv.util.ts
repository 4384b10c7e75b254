/** One CSV record and the (1-based) line of the file it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** A syntax error that stops parsing (an unclosed quote, text after a closing quote). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
  }
}

/**
 * RFC 4180 CSV, forgiving where people's files usually differ from it: a leading byte-order mark
 * is dropped, lines may end in CRLF, LF or CR, blank lines are skipped, and spaces around a field
 * (also around a quoted one) are trimmed. Inside double quotes a field may hold commas, line breaks
 * and `""` for a quote. Records are yielded lazily so a caller can stop at a row limit without
 * reading the rest. Throws CsvSyntaxError naming the line.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  const n = s.length;

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let quotedAny = false;
    // One record: fields separated by commas, ended by a line break or the end of the text.
    for (;;) {
      while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
      let value: string;
      if (s[i] === '"') {
        quotedAny = true;
        const opened = line;
        i++;
        let out = '';
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(opened, 'a quoted field is never closed (a " is missing).');
          const c = s[i] as string;
          if (c === '"') {
            if (s[i + 1] === '"') {
              out += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\r' || c === '\n') {
            i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
            line++;
            out += '\n';
            continue;
          }
          out += c;
          i++;
        }
        while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
        if (i < n && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
          throw new CsvSyntaxError(line, 'unexpected text after a closing quote (write "" for a quote inside a quoted field).');
        }
        value = out;
      } else {
        const from = i;
        while (i < n && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
          if (s[i] === '"') throw new CsvSyntaxError(line, 'a " inside an unquoted field (put the whole field in double quotes and write "" for the quote).');
          i++;
        }
        value = s.slice(from, i).trim();
      }
      fields.push(value);
      if (i < n && s[i] === ',') {
        i++;
        continue;
      }
      // End of record: a line break (CRLF, LF or CR) or the end of the text.
      if (i < n) {
        i += s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    const blank = !quotedAny && fields.length === 1 && fields[0] === '';
    if (!blank) yield { line: start, fields };
  }
}
