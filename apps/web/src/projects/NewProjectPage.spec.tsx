import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PLACES, REGISTER_PROJECT, type RegisterProjectInput } from '@kindred/api-client';
import { apiError, projectFixture } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render-with-providers';
import { NewProjectPage } from './NewProjectPage';

// Leaflet does not run in jsdom: stand in for the map with something that shows the pin.
jest.mock('../map/PinPicker', () => {
  const React = jest.requireActual<typeof import('react')>('react');
  return {
    PinPicker: ({ value, onChange }: { value: { lat: number; lng: number } | null; onChange: (p: { lat: number; lng: number }) => void }) =>
      React.createElement(
        'div',
        { 'data-testid': 'project-map' },
        React.createElement('span', { 'data-testid': 'pin' }, value ? `${value.lat},${value.lng}` : 'no pin'),
        React.createElement('button', { type: 'button', onClick: () => onChange({ lat: 53.8, lng: -1.55 }) }, 'Drop test pin'),
      ),
  };
});

const leeds = { __typename: 'Place' as const, id: 'gb-leeds', name: 'Leeds', region: 'England', lat: 53.79648, lng: -1.54785, population: 455123 };

function fillValidProject() {
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Welfare advice in clinic' } });
  fireEvent.change(screen.getByLabelText('Summary'), { target: { value: 'A benefits adviser sits in the Tuesday clinic.' } });
  fireEvent.click(screen.getByRole('checkbox', { name: 'Welfare and income advice' }));
  fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'planning' } });
}

describe('registering a project', () => {
  it('shows the API’s field error beside the named input, wired up for assistive technology', async () => {
    renderWithProviders(<NewProjectPage />, {
      mocks: [
        {
          request: { query: REGISTER_PROJECT, variables: () => true },
          result: { data: null, errors: [apiError('A project with this title already exists.', 'BAD_USER_INPUT', 'input.title')] },
        },
      ],
    });
    fillValidProject();
    fireEvent.click(await screen.findByRole('button', { name: 'Drop test pin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Register project' }));

    const message = await screen.findByText('A project with this title already exists.');
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')?.split(' ')).toContain(message.closest('[id]')?.id);
    // The summary at the top links to the field rather than repeating the message.
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Title' }).getAttribute('href')).toBe('#project-title');
    expect(screen.getByLabelText('Summary').getAttribute('aria-invalid')).toBeNull();
  });

  it('checks on the client first, with the shared rules, and sends nothing', async () => {
    const register = jest.fn(() => ({ data: { registerProject: projectFixture() } }));
    renderWithProviders(<NewProjectPage />, {
      mocks: [{ request: { query: REGISTER_PROJECT, variables: () => true }, result: register }],
    });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'ab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register project' }));

    expect(await screen.findByText('Title must be at least 3 characters.')).toBeTruthy();
    expect(screen.getByText('Choose at least one theme.')).toBeTruthy();
    expect(screen.getByText('Search for a town or city, or drop a pin on the map.')).toBeTruthy();
    expect(screen.getByLabelText('Place').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(register).not.toHaveBeenCalled();
  });

  it('finds a place, moves the pin there and registers the project', async () => {
    let sent: RegisterProjectInput | null = null;
    const view = renderWithProviders(<NewProjectPage />, {
      mocks: [
        { request: { query: PLACES, variables: { query: 'Lee', limit: 8 } }, result: { data: { places: [leeds] } } },
        {
          request: {
            query: REGISTER_PROJECT,
            variables: (vars: { input: RegisterProjectInput }) => {
              sent = vars.input;
              return true;
            },
          },
          result: { data: { registerProject: projectFixture({ id: 'new-project' }) } },
        },
      ],
    });
    fillValidProject();
    const place = screen.getByRole('combobox', { name: 'Place' });
    fireEvent.change(place, { target: { value: 'Lee' } });
    const option = await screen.findByRole('option', { name: 'Leeds, England' }, { timeout: 2000 });
    expect(place.getAttribute('aria-expanded')).toBe('true');
    fireEvent.mouseDown(option);

    expect((place as HTMLInputElement).value).toBe('Leeds');
    expect(screen.getByTestId('pin').textContent).toBe('53.79648,-1.54785');
    fireEvent.click(screen.getByLabelText('Region (about 10 km)'));
    fireEvent.click(screen.getByRole('button', { name: 'Register project' }));

    await waitFor(() => expect(view.location().pathname).toBe('/projects/new-project'));
    expect(sent).toEqual({
      title: 'Welfare advice in clinic',
      summary: 'A benefits adviser sits in the Tuesday clinic.',
      themes: ['welfare-income-advice'],
      stage: 'planning',
      location: { lat: 53.79648, lng: -1.54785 },
      placeName: 'Leeds',
      locationPrecision: 'region',
      seekingCollaborators: false,
      links: [],
    });
  });

  it('defaults the precision to the 1 km area', () => {
    renderWithProviders(<NewProjectPage />);
    expect((screen.getByLabelText('Area (about 1 km)') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Others see a point rounded to a 1 km grid.')).toBeTruthy();
  });

  it('allows up to five links, each labelled', () => {
    renderWithProviders(<NewProjectPage />);
    for (let i = 0; i < 5; i += 1) fireEvent.click(screen.getByRole('button', { name: 'Add a link' }));
    expect(screen.getByLabelText('Link 5')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a link' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove link 2' }));
    expect(screen.queryByLabelText('Link 5')).toBeNull();
    expect(screen.getByRole('button', { name: 'Add a link' })).toBeTruthy();
  });
});
