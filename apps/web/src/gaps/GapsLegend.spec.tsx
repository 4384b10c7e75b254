import { render, screen, within } from '@testing-library/react';
import { GapsLegend } from './GapsLegend';
import { gapLayer } from './gaps-fixtures';

describe('GapsLegend', () => {
  it('names the indicator and lists the five need classes with the values of their areas, then the hatching', () => {
    render(<GapsLegend layer={gapLayer()} />);
    expect(screen.getByRole('heading', { name: 'Need: Children in low-income families (illustrative sample)' })).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Need, from least to most' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Least need (lowest fifth of areas): 10.9% of children',
      'Second fifth: 24.1% of children',
      'Middle fifth: 33.4% of children',
      'Fourth fifth: 34.6% of children',
      'Most need (highest fifth of areas): 38.4% of children',
      'Hatched and outlined: high need, little action for the current filters',
    ]);
  });

  it('says the figures are an illustrative sample when the source says so, and shows the source', () => {
    render(<GapsLegend layer={gapLayer()} />);
    expect(screen.getByText(/these values are invented for demonstration and are not official statistics/)).toBeTruthy();
    expect(screen.getByText('Source: Illustrative sample, not official statistics: invented values.')).toBeTruthy();
  });

  it('makes no such claim for real data', () => {
    render(<GapsLegend layer={gapLayer({}, { name: 'Child poverty 2024', source: 'DWP, Children in low income families, 2024' })} />);
    expect(screen.queryByText(/not official statistics/)).toBeNull();
    expect(screen.getByText('Source: DWP, Children in low income families, 2024')).toBeTruthy();
  });

  it('explains the direction of need, the area rule and projects outside every area', () => {
    const { unmount } = render(<GapsLegend layer={gapLayer()} />);
    expect(screen.getByText(/Higher values mean more need\. .* up to 60 km; .* \(2 more lie outside every area\)\./)).toBeTruthy();
    unmount();
    render(<GapsLegend layer={gapLayer({ unassignedProjects: 0 }, { higherIsWorse: false, source: null })} />);
    expect(screen.getByText(/^Lower values mean more need\./).textContent).not.toMatch(/outside every area/);
    expect(screen.queryByText(/^Source:/)).toBeNull();
  });

  it('says when a class has no areas', () => {
    const layer = gapLayer();
    render(<GapsLegend layer={{ ...layer, areas: layer.areas.filter((a) => a.needScore !== 0.5) }} />);
    expect(screen.getByText('Middle fifth: no areas')).toBeTruthy();
  });
});
