import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot, uniqueEmail } from './support';

const PASSWORD = 'Quiet-harbour-lantern-42';
/** The demo organiser the API seeds with the demo data (SEED_DEMO is on for these tests). */
const ORGANISER = { email: 'organiser@kindred.example', password: 'kindred-demo-2026', name: 'Dr Demo Organiser (demo)' };
const ORGANISER_ZONE = 'Europe/London';
const CLINICIAN_ZONE = 'America/New_York';

interface Login {
  readonly email: string;
  readonly password: string;
}

async function signUp(request: APIRequestContext, name: string): Promise<Login> {
  const email = uniqueEmail('e2e-webinar');
  const response = await request.post('/graphql', {
    data: {
      query: 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
      variables: { input: { email, password: PASSWORD, displayName: name, profession: 'health-visitor' } },
    },
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors?.length) throw new Error(`sign-up failed: ${JSON.stringify(body.errors)}`);
  return { email, password: PASSWORD };
}

/** A fresh browser in its own time zone, signed in through the form. */
async function signedInPage(browser: Browser, login: Login, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

/** Wall-clock parts of an instant in a zone: what the organiser types into the form. */
function wallTime(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}`,
    abbreviation: parts['timeZoneName'] ?? '',
    ics: `${parts['year']}${parts['month']}${parts['day']}T${parts['hour']}${parts['minute']}00`,
  };
}

/** RFC 5545 content lines: long lines are folded with CRLF + one space. */
function unfoldIcs(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const discussion = (page: Page) => page.getByRole('log', { name: /^Discussion of/ });

test('an organiser schedules a WHAMinar; a clinician finds it, registers, downloads the .ics; after the start both talk live in its thread', async ({
  browser,
  request,
}) => {
  // Why the WHAMinar starts about two minutes after it is scheduled, and the test waits for it:
  // the API takes only future starts and opens the thread at the real start, and the e2e server
  // runs an in-memory embedded database this test cannot reach to backdate anything (see
  // start-server.mjs). Playwright's clock would move only the browser, not the server's posting
  // window. So everything before the start (scheduling, registering, the .ics, the registrants
  // list) happens in the lead time, and the discussion once the server says it has started.
  test.setTimeout(420_000);
  const startAt = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
  const local = wallTime(startAt, ORGANISER_ZONE);
  const title = `Cold homes and child health ${Date.now().toString(36)}`;
  const joinUrl = `https://meet.example.org/e2e-${Date.now().toString(36)}`;

  const clinicianLogin = await signUp(request, 'Bea Brown');
  const org = await signedInPage(browser, ORGANISER, ORGANISER_ZONE);
  const cli = await signedInPage(browser, clinicianLogin, CLINICIAN_ZONE);

  await test.step('the organiser schedules it in her own time zone, with a preview in two others', async () => {
    await nav(org).getByRole('link', { name: 'WHAMinars' }).click();
    await org.getByRole('link', { name: 'Schedule a WHAMinar' }).click();
    await expect(org.getByRole('heading', { level: 1, name: 'Schedule a WHAMinar' })).toBeVisible();
    await expect(org.getByRole('combobox', { name: 'Time zone' })).toHaveValue(ORGANISER_ZONE);

    await org.getByLabel('Title').fill(title);
    await org.getByLabel(/^Description/).fill('Health visitors on **cold homes**: what to ask, and where to refer.\n\n- warm spaces\n- energy advice');
    await org.getByLabel('Date').fill(local.date);
    await org.getByLabel('Time', { exact: true }).fill(local.time);
    await expect(org.locator('#webinar-zone-preview')).toContainText(`UTC: `);
    await org.getByLabel('Duration (minutes)').fill('45');
    await org.getByLabel('Join link').fill(joinUrl);
    await org.getByLabel(/^Capacity/).fill('25');
    await org.getByRole('checkbox', { name: 'Child poverty' }).check();
    await org.getByRole('button', { name: 'Add a speaker' }).click();
    await org.getByLabel('Speaker 1: name').fill('Callum Fraser');
    await org.getByLabel(/Speaker 1: affiliation/).fill('Glasgow Community Food Network');
    await keepScreenshot(org, 'webinar-schedule');
    await expectNoSeriousA11yViolations(org);

    await org.getByRole('button', { name: 'Publish WHAMinar' }).click();
    await expect(org).toHaveURL(/\/webinars\/[0-9a-f-]{36}$/);
    await expect(org.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(org.getByText('Your WHAMinar is published.')).toBeVisible();
    await expect(org.getByText('cold homes', { exact: true })).toHaveJSProperty('tagName', 'STRONG');
    await expect(org.getByRole('heading', { name: 'Organiser tools' })).toBeVisible();
  });
  const webinarPath = new URL(org.url()).pathname;

  await test.step('a clinician in another time zone finds it first among the upcoming ones, in her own time', async () => {
    await nav(cli).getByRole('link', { name: 'WHAMinars' }).click();
    const first = cli.getByRole('list', { name: 'Upcoming WHAMinars' }).getByRole('article').first();
    await expect(first.getByRole('link', { name: title })).toBeVisible();
    await expect(first).toContainText(`Your time (${CLINICIAN_ZONE}). Organiser’s time: ${local.time} ${local.abbreviation} (${ORGANISER_ZONE})`);
    await expect(first).toContainText('25 places left of 25');
    await keepScreenshot(cli, 'webinars-list');
    await expectNoSeriousA11yViolations(cli);
    await first.getByRole('link', { name: title }).click();
    await expect(cli).toHaveURL(new RegExp(`${webinarPath}$`));
  });

  await test.step('she registers, gets the join link (it is within 30 minutes) and is told when the discussion opens', async () => {
    await expect(cli.getByText('Callum Fraser (Glasgow Community Food Network)')).toBeVisible();
    await cli.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(cli.getByText('You have a place.', { exact: true })).toBeVisible();
    await expect(cli.getByText('24 places left of 25')).toBeVisible();
    await expect(cli.getByRole('link', { name: /Join the WHAMinar/ })).toHaveAttribute('href', joinUrl);
    await expect(cli.getByText(/The discussion opens when the WHAMinar starts/)).toBeVisible();
    await expect(cli.getByRole('textbox', { name: 'Write a message' })).toHaveCount(0);
    await keepScreenshot(cli, 'webinar-registered');
    await expectNoSeriousA11yViolations(cli);
  });

  await test.step('she downloads the .ics: her organiser’s zone, the title and (holding a place) the join link', async () => {
    const [download] = await Promise.all([cli.waitForEvent('download'), cli.getByRole('button', { name: 'Download calendar file (.ics)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^whaminar-cold-homes-and-child-health.*\.ics$/);
    const lines = unfoldIcs(readFileSync(await download.path(), 'utf8'));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain(`SUMMARY:${title}`);
    expect(lines).toContain(`DTSTART;TZID=${ORGANISER_ZONE}:${local.ics}`);
    expect(lines).toContain(`BEGIN:VTIMEZONE`);
    expect(lines.some((l) => l.startsWith('DESCRIPTION:') && l.includes(`Join: ${joinUrl}`))).toBe(true);
    await expect(cli.getByText(/^Downloaded whaminar-.*\.ics\.$/)).toBeVisible();
  });

  await test.step('the organiser sees her in the registrants list and exports it as CSV', async () => {
    await org.goto(`${webinarPath}/registrations`);
    const row = org.getByRole('row', { name: /Bea Brown/ });
    await expect(row).toContainText('Has a place');
    await expect(org.getByRole('checkbox', { name: 'Bea Brown attended' })).toBeDisabled();
    const [csv] = await Promise.all([org.waitForEvent('download'), org.getByRole('button', { name: 'Download as CSV' }).click()]);
    const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toBe('name,profession,specialty,organisation,status,waiting_position,registered_at,signed_up_at,cancelled_at,attended,attended_at,attendance_source');
    expect(text).toContain('Bea Brown');
    await expectNoSeriousA11yViolations(org);
    await org.goto(webinarPath);
  });

  await test.step('meanwhile the map shows the demo WHAMinar tied to Glasgow as an optional layer', async () => {
    const map = await cli.context().newPage();
    await map.goto('/');
    await map.getByRole('checkbox', { name: 'Show WHAMinars tied to a place' }).check();
    await map.getByText(/^\d+ WHAMinars? in view$/).click();
    await expect(map.getByRole('link', { name: 'Warm spaces and fuel poverty: planning for winter' })).toBeVisible();
    await expect(map.locator('.map-webinar-pin')).toHaveCount(1);
    await expectNoSeriousA11yViolations(map);
    await map.close();
  });

  await test.step('at the start the discussion opens on both pages without a reload', async () => {
    const lead = startAt.getTime() - Date.now();
    const wait = { timeout: Math.max(lead, 0) + 45_000 };
    await expect(cli.getByRole('textbox', { name: 'Write a message' })).toBeVisible(wait);
    await expect(org.getByRole('textbox', { name: 'Write a message' })).toBeVisible(wait);
    await expect(cli.getByText('This WHAMinar is on now.')).toBeVisible();
  });

  await test.step('they talk live in the thread', async () => {
    const box = cli.getByRole('textbox', { name: 'Write a message' });
    await box.fill('Thank you! Which energy advice service do you refer to?');
    await box.press('Enter');
    await expect(discussion(cli).getByText('Which energy advice service do you refer to?', { exact: false })).toBeVisible();
    await expect(discussion(org).getByText('Which energy advice service do you refer to?', { exact: false })).toBeVisible();

    await org.getByRole('button', { name: 'Reply to Bea Brown’s message' }).last().click();
    const reply = org.getByRole('textbox', { name: 'Reply to Bea Brown' });
    await reply.fill('The local Warm Homes hub: the slides have the number.');
    await reply.press('Enter');
    await expect(discussion(cli).getByText('The local Warm Homes hub: the slides have the number.')).toBeVisible();

    // The organiser pins the answer; the clinician's page follows.
    await org.getByLabel('Message to pin').selectOption({ label: `${ORGANISER.name}: The local Warm Homes hub: the slides have the number.` });
    await org.getByRole('button', { name: 'Pin', exact: true }).click();
    await expect(cli.getByRole('complementary', { name: 'Pinned message' })).toContainText('The local Warm Homes hub');

    await cli.getByRole('button', { name: 'Check in' }).click();
    await expect(cli.getByText('You are checked in. Welcome!')).toBeVisible();
    await keepScreenshot(cli, 'webinar-thread');
    await expectNoSeriousA11yViolations(cli);
    await keepScreenshot(org, 'webinar-thread-organiser');

    // Her check-in shows in the organiser's attendance list.
    await org.goto(`${webinarPath}/registrations`);
    await expect(org.getByRole('row', { name: /Bea Brown/ })).toContainText('Checked in');
    await expect(org.getByRole('checkbox', { name: 'Bea Brown attended' })).toBeChecked();
  });

  await test.step('on a phone the list and the page fit without sideways scrolling', async () => {
    await cli.setViewportSize({ width: 375, height: 740 });
    await expect(discussion(cli)).toBeVisible();
    await expectNoHorizontalScroll(cli);
    await keepScreenshot(cli, 'webinar-phone');
    await cli.goto('/webinars');
    await expect(cli.getByRole('list', { name: 'Upcoming WHAMinars' })).toBeVisible();
    await expectNoHorizontalScroll(cli);
    await keepScreenshot(cli, 'webinars-list-phone');
  });
});
