import '../testing/jsdom-polyfills';
import { fireEvent, screen, within } from '@testing-library/react';
import { CALENDAR_FEED_URL, RECOMMENDED_WEBINARS, RESET_CALENDAR_FEED_TOKEN, WEBINARS, type WebinarFilterInput, type WebinarSummary } from '@kindred/api-client';
import { accountFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { myRegistration, summaryFixture } from './webinars-fixtures.testing';
import { WEBINARS_PAGE_SIZE, WebinarsPage } from './WebinarsPage';

const connection = (nodes: WebinarSummary[]) => ({
  webinars: {
    __typename: 'WebinarConnection' as const,
    nodes,
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
  },
});
const list = (filter: WebinarFilterInput, nodes: WebinarSummary[]) => ({
  request: { query: WEBINARS, variables: { filter, first: WEBINARS_PAGE_SIZE } },
  result: { data: connection(nodes) },
  maxUsageCount: 5,
});
const recommended = (items: Array<{ webinar: WebinarSummary; reason: string }>) => ({
  request: { query: RECOMMENDED_WEBINARS, variables: { first: 3 } },
  result: {
    data: {
      recommendedWebinars: items.map((i) => ({ __typename: 'RecommendedWebinar' as const, webinar: i.webinar, sharedThemes: i.webinar.themes, reason: i.reason })),
    },
  },
  maxUsageCount: 5,
});

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

describe('WHAMinars list', () => {
  it('shows each WHAMinar in the viewer’s zone with the organiser’s time on a visible second line, and its places and status', async () => {
    const upcoming = [
      // 10:00 London on the Sunday the clocks go forward: 05:00 in New York (already on summer time).
      summaryFixture({ id: 'w1', title: 'Asking about money', startsAt: '2027-03-28T09:00:00.000Z', endsAt: '2027-03-28T10:00:00.000Z', localStartsAt: '2027-03-28T10:00', timeZoneAbbreviation: 'BST', placesLeft: 3, capacity: 40 }),
      summaryFixture({ id: 'w2', title: 'Warm spaces', placesLeft: 0, capacity: 10, registeredCount: 10, waitingCount: 4, myRegistration: myRegistration('waiting', 2) }),
      summaryFixture({ id: 'w3', title: 'Called off', status: 'cancelled' }),
      summaryFixture({ id: 'w4', title: 'On right now', isLive: true, capacity: null, placesLeft: null, myRegistration: myRegistration('registered') }),
    ];
    renderWithProviders(<WebinarsPage viewerZone="America/New_York" />, {
      auth: fakeAuth({ status: 'signed-out', account: null }),
      mocks: [list({}, upcoming)],
      route: '/webinars',
    });
    const items = within(await screen.findByRole('list', { name: 'Upcoming WHAMinars' }, SLOW)).getAllByRole('article');
    expect(items).toHaveLength(4);

    const first = within(items[0]!);
    expect(first.getByRole('link', { name: 'Asking about money' }).getAttribute('href')).toBe('/webinars/w1');
    expect(first.getByText('Sunday 28 March 2027, 05:00–06:00 GMT-4')).toBeTruthy();
    expect(first.getByText('Your time (America/New_York). Organiser’s time: 10:00 BST (Europe/London)')).toBeTruthy();
    expect(first.getByText('3 places left of 40')).toBeTruthy();

    const second = within(items[1]!);
    expect(second.getByText('Full: 4 on the waiting list')).toBeTruthy();
    expect(second.getByText('On the waiting list: 2nd')).toBeTruthy();
    expect(within(items[2]!).getByText('Cancelled')).toBeTruthy();
    expect(within(items[2]!).queryByText(/places left/)).toBeNull();
    expect(within(items[3]!).getByText('Live now')).toBeTruthy();
    expect(within(items[3]!).getByText('Unlimited places')).toBeTruthy();
    expect(within(items[3]!).getByText('You have a place')).toBeTruthy();

    // Visitors get the public tabs only, and no recommendations.
    const tabs = screen.getByRole('navigation', { name: 'Which WHAMinars' });
    expect(within(tabs).getAllByRole('link').map((l) => l.textContent)).toEqual(['Upcoming', 'Past']);
    expect(within(tabs).getByRole('link', { name: 'Upcoming' }).getAttribute('aria-current')).toBe('page');
    expect(screen.queryByRole('heading', { name: 'Recommended for you' })).toBeNull();
  });

  it('recommends WHAMinars to a signed-in clinician, with the reason', async () => {
    const pick = summaryFixture({ id: 'w9', title: 'Fuel poverty in winter' });
    renderWithProviders(<WebinarsPage viewerZone="Europe/London" />, {
      mocks: [list({}, [summaryFixture()]), recommended([{ webinar: pick, reason: '1 shared theme: child poverty' }])],
      route: '/webinars',
    });
    const section = (await screen.findByRole('heading', { name: 'Recommended for you' }, SLOW)).closest('section')!;
    expect(within(section).getByRole('link', { name: 'Fuel poverty in winter' })).toBeTruthy();
    expect(within(section).getByText('1 shared theme: child poverty')).toBeTruthy();
    expect(within(section).getByText('Europe/London time, as the organiser set it')).toBeTruthy();
    const tabs = screen.getByRole('navigation', { name: 'Which WHAMinars' });
    expect(within(tabs).getAllByRole('link').map((l) => l.textContent)).toEqual(['Upcoming', 'Past', 'My WHAMinars']);
    expect(screen.queryByRole('link', { name: 'Schedule a WHAMinar' })).toBeNull();
  });

  it('shows past ones for a theme, with an empty state that offers every theme', async () => {
    renderWithProviders(<WebinarsPage viewerZone="Europe/London" />, {
      auth: fakeAuth({ account: accountFixture({ role: 'organiser' }) }),
      mocks: [list({ themes: ['housing'], past: true }, [])],
      route: '/webinars?tab=past&theme=housing',
    });
    expect(await screen.findByRole('heading', { name: 'No past WHAMinars about housing' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Show every theme' }).getAttribute('href')).toBe('/webinars?tab=past');
    expect(screen.getByRole('link', { name: 'Schedule a WHAMinar' }).getAttribute('href')).toBe('/webinars/new');
    expect(within(screen.getByRole('navigation', { name: 'Which WHAMinars' })).getByRole('link', { name: 'Organising' })).toBeTruthy();
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('housing');
  });
});

describe('my calendar feed', () => {
  it('shows my private link only when asked, and resets it after asking first', async () => {
    renderWithProviders(<WebinarsPage viewerZone="Europe/London" />, {
      route: '/webinars?tab=registered',
      mocks: [
        list({ registered: true }, []),
        { request: { query: CALENDAR_FEED_URL }, result: { data: { calendarFeedUrl: 'http://localhost:3000/api/calendar/old-token.ics' } } },
        { request: { query: RESET_CALENDAR_FEED_TOKEN }, result: { data: { resetCalendarFeedToken: 'http://localhost:3000/api/calendar/new-token.ics' } } },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'You have not registered for any upcoming WHAMinars' }, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show my calendar link' }));
    const link = (await screen.findByLabelText('Your private calendar link', {}, SLOW)) as HTMLInputElement;
    expect(link.value).toBe('http://localhost:3000/api/calendar/old-token.ics');
    fireEvent.click(screen.getByRole('button', { name: 'Reset the link' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, make a new link' }));
    expect(await screen.findByText(/A new link is ready/, {}, SLOW)).toBeTruthy();
    expect((screen.getByLabelText('Your private calendar link') as HTMLInputElement).value).toBe('http://localhost:3000/api/calendar/new-token.ics');
  });
});
