import { fireEvent, render, screen, within } from '@testing-library/react';
import { GapsTable } from './GapsTable';
import { gapLayer } from './gaps-fixtures';

const rows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent));

describe('GapsTable', () => {
  it('lists areas largest gap first with need, projects and assessment, under labelled headers', () => {
    render(<GapsTable layer={gapLayer()} />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Area', 'Need (% of children)', 'Projects', 'Assessment']);
    expect(rows()).toEqual([
      ['Middlesbrough', '38.4%', '00 projects', 'High need, little action'],
      ['Bradford', '34.6%', '11 project', 'High need, little action'],
      ['Manchester', '33.4%', '33 projects', 'High need, active'],
      ['Leeds', '24.1%', '99 projects', 'Lower need, active'],
      ['Bath', '10.9%', '00 projects', 'Lower need, little action'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Middlesbrough' })).toBeTruthy();
  });

  it('captions the table with the indicator, the count of high gaps and the illustrative note', () => {
    render(<GapsTable layer={gapLayer()} />);
    const caption = screen.getByRole('table').querySelector('caption')!.textContent;
    expect(caption).toContain('Children in low-income families (illustrative sample), largest gap first.');
    expect(caption).toContain('2 areas have high need and little action for the current filters.');
    expect(caption).toContain('Illustrative sample: the need values are invented, not official statistics.');
  });

  it('leaves the illustrative note out for real data and handles one high gap', () => {
    const layer = gapLayer({}, { name: 'Child poverty 2024', source: 'DWP 2024', unit: null });
    render(<GapsTable layer={{ ...layer, areas: layer.areas.slice(1) }} />);
    const caption = screen.getByRole('table').querySelector('caption')!.textContent;
    expect(caption).toContain('1 area has high need');
    expect(caption).not.toContain('Illustrative');
    expect(within(screen.getByRole('table')).getAllByRole('columnheader')[1]!.textContent).toBe('Need');
  });

  it('can show only the largest gaps, saying how many there are in all', () => {
    render(<GapsTable layer={gapLayer()} limit={2} />);
    expect(rows().map((r) => r[0])).toEqual(['Middlesbrough', 'Bradford']);
    expect(screen.getByText('Showing the 2 largest gaps of 5 areas.')).toBeTruthy();
  });

  it('offers each area as a button when the map can go there', () => {
    const onSelectArea = jest.fn();
    render(<GapsTable layer={gapLayer()} onSelectArea={onSelectArea} />);
    fireEvent.click(screen.getByRole('button', { name: 'Leeds' }));
    expect(onSelectArea).toHaveBeenCalledWith(expect.objectContaining({ code: 'E08000035', name: 'Leeds' }));
  });

  it('says so when there are no areas', () => {
    render(<GapsTable layer={gapLayer({ areas: [] })} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('This indicator has no areas.')).toBeTruthy();
  });
});
