import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DELETE_PROJECT, PROJECT } from '@kindred/api-client';
import { apiError, projectFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { ProjectDetailPage } from './ProjectDetailPage';

jest.mock('../map/LocationMap', () => ({ LocationMap: () => null }));

const route = { route: '/projects/project-1', path: '/projects/:id' };

describe('ProjectDetailPage', () => {
  it('shows the project to anyone, without owner actions', async () => {
    const project = projectFixture({ isMine: false, exactLocation: null });
    renderWithProviders(<ProjectDetailPage />, {
      ...route,
      auth: fakeAuth({ status: 'signed-out', account: null }),
      mocks: [{ request: { query: PROJECT, variables: { id: 'project-1' } }, result: { data: { project } } }],
    });
    expect(await screen.findByRole('heading', { level: 1, name: project.title })).toBeTruthy();
    expect(document.title).toBe(`${project.title} – Kindred`);
    expect(screen.getByText('Doctor (Paediatrics)')).toBeTruthy();
    expect(screen.getByText('Seeking collaborators')).toBeTruthy();
    expect(screen.getByRole('link', { name: /example\.org\/screening/ }).getAttribute('rel')).toContain('noopener');
    expect(screen.queryByRole('link', { name: 'Edit project' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete project' })).toBeNull();
  });

  it('says plainly when there is no such project', async () => {
    renderWithProviders(<ProjectDetailPage />, {
      ...route,
      mocks: [
        {
          request: { query: PROJECT, variables: { id: 'project-1' } },
          result: { data: null, errors: [apiError('Project not found.', 'NOT_FOUND')] },
        },
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Project not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Explore other projects' })).toBeTruthy();
  });

  it('lets the owner delete the project after confirming', async () => {
    const deleted = jest.fn(() => ({ data: { deleteProject: true } }));
    const view = renderWithProviders(<ProjectDetailPage />, {
      ...route,
      mocks: [
        { request: { query: PROJECT, variables: { id: 'project-1' } }, result: { data: { project: projectFixture() } } },
        { request: { query: DELETE_PROJECT, variables: { id: 'project-1' } }, result: deleted },
      ],
    });
    expect((await screen.findByRole('link', { name: 'Edit project' })).getAttribute('href')).toBe('/projects/project-1/edit');
    fireEvent.click(screen.getByRole('button', { name: 'Delete project' }));
    expect(deleted).not.toHaveBeenCalled();
    const confirm = screen.getByRole('button', { name: 'Yes, delete project' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(view.location().pathname).toBe('/my-projects'));
    expect(deleted).toHaveBeenCalledTimes(1);
  });

  it('can back out of deleting', async () => {
    renderWithProviders(<ProjectDetailPage />, {
      ...route,
      mocks: [{ request: { query: PROJECT, variables: { id: 'project-1' } }, result: { data: { project: projectFixture() } } }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete project' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete project' }));
  });
});
