import { mergeSmallCells } from './heatmap.util';

describe('mergeSmallCells (privacy threshold k)', () => {
  it('keeps cells holding at least k projects as they are', () => {
    const r = mergeSmallCells([{ x: 10, y: 20, weight: 5, projects: 5 }], 8, 3);
    expect(r.cells).toHaveLength(1);
    expect(r.cells[0]).toMatchObject({ level: 8, x: 10, y: 20, weight: 5 });
    expect(r.suppressedWeight).toBe(0);
  });

  it('merges small sibling cells into their parent when together they reach k', () => {
    const r = mergeSmallCells(
      [
        { x: 10, y: 20, weight: 1, projects: 1 },
        { x: 11, y: 21, weight: 2, projects: 2 },
      ],
      8,
      3,
    );
    expect(r.cells).toEqual([expect.objectContaining({ level: 7, x: 5, y: 10, weight: 3 })]);
    expect(r.suppressedWeight).toBe(0);
  });

  it('leaves out a lone project that no merge can hide', () => {
    const r = mergeSmallCells([{ x: 100, y: 200, weight: 1, projects: 1 }], 12, 3);
    expect(r.cells).toEqual([]);
    expect(r.suppressedWeight).toBe(1);
  });

  it('never shows a cell under k even when theme-action weight is high', () => {
    // Two projects that each match two selected themes: weight 4, but only 2 projects.
    const r = mergeSmallCells([{ x: 4, y: 4, weight: 4, projects: 2 }], 6, 3, 0);
    expect(r.cells).toEqual([]);
    expect(r.suppressedWeight).toBe(4);
  });
});
