import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CREATE_ALERT, DELETE_ALERT, MY_ALERTS, MY_PROJECTS, UPDATE_ALERT, type Alert, type CreateAlertInput } from '@kindred/api-client';
import { apiError, projectFixture } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render-with-providers';
import { AlertsPage, EMPTY_ALERTS_TITLE } from './AlertsPage';

function alertFixture(overrides: Partial<Alert> = {}): Alert {
  return {
    __typename: 'Alert',
    id: 'alert-1',
    name: 'Child poverty near me',
    centre: { __typename: 'Point', lat: 53.79648, lng: -1.54785 },
    radiusKm: 25,
    placeName: 'Leeds',
    region: null,
    themes: [{ __typename: 'Theme', id: 'child-poverty', label: 'Child poverty', group: 'determinant' }],
    emailDigest: false,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

const myAlerts = (alerts: Alert[]) => ({ request: { query: MY_ALERTS }, result: { data: { myAlerts: alerts } }, maxUsageCount: 5 });

describe('alerts page', () => {
  it('invites me to save an area when I have none, then opens the form with focus on it', async () => {
    renderWithProviders(<AlertsPage />, { mocks: [myAlerts([])] });
    expect(await screen.findByRole('heading', { name: EMPTY_ALERTS_TITLE })).toBeTruthy();
    expect(EMPTY_ALERTS_TITLE).toBe('No alerts yet — save an area to hear about new projects there');
    fireEvent.click(screen.getByRole('button', { name: 'Save an area' }));
    const heading = screen.getByRole('heading', { name: 'New alert' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByLabelText('Name')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Town or city' })).toBeTruthy();
    expect(screen.getByLabelText('Radius')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Also email me a daily digest of matches' })).toBeTruthy();
  });

  it('checks the form on the client first and sends nothing while it is wrong', async () => {
    const create = jest.fn(() => ({ data: { createAlert: alertFixture() } }));
    renderWithProviders(<AlertsPage />, { mocks: [myAlerts([]), { request: { query: CREATE_ALERT, variables: () => true }, result: create }] });
    fireEvent.click(await screen.findByRole('button', { name: 'Save an area' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Name' }).getAttribute('href')).toBe('#alert-name');
    expect(within(summary).getByRole('link', { name: 'Town or city' }).getAttribute('href')).toBe('#alert-place');
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Give the alert a name/)).toBeTruthy();
    expect(screen.getByText(/Search for a town or city, or use your project’s location/)).toBeTruthy();

    // A whole nation needs one chosen.
    fireEvent.change(name, { target: { value: 'Anywhere in Wales' } });
    fireEvent.click(screen.getByRole('radio', { name: 'A whole nation' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));
    expect(await screen.findByText('Choose England, Scotland, Wales or Northern Ireland.')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('saves a nation with themes and the email digest, then lists it and says so', async () => {
    const sent: CreateAlertInput[] = [];
    const saved = alertFixture({ id: 'alert-2', name: 'Anywhere in Wales', centre: null, radiusKm: null, placeName: null, region: 'Wales', emailDigest: true });
    renderWithProviders(<AlertsPage />, {
      mocks: [
        myAlerts([]),
        {
          request: { query: CREATE_ALERT, variables: () => true },
          result: (vars: { input: CreateAlertInput }) => {
            sent.push(vars.input);
            return { data: { createAlert: saved } };
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save an area' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '  Anywhere in Wales ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'A whole nation' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Wales' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Housing' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also email me a daily digest of matches' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));

    const status = await screen.findByText(/The alert “Anywhere in Wales” has been saved/);
    expect(sent).toEqual([{ name: 'Anywhere in Wales', region: 'Wales', themes: ['housing'], emailDigest: true }]);
    await waitFor(() => expect(document.activeElement).toBe(status));
    const card = screen.getByRole('heading', { name: 'Anywhere in Wales' }).closest('article')!;
    expect(within(card as HTMLElement).getByText('Anywhere in Wales', { selector: 'span' })).toBeTruthy();
    expect(within(card as HTMLElement).getByText('Daily email')).toBeTruthy();
  });

  it('shows the API’s refusal beside the field it names', async () => {
    renderWithProviders(<AlertsPage />, {
      mocks: [
        myAlerts([]),
        {
          request: { query: CREATE_ALERT, variables: () => true },
          result: { data: null, errors: [apiError('We could not find a UK place called "Atlantis".', 'UNKNOWN_PLACE', 'input.placeName')] },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save an area' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Under the sea' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Town or city' }), { target: { value: 'Atlantis' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));
    const message = await screen.findByText('We could not find a UK place called "Atlantis".');
    const place = screen.getByRole('combobox', { name: 'Town or city' });
    expect(place.getAttribute('aria-invalid')).toBe('true');
    expect(place.getAttribute('aria-describedby')?.split(' ')).toContain(message.closest('[id]')?.id);
  });

  it('uses my first project’s location as the centre', async () => {
    const sent: CreateAlertInput[] = [];
    const project = projectFixture({ title: 'Screening in clinic', placeName: 'Leeds' });
    renderWithProviders(<AlertsPage />, {
      mocks: [
        myAlerts([]),
        { request: { query: MY_PROJECTS }, result: { data: { myProjects: [project] } } },
        {
          request: { query: CREATE_ALERT, variables: () => true },
          result: (vars: { input: CreateAlertInput }) => {
            sent.push(vars.input);
            return { data: { createAlert: alertFixture() } };
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save an area' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Near my clinic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use my first project’s location' }));
    expect(await screen.findByText('Using the location of your project “Screening in clinic”.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Radius'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));
    await screen.findByText(/has been saved/);
    expect(sent).toEqual([
      { name: 'Near my clinic', centre: { lat: 53.80076, lng: -1.54908 }, placeName: 'Leeds', radiusKm: 10, themes: [], emailDigest: false },
    ]);
  });

  it('lists my alerts and edits one in place', async () => {
    const alert = alertFixture();
    let input: unknown = null;
    renderWithProviders(<AlertsPage />, {
      mocks: [
        myAlerts([alert, alertFixture({ id: 'alert-3', name: 'Scotland', centre: null, radiusKm: null, placeName: null, region: 'Scotland', themes: [] })]),
        {
          request: { query: UPDATE_ALERT, variables: () => true },
          result: (vars: { id: string; input: unknown }) => {
            input = vars.input;
            return { data: { updateAlert: { ...alert, radiusKm: 50 } } };
          },
        },
      ],
    });
    expect(await screen.findByText('Within 25 km of Leeds')).toBeTruthy();
    expect(screen.getByText('Anywhere in Scotland')).toBeTruthy();
    expect(screen.getByText('Any theme')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit alert “Child poverty near me”' }));
    expect(screen.getByRole('heading', { name: 'Edit “Child poverty near me”' })).toBeTruthy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Child poverty near me');
    expect((screen.getByRole('checkbox', { name: 'Child poverty' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Radius'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The alert “Child poverty near me” has been saved.')).toBeTruthy();
    expect(input).toMatchObject({ radiusKm: 50, placeName: 'Leeds', centre: { lat: 53.79648, lng: -1.54785 } });
    expect(await screen.findByText('Within 50 km of Leeds')).toBeTruthy();
  });

  it('deletes an alert after asking', async () => {
    const remove = jest.fn(() => ({ data: { deleteAlert: true } }));
    renderWithProviders(<AlertsPage />, {
      mocks: [myAlerts([alertFixture()]), { request: { query: DELETE_ALERT, variables: { id: 'alert-1' } }, result: remove }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete alert “Child poverty near me”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete alert' }));
    expect(await screen.findByText('The alert “Child poverty near me” has been deleted.')).toBeTruthy();
    expect(remove).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Child poverty near me' })).toBeNull());
  });

  it('says when the alerts could not be loaded, with a retry', async () => {
    renderWithProviders(<AlertsPage />, { mocks: [{ request: { query: MY_ALERTS }, error: new TypeError('Failed to fetch') }] });
    expect(await screen.findByRole('heading', { name: 'Your alerts could not be loaded' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows a loading state first', () => {
    renderWithProviders(<AlertsPage />, { mocks: [myAlerts([])] });
    expect(screen.getByText('Loading your alerts…')).toBeTruthy();
  });
});
