import { cellToBoundary, cellsToMultiPolygon, gridDisk, latLngToCell } from 'h3-js';
import { areaShapes, hexAreaIndex } from './gap-shapes.util';

describe('area shapes from hexagons', () => {
  const leeds = latLngToCell(53.8, -1.55, 5);
  const ring = gridDisk(leeds, 1);
  const far = latLngToCell(51.5, -0.13, 5);

  it('merges an area’s touching hexagons into one outline with no inner seams', () => {
    const hexes = ring.map((h3) => ({ h3, areaCode: 'LEEDS' }));
    const shapes = areaShapes({ cellsToMultiPolygon }, hexes);
    const shape = shapes.get('LEEDS')!;
    expect(shape).toHaveLength(1); // one polygon
    expect(shape[0]).toHaveLength(1); // no holes
    // Seven hexagons merged: the outline has more corners than one hexagon, fewer than seven apart.
    expect(shape[0]![0]!.length).toBeGreaterThan(6);
    expect(shape[0]![0]!.length).toBeLessThan(7 * 6);
    expect(shape[0]![0]![0]![0]).toBeGreaterThan(53);
  });

  it('keeps an area’s separate pieces as separate polygons and areas apart', () => {
    const hexes = [
      { h3: leeds, areaCode: 'A' },
      { h3: far, areaCode: 'A' },
      { h3: ring[1]!, areaCode: 'B' },
    ];
    const shapes = areaShapes({ cellsToMultiPolygon }, hexes);
    expect([...shapes.keys()].sort()).toEqual(['A', 'B']);
    expect(shapes.get('A')).toHaveLength(2);
    expect(shapes.get('B')![0]![0]).toHaveLength(cellToBoundary(ring[1]!).length);
  });

  it('finds the area of a hexagon', () => {
    const index = hexAreaIndex([{ h3: leeds, areaCode: 'A' }]);
    expect(index.get(latLngToCell(53.8, -1.55, 5))).toBe('A');
    expect(index.get(far)).toBeUndefined();
  });
});
