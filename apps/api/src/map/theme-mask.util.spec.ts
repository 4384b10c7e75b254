import { THEME_IDS } from '@kindred/domain';
import { bitCount, THEME_MASK_BITS, themeMask, themeMaskProblem, themesInMask } from './theme-mask.util';

describe('theme masks', () => {
  it('give every taxonomy theme its own bit within 31 bits', () => {
    expect(themeMaskProblem()).toBeNull();
    expect(new Set(THEME_MASK_BITS).size).toBe(THEME_MASK_BITS.length);
    const masks = THEME_IDS.map((id) => themeMask([id]));
    expect(new Set(masks).size).toBe(THEME_IDS.length);
    for (const m of masks) expect(bitCount(m)).toBe(1);
  });

  it('combine themes, ignore unknown ids and read back in the asked order', () => {
    const mask = themeMask(['housing', 'child-poverty', 'astrology']);
    expect(mask).toBe(0b101);
    expect(bitCount(mask)).toBe(2);
    expect(themesInMask(mask | themeMask(['mental-health']), ['food-insecurity', 'housing', 'child-poverty'])).toEqual(['housing', 'child-poverty']);
    expect(bitCount(themeMask([...THEME_MASK_BITS]))).toBe(THEME_MASK_BITS.length);
  });
});
