import { parseImportIndicatorArgs } from './import-indicator-args.util';

describe('import-indicator command line', () => {
  it('reads the file, the name and the optional fields', () => {
    expect(parseImportIndicatorArgs(['data.csv', '--name', ' Child poverty ', '--unit=% of children', '--source', 'DWP 2024', '--lower-is-worse'])).toEqual({
      ok: true,
      args: { file: 'data.csv', meta: { name: 'Child poverty', description: null, unit: '% of children', source: 'DWP 2024', higherIsWorse: false } },
    });
  });

  it('defaults to higher is worse', () => {
    const parsed = parseImportIndicatorArgs(['--name', 'Deprivation', 'imd.csv']);
    expect(parsed.ok && 'args' in parsed && parsed.args.meta.higherIsWorse).toBe(true);
  });

  it('shows help', () => {
    expect(parseImportIndicatorArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it.each([
    [[], 'Give the CSV file to import.'],
    [['a.csv'], '--name is required: say what the indicator measures.'],
    [['a.csv', '--name'], '--name needs a value.'],
    [['a.csv', '--name', 'ab'], '--name must be 3 to 120 characters (got 2).'],
    [['a.csv', 'b.csv', '--name', 'Deprivation'], 'Unexpected argument "b.csv": give one CSV file.'],
    [['a.csv', '--name', 'Deprivation', '--colour', 'red'], 'Unknown option --colour.'],
    [['a.csv', '--name', 'One', '--name', 'Two'], '--name is given twice.'],
  ])('refuses %j', (argv, error) => {
    expect(parseImportIndicatorArgs(argv)).toEqual({ ok: false, error });
  });
});
