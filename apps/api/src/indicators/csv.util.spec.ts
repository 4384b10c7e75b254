import { csvRecords, CsvSyntaxError } from './csv.util';

const parse = (text: string) => [...csvRecords(text)];

describe('csvRecords', () => {
  it('splits plain records and numbers them by line', () => {
    expect(parse('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const records = parse('code,name\nX1,"Bristol, City of"\nX2,"The ""Old"" Town"\nX3,"two\nlines"\nX4,after');
    expect(records.map((r) => r.fields)).toEqual([
      ['code', 'name'],
      ['X1', 'Bristol, City of'],
      ['X2', 'The "Old" Town'],
      ['X3', 'two\nlines'],
      ['X4', 'after'],
    ]);
    // The record after a field spanning two lines starts on the right line.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('drops a byte-order mark and accepts CRLF, LF and CR line ends', () => {
    expect(parse('\uFEFFa,b\r\n1,2\r3,4\n5,6').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('skips blank and whitespace-only lines but counts them', () => {
    const records = parse('a,b\n\n  \r\n1,2\n\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['1', '2'] },
    ]);
  });

  it('trims spaces around fields, also around quoted ones, but not inside quotes', () => {
    expect(parse(' a , " b " ,c ')[0]?.fields).toEqual(['a', ' b ', 'c']);
  });

  it('keeps empty fields, including a trailing one and a quoted empty one', () => {
    expect(parse('a,,""\n,\n')[0]?.fields).toEqual(['a', '', '']);
    expect(parse('a,,""\n,\n')[1]?.fields).toEqual(['', '']);
  });

  it('names the line where an unclosed quote opened', () => {
    expect(() => parse('a,b\n1,2\n3,"never closed\n4,5\n')).toThrow(new CsvSyntaxError(3, 'a quoted field is never closed (a " is missing).'));
  });

  it('refuses text after a closing quote and a stray quote in an unquoted field', () => {
    expect(() => parse('a,b\n"x"y,2')).toThrow(/^Line 2: unexpected text after a closing quote/);
    expect(() => parse('a,b\n1,5" tall')).toThrow(/^Line 2: a " inside an unquoted field/);
  });
});
