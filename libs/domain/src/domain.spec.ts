import { THEMES, THEME_IDS, isThemeId, passwordWeakness, isHttpsUrl, isEmail, PROFESSION_IDS, STAGE_IDS } from './index';

describe('theme taxonomy', () => {
  it('has unique ids in both groups', () => {
    expect(new Set(THEME_IDS).size).toBe(THEMES.length);
    expect(THEMES.filter((t) => t.group === 'determinant').length).toBe(17);
    expect(THEMES.filter((t) => t.group === 'approach').length).toBe(11);
  });
  it('recognises known ids only', () => {
    expect(isThemeId('housing')).toBe(true);
    expect(isThemeId('astrology')).toBe(false);
  });
  it('has professions and stages from the design', () => {
    expect(PROFESSION_IDS).toContain('health-visitor');
    expect(STAGE_IDS).toEqual(['idea', 'planning', 'running', 'evaluating', 'sustained', 'finished']);
  });
});

describe('passwordWeakness', () => {
  it('explains a short password', () => {
    expect(passwordWeakness('short')).toMatch(/at least 10 characters/);
  });
  it('refuses common and monotonous passwords', () => {
    expect(passwordWeakness('password123')).toMatch(/too common/);
    expect(passwordWeakness('aaaaaaaaaaaa')).toMatch(/variety/);
  });
  it('refuses a password containing the email name', () => {
    expect(passwordWeakness('xxjane.doe99', 'jane.doe@nhs.net')).toMatch(/email name/);
  });
  it('accepts a long varied passphrase', () => {
    expect(passwordWeakness('correct horse battery staple')).toBeNull();
  });
});

describe('validators', () => {
  it('accepts only https links with a host', () => {
    expect(isHttpsUrl('https://example.org/x')).toBe(true);
    expect(isHttpsUrl('http://example.org')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
  });
  it('checks emails', () => {
    expect(isEmail('a.b@nhs.net')).toBe(true);
    expect(isEmail('not-an-email')).toBe(false);
  });
});
