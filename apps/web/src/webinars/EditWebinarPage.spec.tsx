import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { UPDATE_WEBINAR, WEBINAR, type UpdateWebinarInput, type Webinar } from '@kindred/api-client';
import { accountFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { EditWebinarPage } from './EditWebinarPage';
import { webinarFixture } from './webinars-fixtures.testing';

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);
const NOW = () => new Date('2027-01-15T12:00:00Z');

function setup(webinar: Webinar, sent: UpdateWebinarInput[] = []) {
  return renderWithProviders(<EditWebinarPage browserZone="Europe/London" now={NOW} />, {
    auth: fakeAuth({ account: accountFixture({ id: 'org-1', role: 'organiser' }) }),
    route: `/webinars/${webinar.id}/edit`,
    path: '/webinars/:id/edit',
    mocks: [
      { request: { query: WEBINAR, variables: { id: webinar.id } }, result: { data: { webinar } }, maxUsageCount: 5 },
      {
        request: { query: UPDATE_WEBINAR, variables: () => true },
        result: (vars: { input: UpdateWebinarInput }) => {
          sent.push(vars.input);
          return { data: { updateWebinar: webinar } };
        },
      },
    ],
  });
}

describe('editing a WHAMinar', () => {
  it('starts from the saved wall time and zone and sends only what changed', async () => {
    const sent: UpdateWebinarInput[] = [];
    const view = setup(webinarFixture({ canManage: true, configuredJoinUrl: 'https://meet.example.org/a' }), sent);
    const time = (await screen.findByLabelText('Time', {}, SLOW)) as HTMLInputElement;
    expect(time.value).toBe('10:00');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('2027-03-09');
    expect((screen.getByRole('combobox', { name: 'Time zone' }) as HTMLSelectElement).value).toBe('Europe/London');
    expect((screen.getByLabelText('Join link') as HTMLInputElement).value).toBe('https://meet.example.org/a');
    fireEvent.change(time, { target: { value: '11:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(view.location().pathname).toBe('/webinars/web-1'), SLOW);
    expect(sent).toEqual([{ startsAt: '2027-03-09T11:30' }]);
  });

  it('tells others, and anyone once it is cancelled, that it cannot be changed', async () => {
    const { unmount } = setup(webinarFixture({ canManage: false }));
    expect(await screen.findByRole('heading', { name: 'Only its organiser can change this WHAMinar' }, SLOW)).toBeTruthy();
    unmount();
    setup(webinarFixture({ canManage: true, status: 'cancelled' }));
    expect(await screen.findByRole('heading', { name: 'This WHAMinar is cancelled and can no longer be changed' }, SLOW)).toBeTruthy();
  });
});
