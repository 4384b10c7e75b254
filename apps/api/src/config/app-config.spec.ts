import { parseEnv } from './app-config';

describe('parseEnv', () => {
  it('fills every default on an empty environment', () => {
    const c = parseEnv({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.EMBEDDED_DB_DIR).toBe('.kindred/data');
    expect(c.SEED_DEMO).toBe(true);
    expect(c.ADMIN_EMAILS).toEqual([]);
  });
  it('names the variable and the value at fault', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT: .*"eighty"/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseEnv({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });
  it('normalises admin emails', () => {
    expect(parseEnv({ ADMIN_EMAILS: ' A@x.org, b@y.org ' }).ADMIN_EMAILS).toEqual(['a@x.org', 'b@y.org']);
  });
});
