import { DEFAULT_DEMO_SEED } from './demo-data.util';
import { parseSeedArgs } from './seed-args.util';

describe('parseSeedArgs', () => {
  it('reads the number of projects with defaults for the rest', () => {
    expect(parseSeedArgs(['100000'])).toEqual({ ok: true, args: { projects: 100000, seed: DEFAULT_DEMO_SEED, batchSize: 5000 } });
    expect(parseSeedArgs(['1_000_000'])).toMatchObject({ ok: true, args: { projects: 1_000_000 } });
    expect(parseSeedArgs(['1,000'])).toMatchObject({ ok: true, args: { projects: 1000 } });
  });

  it('reads options before or after the count, spaced or with =', () => {
    expect(parseSeedArgs(['500', '--clinicians', '40', '--seed=7'])).toMatchObject({ ok: true, args: { projects: 500, clinicians: 40, seed: 7 } });
    expect(parseSeedArgs(['--seed', '0', '--batch-size=1000', '--concurrency', '3', '20'])).toMatchObject({
      ok: true,
      args: { projects: 20, seed: 0, batchSize: 1000, concurrency: 3 },
    });
  });

  it('asks for help', () => {
    expect(parseSeedArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseSeedArgs(['-h'])).toEqual({ ok: true, help: true });
  });

  it.each([
    [[], /Give the number of projects/],
    [['0'], /from 1 to 1,000,000 \(got "0"\)/],
    [['1000001'], /from 1 to 1,000,000/],
    [['-5'], /Unknown option|from 1 to/],
    [['12.5'], /from 1 to 1,000,000/],
    [['lots'], /from 1 to 1,000,000 \(got "lots"\)/],
    [['10', '20'], /Unexpected argument "20"/],
    [['10', '--clinicians'], /--clinicians needs a value/],
    [['10', '--clinicians', '0'], /--clinicians must be a whole number from 1/],
    [['10', '--clinicians', '11'], /cannot exceed the number of projects/],
    [['10', '--seed', '-1'], /--seed must be a whole number from 0 to 4294967295/],
    [['10', '--seed', '4294967296'], /--seed must be/],
    [['10', '--batch-size', '10'], /--batch-size must be a whole number from 100 to 50000/],
    [['10', '--concurrency', '0'], /--concurrency must be/],
    [['10', '--projects', '5'], /Unknown option --projects/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseSeedArgs(argv as string[]);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.error).toMatch(message);
  });
});
