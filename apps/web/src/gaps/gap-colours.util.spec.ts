import { describeArea, formatValue, isIllustrative, NEED_PALETTE, needClass, needColour, needLegendClasses } from './gap-colours.util';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('need colour scale', () => {
  it('has five distinct classes that darken steadily, so order survives greyscale and colour blindness', () => {
    expect(new Set(NEED_PALETTE).size).toBe(5);
    const l = NEED_PALETTE.map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeLessThan(l[i - 1]! * 0.75);
  });

  it('puts each fifth of the need percentile in its own class, the very top included', () => {
    expect([0, 0.19, 0.2, 0.39, 0.4, 0.59, 0.6, 0.79, 0.8, 0.99, 1].map(needClass)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
    expect(needColour(0)).toBe(NEED_PALETTE[0]);
    expect(needColour(1)).toBe(NEED_PALETTE[4]);
  });

  it('treats nonsense as least need rather than failing', () => {
    expect(needClass(Number.NaN)).toBe(0);
    expect(needClass(-1)).toBe(0);
    expect(needClass(7)).toBe(4);
  });

  it('gives each legend class the range of values its areas span', () => {
    const classes = needLegendClasses([
      { needScore: 0, value: 10.9 },
      { needScore: 0.1, value: 12 },
      { needScore: 0.5, value: 20 },
      { needScore: 1, value: 38.4 },
      { needScore: 0.85, value: 30 },
    ]);
    expect(classes.map((c) => [c.minValue, c.maxValue, c.areas])).toEqual([
      [10.9, 12, 2],
      [null, null, 0],
      [20, 20, 1],
      [null, null, 0],
      [30, 38.4, 2],
    ]);
    expect(classes[0]!.label).toMatch(/^Least need/);
    expect(classes[4]!.label).toMatch(/^Most need/);
  });

  it('formats values with their unit, a percent sign against the number', () => {
    expect(formatValue(35.24, '% of children')).toBe('35.2% of children');
    expect(formatValue(1204, 'people')).toBe('1,204 people');
    expect(formatValue(0.5, null)).toBe('0.5');
  });

  it('recognises an illustrative indicator by its name or source', () => {
    expect(isIllustrative({ name: 'Children in low-income families (illustrative sample)', source: null })).toBe(true);
    expect(isIllustrative({ name: 'Child poverty', source: 'Illustrative sample, not official statistics' })).toBe(true);
    expect(isIllustrative({ name: 'Child poverty', source: 'DWP, 2024' })).toBe(false);
  });

  it('describes an area in one line', () => {
    expect(describeArea({ name: 'Bath', value: 10.9, projects: 1, label: 'Lower need, active' }, '% of children')).toBe(
      'Bath: 10.9% of children; 1 project; lower need, active',
    );
  });
});
