import { describeProblem, parseIndicatorCsv } from './indicator-csv.util';
import { INDICATOR_LIMITS } from './indicator-limits.constant';

function problems(text: string): string[] {
  const result = parseIndicatorCsv(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(describeProblem);
}

function rows(text: string) {
  const result = parseIndicatorCsv(text);
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join(' '));
  return result;
}

describe('parseIndicatorCsv', () => {
  it('reads codes, names and values, with the header in any order and case', () => {
    const result = rows('Value,AREA_NAME,area_code\n35.2,Birmingham,E08000025\n-1.5e1,"Bristol, City of",E06000023\n');
    expect(result.hasCoordinates).toBe(false);
    expect(result.rows).toEqual([
      { line: 2, areaCode: 'E08000025', areaName: 'Birmingham', value: 35.2, point: null },
      { line: 3, areaCode: 'E06000023', areaName: 'Bristol, City of', value: -15, point: null },
    ]);
  });

  it('takes optional lat,lng and falls back to the name where they are blank', () => {
    const result = rows('area_code,area_name,value,lat,lng\nE09000030,Tower Hamlets,44.8,51.515,-0.03\nE08000035,Leeds,24.1,,\n');
    expect(result.hasCoordinates).toBe(true);
    expect(result.rows.map((r) => r.point)).toEqual([{ lat: 51.515, lng: -0.03 }, null]);
  });

  it('ignores columns it does not know', () => {
    expect(rows('area_code,area_name,year,value\nA,Leeds,2024,3\nB,York,2024,4').rows.map((r) => r.value)).toEqual([3, 4]);
  });

  it('says when the first line is data rather than the header', () => {
    expect(problems('E08000025,Birmingham,35.2\nE08000035,Leeds,24.1')).toEqual([
      'Line 1: the first line must be the header area_code,area_name,value (optionally ,lat,lng), but it is "E08000025,Birmingham,35.2".',
    ]);
  });

  it('names a missing column and a half-given coordinate pair', () => {
    expect(problems('area_code,area_name\nA,Leeds')).toEqual([
      'Line 1: the header has no value column; it must name area_code,area_name,value (optionally lat,lng).',
    ]);
    expect(problems('area_code,area_name,value,lat\nA,Leeds,1,53')).toEqual(['Line 1: the header has lat but no lng; give both or neither.']);
  });

  it('reports a bad number with its line, and every other bad row too', () => {
    expect(problems('area_code,area_name,value\nA,Leeds,12\nB,York,abc\nC,Hull,12%\nD,Derby,\n,Bath,3\n')).toEqual([
      'Line 3: value "abc" is not a number (write e.g. 12.5, without units, % or thousands separators).',
      'Line 4: value "12%" is not a number (write e.g. 12.5, without units, % or thousands separators).',
      'Line 5: value is empty.',
      'Line 6: area_code is empty.',
    ]);
  });

  it('refuses a repeated area code, whatever its case, naming both lines', () => {
    expect(problems('area_code,area_name,value\nE1,Leeds,1\nE2,York,2\ne1,Leeds again,3')).toEqual([
      'Line 4: area code "e1" already appears on line 2.',
    ]);
  });

  it('counts fields against the header and hints at unquoted commas', () => {
    expect(problems('area_code,area_name,value\nA,Bristol, City of,3\nB,York')).toEqual([
      'Line 2: expected 3 fields like the header, found 4 (put a name that contains a comma in double quotes).',
      'Line 3: expected 3 fields like the header, found 2.',
    ]);
  });

  it('refuses coordinates outside the UK or half given', () => {
    expect(problems('area_code,area_name,value,lat,lng\nA,Leeds,1,-1.55,53.8\nB,York,2,53.96,\n')).toEqual([
      'Line 2: lat,lng -1.55,53.8 is outside the UK (is it lng,lat the wrong way round?).',
      'Line 3: lat,lng "53.96","" must both be decimal degrees (or both empty to find the place by name).',
    ]);
  });

  it('reports a CSV syntax error with its line', () => {
    expect(problems('area_code,area_name,value\nA,"Leeds,1\nB,York,2')).toEqual(['Line 2: a quoted field is never closed (a " is missing).']);
  });

  it('refuses an empty file, a header alone and a single area', () => {
    expect(problems('')).toEqual(['The file is empty; it needs the header area_code,area_name,value and one row per area.']);
    expect(problems('\uFEFF\r\n\r\n')).toHaveLength(1);
    expect(problems('area_code,area_name,value\n')).toEqual(['The file has 0 data rows; an indicator needs at least 2 areas to compare.']);
    expect(problems('area_code,area_name,value\nA,Leeds,1')).toEqual(['The file has 1 data row; an indicator needs at least 2 areas to compare.']);
  });

  it(`refuses more than ${INDICATOR_LIMITS.maxRows} rows, but takes exactly that many`, () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `C${i},Place ${i},${i}`).join('\n');
    expect(rows(`area_code,area_name,value\n${body(INDICATOR_LIMITS.maxRows)}`).rows).toHaveLength(INDICATOR_LIMITS.maxRows);
    expect(problems(`area_code,area_name,value\n${body(INDICATOR_LIMITS.maxRows + 1)}`)).toEqual([
      'The file has more than 1,000 data rows; import at most 1,000 areas at once.',
    ]);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = `area_code,area_name,value\nA,${'x'.repeat(INDICATOR_LIMITS.maxCsvBytes)},1\n`;
    expect(problems(big)).toEqual([expect.stringMatching(/^The file is \d+ KB; at most 512 KB can be imported\.$/)]);
  });

  it(`stops listing after ${INDICATOR_LIMITS.maxProblems} problems`, () => {
    const body = Array.from({ length: 200 }, (_, i) => `C${i},Place,not-a-number`).join('\n');
    expect(problems(`area_code,area_name,value\n${body}`)).toHaveLength(INDICATOR_LIMITS.maxProblems);
  });
});
