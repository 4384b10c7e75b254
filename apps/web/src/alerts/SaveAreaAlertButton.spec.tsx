import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CREATE_ALERT, type Alert, type CreateAlertInput } from '@kindred/api-client';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { SaveAreaAlertButton } from './SaveAreaAlertButton';

const saved = (input: CreateAlertInput): Alert => ({
  __typename: 'Alert',
  id: 'alert-9',
  name: input.name,
  centre: { __typename: 'Point', lat: input.centre!.lat, lng: input.centre!.lng },
  radiusKm: input.radiusKm ?? null,
  placeName: 'Leeds',
  region: null,
  themes: [],
  emailDigest: false,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
});

describe('save this area as an alert', () => {
  it('asks for a name, then saves the map view (centre, whole-km radius, themes) in one go', async () => {
    const sent: CreateAlertInput[] = [];
    renderWithProviders(<SaveAreaAlertButton centre={{ lat: 53.8, lng: -1.55 }} radiusKm={12.4} themes={['child-poverty', 'housing']} />, {
      mocks: [
        {
          request: { query: CREATE_ALERT, variables: () => true },
          result: (vars: { input: CreateAlertInput }) => {
            sent.push(vars.input);
            return { data: { createAlert: saved(vars.input) } };
          },
        },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Alert me about new projects here' }));
    const name = screen.getByLabelText('Alert name') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.value).toBe('Projects within 12 km of here');
    expect(screen.getByText('Within 12 km of the map centre, on Child poverty, Housing.')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'Child poverty in Leeds' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));

    expect(await screen.findByText(/Saved the alert “Child poverty in Leeds”/)).toBeTruthy();
    expect(sent).toEqual([
      { name: 'Child poverty in Leeds', centre: { lat: 53.8, lng: -1.55 }, radiusKm: 12, themes: ['child-poverty', 'housing'], emailDigest: false },
    ]);
    expect(screen.getByRole('link', { name: 'Manage alerts' }).getAttribute('href')).toBe('/alerts');
    // Focus returns to the button that opened the prompt.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Alert me about new projects here' })));
  });

  it('refuses a blank name or more than five themes without sending anything', async () => {
    const create = jest.fn();
    renderWithProviders(
      <SaveAreaAlertButton
        centre={{ lat: 53.8, lng: -1.55 }}
        radiusKm={10}
        themes={['child-poverty', 'housing', 'food-insecurity', 'fuel-poverty', 'employment', 'disability']}
      />,
      { mocks: [{ request: { query: CREATE_ALERT, variables: () => true }, result: create }] },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Alert me about new projects here' }));
    fireEvent.change(screen.getByLabelText('Alert name'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the alert a name.');
    expect(screen.getByLabelText('Alert name').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Alert name'), { target: { value: 'Too many themes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save alert' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at most 5 themes/);
    expect(create).not.toHaveBeenCalled();
  });

  it('offers a sign-in link to visitors, coming back to the same page', () => {
    renderWithProviders(<SaveAreaAlertButton centre={{ lat: 53.8, lng: -1.55 }} radiusKm={10} themes={[]} />, {
      auth: fakeAuth({ status: 'signed-out', account: null }),
      route: '/?lat=53.8&lng=-1.55',
    });
    expect(screen.getByRole('link', { name: 'Sign in to be alerted about new projects in this area' }).getAttribute('href')).toBe(
      `/sign-in?next=${encodeURIComponent('/?lat=53.8&lng=-1.55')}`,
    );
  });
});
