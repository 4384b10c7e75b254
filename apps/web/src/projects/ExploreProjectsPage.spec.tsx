import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PROJECTS, type Project } from '@kindred/api-client';
import { projectFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { ExploreProjectsPage } from './ExploreProjectsPage';

function page(nodes: Project[], totalCount: number, endCursor: string | null) {
  return {
    data: {
      projects: {
        __typename: 'ProjectConnection',
        nodes,
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
      },
    },
  };
}

const first = projectFixture({ id: 'p1', title: 'Housing advice clinic', isMine: false, exactLocation: null });
const second = projectFixture({ id: 'p2', title: 'Food bank referrals from pharmacy', isMine: false, exactLocation: null });
const signedOut = fakeAuth({ status: 'signed-out', account: null });

describe('ExploreProjectsPage', () => {
  it('reads the filters from the URL and asks the API for them', async () => {
    renderWithProviders(<ExploreProjectsPage />, {
      auth: signedOut,
      route: '/projects?theme=housing&stage=running&seeking=yes',
      mocks: [
        {
          request: {
            query: PROJECTS,
            variables: { filter: { themes: ['housing'], stage: 'running', seekingCollaborators: true }, first: 20 },
          },
          result: page([first], 1, null),
        },
      ],
    });
    expect(await screen.findByRole('link', { name: 'Housing advice clinic' })).toBeTruthy();
    expect(screen.getByText('1 project')).toBeTruthy();
    expect((screen.getByLabelText('Stage') as HTMLSelectElement).value).toBe('running');
    expect((screen.getByRole('checkbox', { name: 'Housing' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Only projects seeking collaborators') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('search', { name: 'Filter projects' })).toBeTruthy();
  });

  it('puts applied filters into the URL', async () => {
    const view = renderWithProviders(<ExploreProjectsPage />, {
      auth: signedOut,
      route: '/projects',
      mocks: [
        { request: { query: PROJECTS, variables: { filter: null, first: 20 } }, result: page([first, second], 2, null) },
        {
          request: { query: PROJECTS, variables: { filter: { profession: 'pharmacist', text: 'food bank' }, first: 20 } },
          result: page([second], 1, null),
        },
        // "Clear filters" asks again for everything.
        { request: { query: PROJECTS, variables: { filter: null, first: 20 } }, result: page([first, second], 2, null) },
      ],
    });
    await screen.findByText('2 projects');
    fireEvent.change(screen.getByLabelText('Search', { exact: false }), { target: { value: 'food bank' } });
    fireEvent.change(screen.getByLabelText('Profession', { exact: false }), { target: { value: 'pharmacist' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(view.location().search).toBe('?q=food+bank&profession=pharmacist'));
    expect(await screen.findByText('1 project')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Housing advice clinic' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(view.location().search).toBe(''));
    expect(await screen.findByText('2 projects')).toBeTruthy();
  });

  it('loads the next page with the cursor and appends it', async () => {
    renderWithProviders(<ExploreProjectsPage />, {
      auth: signedOut,
      route: '/projects',
      mocks: [
        { request: { query: PROJECTS, variables: { filter: null, first: 20 } }, result: page([first], 2, 'cursor-1') },
        { request: { query: PROJECTS, variables: { filter: null, first: 20, after: 'cursor-1' } }, result: page([second], 2, null) },
      ],
    });
    expect(await screen.findByText('Showing 1 of 2 projects')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Food bank referrals from pharmacy' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Housing advice clinic' })).toBeTruthy();
    expect(screen.getByText('2 projects')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says when nothing matches the filters', async () => {
    renderWithProviders(<ExploreProjectsPage />, {
      auth: signedOut,
      route: '/projects?stage=finished',
      mocks: [{ request: { query: PROJECTS, variables: { filter: { stage: 'finished' }, first: 20 } }, result: page([], 0, null) }],
    });
    expect(await screen.findByRole('heading', { name: 'No projects match these filters' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'show all projects' }).getAttribute('href')).toBe('/projects');
  });
});
