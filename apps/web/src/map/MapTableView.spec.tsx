import '../testing/jsdom-polyfills';
import { fireEvent, screen, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MAP_SUMMARY } from '@kindred/api-client';
import { UK_BBOX } from '@kindred/geo';
import { apiError } from '../testing/fixtures';
import { mapSummaryFixture } from '../testing/map-fixtures';
import { renderWithProviders } from '../testing/render-with-providers';
import { MapTableView } from './MapTableView';

const variables = { bbox: { ...UK_BBOX }, zoom: 5, filter: { themes: ['housing'] } };
const request = { query: MAP_SUMMARY, variables };

function renderTable(mocks: MockLink.MockedResponse[]) {
  const clear = <button type="button">Clear filters</button>;
  return renderWithProviders(<MapTableView bbox={{ ...UK_BBOX }} zoom={5} filter={{ themes: ['housing'] }} emptyAction={clear} />, { mocks });
}

describe('MapTableView (the map without a map)', () => {
  it('reads the summary paragraph first, then the areas and themes as tables', async () => {
    renderTable([{ request, result: { data: { mapSummary: mapSummaryFixture() } } }]);
    expect(await screen.findByText(/In this view there are 12 registered projects/)).toBeTruthy();

    const areas = screen.getByRole('table', { name: /Areas in view \(12 projects, 5 seeking collaborators\)/ });
    // (Soft hyphens, for narrow screens, are not read out.)
    expect(within(areas).getAllByRole('columnheader').map((h) => h.textContent?.replace(/\u00AD/g, ''))).toEqual([
      'Area',
      'Projects',
      'Seeking collaborators',
      'Top themes',
    ]);
    const leeds = within(areas).getByRole('row', { name: /Around Leeds/ });
    expect(within(leeds).getAllByRole('cell').map((c) => c.textContent)).toEqual(['9', '4', 'Housing (7)']);
    expect(within(areas).getByRole('rowheader', { name: 'Elsewhere in this view' })).toBeTruthy();

    const themes = screen.getByRole('table', { name: 'Themes in view' });
    expect(within(themes).getAllByRole('row').map((r) => r.textContent)).toEqual(['ThemeProjects in view', 'Housing8', 'Child poverty6']);
    // Each table scrolls sideways in its own labelled, focusable region on a narrow screen.
    expect(screen.getByRole('region', { name: /Areas in view/ }).tabIndex).toBe(0);
  });

  it('says so when nothing matches, with a way out', async () => {
    renderTable([
      {
        request,
        result: {
          data: { mapSummary: mapSummaryFixture({ totalProjects: 0, seekingCollaborators: 0, themes: [], areas: [], text: 'No projects.' }) },
        },
      },
    ]);
    expect(
      await screen.findByText('No registered projects match these filters in this view — zoom out or clear filters.'),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy();
  });

  it('offers to try again when the summary cannot be loaded', async () => {
    renderTable([
      { request, result: { errors: [apiError('Bad box', 'BAD_USER_INPUT', 'bbox')] } },
      { request, result: { data: { mapSummary: mapSummaryFixture() } } },
    ]);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The summary could not be loaded')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/In this view there are 12 registered projects/)).toBeTruthy();
  });
});
