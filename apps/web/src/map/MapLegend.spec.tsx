import { render, screen } from '@testing-library/react';
import { MapLegend } from './MapLegend';

describe('MapLegend', () => {
  it('reads from low to high and states the privacy threshold from the API', () => {
    render(<MapLegend minCellCount={3} maxWeight={1250} />);
    expect(screen.getByText('Registered projects')).toBeTruthy();
    expect(screen.getByText('Low')).toBeTruthy();
    expect(screen.getByText('High (1,250 in one area)')).toBeTruthy();
    expect(screen.getByText(/light yellow for few projects to dark red for the most/)).toBeTruthy();
    expect(screen.getByText('To protect privacy, areas with fewer than 3 projects are never shown.')).toBeTruthy();
  });

  it('leaves out what it does not know yet', () => {
    render(<MapLegend minCellCount={null} maxWeight={null} />);
    expect(screen.getByText('High')).toBeTruthy();
    expect(screen.queryByText(/never shown/)).toBeNull();
  });
});
