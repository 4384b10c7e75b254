import '../testing/jsdom-polyfills';
import { fireEvent, screen } from '@testing-library/react';
import { MY_PROJECTS } from '@kindred/api-client';
import { projectFixture } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render-with-providers';
import { MyProjectsPage } from './MyProjectsPage';

describe('MyProjectsPage', () => {
  it('invites a first project when there are none', async () => {
    renderWithProviders(<MyProjectsPage />, {
      mocks: [{ request: { query: MY_PROJECTS }, result: { data: { myProjects: [] } } }],
    });
    expect(screen.getByRole('status').textContent).toContain('Loading your projects');
    expect(await screen.findByRole('heading', { name: 'You have not registered a project yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Register your first project' }).getAttribute('href')).toBe('/projects/new');
    expect(document.title).toBe('My projects – Kindred');
  });

  it('lists projects with links to view and edit each', async () => {
    const project = projectFixture();
    renderWithProviders(<MyProjectsPage />, {
      mocks: [{ request: { query: MY_PROJECTS }, result: { data: { myProjects: [project] } } }],
    });
    const link = await screen.findByRole('link', { name: project.title });
    expect(link.getAttribute('href')).toBe('/projects/project-1');
    expect(screen.getByRole('link', { name: `Edit ${project.title}` }).getAttribute('href')).toBe('/projects/project-1/edit');
    expect(screen.getByRole('link', { name: 'Register a project' })).toBeTruthy();
  });

  it('offers to try again when loading fails', async () => {
    renderWithProviders(<MyProjectsPage />, {
      mocks: [
        { request: { query: MY_PROJECTS }, error: new TypeError('Failed to fetch') },
        { request: { query: MY_PROJECTS }, result: { data: { myProjects: [] } } },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Your projects could not be loaded' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'You have not registered a project yet' })).toBeTruthy();
  });
});
