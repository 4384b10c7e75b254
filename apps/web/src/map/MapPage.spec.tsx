import '../testing/jsdom-polyfills';
import { useEffect } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HEATMAP, MAP_SUMMARY, MY_PROJECTS, PEERS } from '@kindred/api-client';
import { UK_BBOX } from '@kindred/geo';
import { apiError, projectFixture } from '../testing/fixtures';
import { heatmapFixture, mapSummaryFixture, peerConnectionFixture, peerFixture } from '../testing/map-fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import type { MapCanvasProps } from './MapCanvas';
import { MapPage } from './MapPage';

// Leaflet does not run in jsdom: a stand-in map reports a viewport, shows what it is asked to
// highlight, and lets the test "click a marker".
const VIEWPORT = {
  bbox: { west: -8.65, south: 49.86, east: 1.77, north: 60.86 },
  zoom: 6,
  centre: { lat: 54, lng: -2.5 },
  size: { width: 800, height: 600 },
};
jest.mock('./MapCanvas', () => ({
  MapCanvas: function FakeMapCanvas({ onViewport, selected, onChoose, heat }: MapCanvasProps) {
    useEffect(() => onViewport(VIEWPORT), [onViewport]);
    return (
      <div data-testid="map">
        <p>highlighted: {selected?.id ?? 'none'}</p>
        <p>cells: {heat?.cells.length ?? 0}</p>
        <button type="button" onClick={() => onChoose(peerFixture(2).project)}>
          marker for peer project 2
        </button>
      </div>
    );
  },
}));

// The first render loads the (lazy) map and a lot of modules, and map queries wait 250 ms for the
// view to settle: on a busy machine a test can take several seconds.
const firstPaint = { timeout: 10_000 };
jest.setTimeout(30_000);
const heatRequest = (filter: object | null) => ({ query: HEATMAP, variables: { bbox: VIEWPORT.bbox, zoom: 6, filter } });
const signedOut = fakeAuth({ status: 'signed-out', account: null });

describe('MapPage', () => {
  it('shows the heat for the viewport with a count and a legend, and invites visitors to sign in for peers', async () => {
    renderWithProviders(<MapPage />, {
      auth: signedOut,
      mocks: [{ request: heatRequest(null), result: { data: { heatmap: heatmapFixture(1234) } } }],
    });
    expect(await screen.findByText('1,234 projects in view', {}, firstPaint)).toBeTruthy();
    expect(document.title).toBe('Map – Kindred');
    expect(screen.getByText('cells: 2')).toBeTruthy();
    expect(screen.getByText('To protect privacy, areas with fewer than 3 projects are never shown.')).toBeTruthy();
    const signIn = screen.getByRole('link', { name: 'Sign in to find peers near you' });
    expect(signIn.getAttribute('href')).toBe('/sign-in?next=%2F');
    expect(screen.getByRole('link', { name: 'Map' }).getAttribute('aria-current')).toBe('page');
  });

  it('puts a changed filter in the URL and redraws; says so when nothing matches', async () => {
    const view = renderWithProviders(<MapPage />, {
      auth: signedOut,
      route: '/?lat=54&lng=-2.5&z=6',
      mocks: [
        { request: heatRequest(null), result: { data: { heatmap: heatmapFixture(40) } } },
        { request: heatRequest({ themes: ['housing'] }), result: { data: { heatmap: heatmapFixture(12) } } },
        { request: heatRequest({ themes: ['housing'], stage: 'finished' }), result: { data: { heatmap: heatmapFixture(0) } } },
        { request: heatRequest(null), result: { data: { heatmap: heatmapFixture(40) } } },
      ],
    });
    expect(await screen.findByText('40 projects in view', {}, firstPaint)).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Housing' }));
    await waitFor(() => expect(view.location().search).toBe('?lat=54&lng=-2.5&z=6&theme=housing'));
    expect(await screen.findByText('12 projects in view')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'finished' } });
    expect(
      await screen.findByText('No registered projects match these filters in this view — zoom out or clear filters.'),
    ).toBeTruthy();
    expect(view.location().search).toBe('?lat=54&lng=-2.5&z=6&theme=housing&stage=finished');

    fireEvent.click(within(screen.getByRole('search', { name: 'Filter the map' })).getByRole('button', { name: /Clear filters/ }));
    await waitFor(() => expect(view.location().search).toBe('?lat=54&lng=-2.5&z=6'));
    expect(await screen.findByText('40 projects in view')).toBeTruthy();
  });

  it('offers to try again when the heat cannot be loaded', async () => {
    renderWithProviders(<MapPage />, {
      auth: signedOut,
      mocks: [
        { request: heatRequest(null), result: { errors: [apiError('Zoom must be a whole number from 0 to 20.', 'BAD_USER_INPUT', 'zoom')] } },
        { request: heatRequest(null), result: { data: { heatmap: heatmapFixture(5) } } },
      ],
    });
    const alert = await screen.findByRole('alert', {}, firstPaint);
    expect(within(alert).getByText('The map could not be updated')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('5 projects in view')).toBeTruthy();
  });

  it('finds peers from my first project; the list and the map share one selection; Enter opens the card', async () => {
    const mine = projectFixture({ id: 'project-1', title: 'Damp homes clinic', exactLocation: { __typename: 'Point', lat: 53.8, lng: -1.55 } });
    renderWithProviders(<MapPage />, {
      auth: fakeAuth(),
      mocks: [
        { request: heatRequest(null), result: { data: { heatmap: heatmapFixture(50) } } },
        { request: { query: MY_PROJECTS }, result: { data: { myProjects: [mine] } } },
        {
          request: { query: PEERS, variables: { input: { projectId: 'project-1', radiusKm: 50 }, first: 20 } },
          result: { data: { peers: peerConnectionFixture([peerFixture(1), peerFixture(2)]) } },
        },
      ],
    });
    const list = await screen.findByRole('listbox', { name: 'Peers within 50 km' }, firstPaint);
    expect(within(list).getAllByRole('option')).toHaveLength(2);
    expect(screen.getByText('From “Damp homes clinic”.')).toBeTruthy();

    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByText('highlighted: peer-project-1')).toBeTruthy();

    // A marker clicked on the map selects its row and opens its card.
    fireEvent.click(screen.getByRole('button', { name: 'marker for peer project 2' }));
    expect(screen.getByText('highlighted: peer-project-2')).toBeTruthy();
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain('Peer Person 2');
    const card = screen.getByRole('article', { name: 'Peer project 2' });
    expect(within(card).getByRole('link', { name: 'Peer project 2' }).getAttribute('href')).toBe('/projects/peer-project-2');
    expect(within(card).getByText('Sam Okafor, Nurse')).toBeTruthy();
    expect(within(card).getByText(/^About 7 km away/).textContent).toBe('About 7 km away (from your project “Damp homes clinic”)');
    expect(within(card).getByText(/2 shared themes/)).toBeTruthy();
    // Messaging the owner opens (or reuses) the direct conversation: apps/web/src/messages/MessageButton.spec.tsx.
    expect(within(card).getByRole('button', { name: 'Message Sam Okafor' })).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Close project card' }));
    expect(screen.queryByRole('article')).toBeNull();
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(screen.getByRole('article', { name: 'Peer project 1' })).toBeTruthy();
  });

  it('loads more peers with the cursor and appends them', async () => {
    const mine = projectFixture({ id: 'project-1', title: 'Damp homes clinic' });
    const peersRequest = (after?: string) => ({
      query: PEERS,
      variables: { input: { projectId: 'project-1', radiusKm: 50, themes: ['housing'] }, first: 20, ...(after ? { after } : {}) },
    });
    renderWithProviders(<MapPage />, {
      auth: fakeAuth(),
      route: '/?theme=housing',
      mocks: [
        { request: heatRequest({ themes: ['housing'] }), result: { data: { heatmap: heatmapFixture(50) } } },
        { request: { query: MY_PROJECTS }, result: { data: { myProjects: [mine] } } },
        { request: peersRequest(), result: { data: { peers: peerConnectionFixture([peerFixture(1), peerFixture(2)], 'cursor-2') } } },
        { request: peersRequest('cursor-2'), result: { data: { peers: peerConnectionFixture([peerFixture(3)]) } } },
      ],
    });
    const list = await screen.findByRole('listbox', { name: 'Peers within 50 km' }, firstPaint);
    expect(screen.getByText(/the map’s theme filter/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more peers' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Load more peers' })).toBeNull();
  });

  it('shows the same view and filters as a table, and switches back keeping them', async () => {
    const view = renderWithProviders(<MapPage />, {
      auth: signedOut,
      route: '/?theme=housing&view=table',
      mocks: [
        {
          request: { query: MAP_SUMMARY, variables: { bbox: { ...UK_BBOX }, zoom: 5, filter: { themes: ['housing'] } } },
          result: { data: { mapSummary: mapSummaryFixture() } },
        },
      ],
    });
    expect(await screen.findByText(/In this view there are 12 registered projects/, {}, firstPaint)).toBeTruthy();
    expect(screen.queryByTestId('map')).toBeNull();
    expect(screen.getByRole('link', { name: 'Table' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('link', { name: 'Map' }));
    await waitFor(() => expect(view.location().search).toBe('?theme=housing'));
  });
});
