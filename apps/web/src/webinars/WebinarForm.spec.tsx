import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { CREATE_WEBINAR, type CreateWebinarInput } from '@kindred/api-client';
import { accountFixture, apiError } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { NewWebinarPage } from './NewWebinarPage';
import { webinarFixture } from './webinars-fixtures.testing';

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);
const NOW = () => new Date('2027-01-15T12:00:00Z');
const organiser = () => fakeAuth({ account: accountFixture({ role: 'organiser' }) });

function renderForm(mocks: readonly MockLink.MockedResponse[] = []) {
  return renderWithProviders(<NewWebinarPage browserZone="Europe/London" now={NOW} />, { auth: organiser(), mocks, route: '/webinars/new', path: '/webinars/new' });
}

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const preview = () => screen.getByText('Elsewhere, that is:').closest('div')!;

function fillValid() {
  type('Title', 'Warm spaces and fuel poverty');
  type('Date', '2027-03-28');
  type('Time', '10:00');
  type('Join link', 'https://meet.example.org/warm');
}

describe('scheduling a WHAMinar', () => {
  it('tells people without the organiser role why they cannot', () => {
    renderWithProviders(<NewWebinarPage browserZone="Europe/London" />, { route: '/webinars/new', path: '/webinars/new' });
    expect(screen.getByRole('heading', { name: 'Only organisers can schedule WHAMinars' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish WHAMinar' })).toBeNull();
  });

  it('starts in the browser’s zone and checks the form before sending anything', async () => {
    const create = jest.fn();
    renderForm([{ request: { query: CREATE_WEBINAR, variables: () => true }, result: () => (create(), { data: undefined }) }]);
    const zone = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLSelectElement;
    expect(zone.value).toBe('Europe/London');
    expect(within(zone).getByRole('option', { name: 'Europe/London (your time zone)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Publish WHAMinar' }));
    const summary = await screen.findByRole('alert', {}, SLOW);
    expect(within(summary).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Title', '#webinar-title'],
      ['Start', '#webinar-date'],
      ['Join link', '#webinar-join'],
    ]);
    expect(screen.getByText('Give the WHAMinar a title.')).toBeTruthy();
    expect(screen.getByText('Enter the date and time it starts.')).toBeTruthy();
    expect(screen.getByLabelText('Date').getAttribute('aria-invalid')).toBe('true');

    type('Title', 'Warm spaces');
    type('Date', '2027-03-28');
    type('Time', '01:30');
    type('Join link', 'http://meet.example.org/warm');
    fireEvent.click(screen.getByRole('button', { name: 'Publish WHAMinar' }));
    expect(await screen.findByText('The join link must be a full web address starting with https://', {}, SLOW)).toBeTruthy();
    expect(screen.getAllByText('01:30 on 28 March 2027 does not exist in Europe/London: the clocks go forward then. Choose another time.').length).toBeGreaterThan(0);
    expect(create).not.toHaveBeenCalled();
  });

  it('previews the start in two other zones with each zone’s rules for that date, across a clock change', () => {
    renderForm();
    expect(within(preview()).getByText('Enter a date and time to see it in other time zones.')).toBeTruthy();
    type('Date', '2027-03-20');
    type('Time', '10:00');
    fireEvent.change(screen.getByLabelText('Filter time zones'), { target: { value: 'new york' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone' }), { target: { value: 'America/New_York' } });
    // New York is on summer time from 14 March, London only from 28 March.
    expect(preview().textContent).toContain('Europe/London: Saturday 20 March 2027, 14:00 GMT');
    expect(preview().textContent).toContain('UTC: Saturday 20 March 2027, 14:00 UTC');
    type('Date', '2027-03-28');
    expect(preview().textContent).toContain('Europe/London: Sunday 28 March 2027, 15:00 BST');
    expect(preview().textContent).toContain('UTC: Sunday 28 March 2027, 14:00 UTC');
    expect(screen.getByText('1 hour: ends at 11:00 GMT-4.')).toBeTruthy();
  });

  it('puts the API’s refusals beside the fields they name', async () => {
    renderForm([
      {
        request: { query: CREATE_WEBINAR, variables: () => true },
        result: {
          errors: [
            apiError('The start must be in the future.', 'BAD_USER_INPUT', 'input.startsAt'),
            apiError('Capacity must be at least 1.', 'BAD_USER_INPUT', 'input.capacity'),
          ],
        },
      },
    ]);
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Publish WHAMinar' }));
    const summary = await screen.findByRole('alert', {}, SLOW);
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['Start', 'Capacity']);
    expect(screen.getByText('The start must be in the future.')).toBeTruthy();
    expect(screen.getByText('Capacity must be at least 1.')).toBeTruthy();
    expect(screen.getByLabelText(/^Capacity/).getAttribute('aria-invalid')).toBe('true');
  });

  it('sends a monthly series as a draft with the wall time and zone, then opens it', async () => {
    const sent: CreateWebinarInput[] = [];
    const view = renderForm([
      {
        request: { query: CREATE_WEBINAR, variables: () => true },
        result: (vars: { input: CreateWebinarInput }) => {
          sent.push(vars.input);
          return { data: { createWebinar: webinarFixture({ id: 'web-9', status: 'draft' }) } };
        },
      },
    ]);
    fillValid();
    type('Date', '2027-03-09');
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: 'monthly' } });
    expect(screen.getByText('Every month on the 2nd Tuesday, 6 times in all.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Save as a draft/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(view.location().pathname).toBe('/webinars/web-9'), SLOW);
    expect(sent[0]).toMatchObject({ startsAt: '2027-03-09T10:00', timeZone: 'Europe/London', recurrence: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', publish: false });
  });
});
