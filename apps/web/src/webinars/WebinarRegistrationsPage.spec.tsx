import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MARK_WEBINAR_ATTENDANCE, WEBINAR, WEBINAR_REGISTRATIONS, type Webinar, type WebinarRegistration } from '@kindred/api-client';
import { accountFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { personFixture, registrationFixture, webinarFixture } from './webinars-fixtures.testing';
import { WebinarRegistrationsPage } from './WebinarRegistrationsPage';

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

const ANN = personFixture('u-ann', 'Dr Ann Ahmed', { profession: 'doctor', professionLabel: 'Doctor', specialty: 'Paediatrics', organisation: 'Leeds Children’s Hospital' });
const BEA = personFixture('u-bea', 'Bea Brown');
const CAL = personFixture('u-cal', 'Cal Carter');
const DEV = personFixture('u-dev', 'Dev Desai');

const ROWS: WebinarRegistration[] = [
  registrationFixture(ANN, { attended: true, attendedAt: '2027-03-09T10:05:00.000Z', attendanceSource: 'check-in' }),
  registrationFixture(BEA),
  registrationFixture(CAL, { status: 'waiting', waitingPosition: 1, registeredAt: null }),
  registrationFixture(DEV, { status: 'cancelled', registeredAt: null, cancelledAt: '2027-03-05T09:00:00.000Z' }),
];

function setup(webinar: Webinar, rows: WebinarRegistration[] = ROWS, extra: object[] = []) {
  return renderWithProviders(<WebinarRegistrationsPage viewerZone="Europe/London" />, {
    auth: fakeAuth({ account: accountFixture({ id: 'org-1', role: 'organiser' }) }),
    route: `/webinars/${webinar.id}/registrations`,
    path: '/webinars/:id/registrations',
    mocks: [
      { request: { query: WEBINAR, variables: { id: webinar.id } }, result: { data: { webinar } }, maxUsageCount: 5 },
      { request: { query: WEBINAR_REGISTRATIONS, variables: { webinarId: webinar.id } }, result: { data: { webinarRegistrations: rows } }, maxUsageCount: 5 },
      ...extra,
    ] as never,
  });
}

describe('the organiser’s registrants page', () => {
  it('lists places, the waiting list in order and cancellations, with attendance and a CSV download', async () => {
    setup(webinarFixture({ canManage: true, isPast: true, status: 'finished' }));
    const table = await screen.findByRole('table', {}, SLOW);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Has a place', 'Has a place', 'Waiting (1st)', 'Cancelled']);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Dr Ann AhmedDoctor (Paediatrics), Leeds Children’s Hospital');
    expect(within(rows[0]!).getByText('Checked in')).toBeTruthy();
    expect((within(rows[0]!).getByRole('checkbox', { name: 'Dr Ann Ahmed attended' }) as HTMLInputElement).checked).toBe(true);
    expect(within(rows[2]!).queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('2 with a place, 1 waiting, 1 cancelled; 1 attended')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download as CSV' })).toBeTruthy();
  });

  it('marks attendance once it has started and shows the list the API returns', async () => {
    const marked = ROWS.map((r) => (r.user.id === BEA.id ? { ...r, attended: true, attendedAt: '2027-03-09T10:20:00.000Z', attendanceSource: 'organiser' } : r));
    setup(webinarFixture({ canManage: true, isLive: true }), ROWS, [
      {
        request: { query: MARK_WEBINAR_ATTENDANCE, variables: { webinarId: 'web-1', userIds: [BEA.id], attended: true } },
        result: { data: { markWebinarAttendance: marked } },
      },
    ]);
    const bea = await screen.findByRole('checkbox', { name: 'Bea Brown attended' }, SLOW);
    expect((bea as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(bea);
    expect(await screen.findByText('Bea Brown marked as attended.', {}, SLOW)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Marked by the organiser')).toBeTruthy(), SLOW);
    expect(screen.getByText('2 with a place, 1 waiting, 1 cancelled; 2 attended')).toBeTruthy();
  });

  it('keeps attendance closed before the start, and the list from anyone but its organiser', async () => {
    const { unmount } = setup(webinarFixture({ canManage: true }));
    expect(((await screen.findByRole('checkbox', { name: 'Bea Brown attended' }, SLOW)) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Attendance can be marked once the WHAMinar has started (Tuesday 9 March 2027, 10:00 GMT).')).toBeTruthy();
    unmount();

    setup(webinarFixture({ canManage: false }));
    expect(await screen.findByRole('heading', { name: 'Only its organiser can see who registered' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
