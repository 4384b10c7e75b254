import { gapLabel, gapScore, needScores, percentileRanks } from './gap-scores.util';

describe('gap scores', () => {
  it('ranks values from 0 (lowest) to 1 (highest), in input order', () => {
    expect(percentileRanks([30, 10, 20])).toEqual([1, 0, 0.5]);
    expect(percentileRanks([5, 1, 4, 2, 3])).toEqual([1, 0, 0.75, 0.25, 0.5]);
  });

  it('gives tied values the lower rank, so areas that all lack projects all score 0', () => {
    expect(percentileRanks([0, 0, 0, 4])).toEqual([0, 0, 0, 1]);
    expect(percentileRanks([2, 2, 2])).toEqual([0, 0, 0]);
  });

  it('has nothing to compare with one value or none', () => {
    expect(percentileRanks([7])).toEqual([0]);
    expect(percentileRanks([])).toEqual([]);
  });

  it('inverts need when a low value is the worse one', () => {
    expect(needScores([80, 70, 75], true)).toEqual([1, 0, 0.5]);
    expect(needScores([80, 70, 75], false)).toEqual([0, 1, 0.5]);
  });

  it('never lets action above need make a negative gap', () => {
    expect(gapScore(0.9, 0.2)).toBeCloseTo(0.7);
    expect(gapScore(0.2, 0.9)).toBe(0);
  });

  it('labels each combination of need and action', () => {
    expect(gapLabel(1, 0)).toBe('High need, little action');
    expect(gapLabel(0.5, 0)).toBe('High need, little action');
    expect(gapLabel(0.8, 0.5)).toBe('High need, some action');
    expect(gapLabel(0.8, 0.9)).toBe('High need, active');
    expect(gapLabel(0.2, 0.7)).toBe('Lower need, active');
    expect(gapLabel(0.4, 0.1)).toBe('Lower need, little action');
  });
});
