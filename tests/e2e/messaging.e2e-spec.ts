import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot, uniqueEmail } from './support';

const PASSWORD = 'Quiet-harbour-lantern-42';

interface Person {
  readonly email: string;
  readonly name: string;
  readonly accessToken: string;
}

async function graphql<T>(request: APIRequestContext, query: string, variables: object, token?: string): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function signUp(request: APIRequestContext, prefix: string, name: string, profession: string): Promise<Person> {
  const email = uniqueEmail(prefix);
  const data = await graphql<{ signUp: { accessToken: string } }>(
    request,
    'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    { input: { email, password: PASSWORD, displayName: name, profession } },
  );
  return { email, name, accessToken: data.signUp.accessToken };
}

/** A fresh browser (its own storage) signed in through the sign-in form. */
async function signedInPage(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const log = (page: Page) => page.getByRole('log');

test('two clinicians talk live: a request, accepted, messages both ways without reload, and the unread badge clears on reading', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const ann = await signUp(request, 'e2e-ann', 'Dr Ann Ahmed', 'doctor');
  const bea = await signUp(request, 'e2e-bea', 'Bea Brown', 'health-visitor');
  const project = await graphql<{ registerProject: { id: string } }>(
    request,
    'mutation Register($input: RegisterProjectInput!) { registerProject(input: $input) { id } }',
    {
      input: {
        title: 'Warm spaces in Leeds health visiting',
        summary: 'Health visitors refer families in cold homes to warm spaces and energy advice, and follow up a month later.',
        themes: ['fuel-poverty', 'housing'],
        stage: 'running',
        placeName: 'Leeds',
      },
    },
    bea.accessToken,
  );

  const a = await signedInPage(browser, ann);
  const b = await signedInPage(browser, bea);

  await test.step('Bea waits in her (empty) inbox', async () => {
    await nav(b).getByRole('link', { name: 'Messages' }).click();
    await expect(b).toHaveURL(/\/messages$/);
    await expect(b.getByRole('heading', { name: 'No conversations yet' })).toBeVisible();
    await keepScreenshot(b, 'messages-inbox-empty');
    await expectNoSeriousA11yViolations(b);
  });

  await test.step('Ann opens Bea’s project and messages her: a request', async () => {
    await a.goto(`/projects/${project.registerProject.id}`);
    await a.getByRole('button', { name: 'Message Bea Brown' }).click();
    await expect(a).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
    await expect(a.getByRole('heading', { level: 1, name: 'Bea Brown' })).toBeVisible();
    await expect(a.getByText(/This is a message request/)).toBeVisible();
    const box = a.getByRole('textbox', { name: 'Write a message' });
    await expect(box).toHaveValue('Hello, I saw your project “Warm spaces in Leeds health visiting” on Kindred. ');
    await box.pressSequentially('Could we compare notes?');
    await box.press('Enter');
    await expect(log(a).getByText(/Could we compare notes\?/)).toBeVisible();
    await expect(a.getByText('Sending…')).toHaveCount(0);
  });

  await test.step('Bea sees the request arrive without reloading, and accepts', async () => {
    const requests = b.getByRole('link', { name: 'Requests, 1 waiting' });
    await expect(requests).toBeVisible();
    await requests.click();
    await b.getByRole('list', { name: 'Message requests' }).getByRole('link', { name: /Dr Ann Ahmed/ }).click();
    await expect(b.getByRole('heading', { name: 'Message request from Dr Ann Ahmed' })).toBeVisible();
    await expect(log(b).getByText(/Could we compare notes\?/)).toBeVisible();
    await keepScreenshot(b, 'messages-request');
    await expectNoSeriousA11yViolations(b);
    await b.getByRole('button', { name: 'Accept the request from Dr Ann Ahmed' }).click();
    await expect(b.getByRole('textbox', { name: 'Write a message' })).toBeFocused();
  });

  await test.step('Ann sends; Bea sees it live and replies to it', async () => {
    await expect(a.getByText(/This is a message request/)).toHaveCount(0); // Ann's view follows the acceptance live
    const box = a.getByRole('textbox', { name: 'Write a message' });
    await box.fill('We follow up cold homes at six weeks.');
    await a.getByRole('button', { name: 'Send' }).click();
    await expect(log(a).getByText('We follow up cold homes at six weeks.')).toBeVisible();

    await expect(log(b).getByText('We follow up cold homes at six weeks.')).toBeVisible();
    // Ann leaves the conversation (no reload: the app keeps its connection) before Bea answers.
    await nav(a).getByRole('link', { name: 'My projects' }).click();
    await expect(a).toHaveURL(/\/my-projects$/);

    await b.getByRole('button', { name: 'Reply to Dr Ann Ahmed’s message' }).last().click();
    const reply = b.getByRole('textbox', { name: 'Reply to Dr Ann Ahmed' });
    await expect(reply).toBeFocused();
    await reply.fill('Six weeks works for us too. Shall we meet?');
    await reply.press('Enter');
    const mine = log(b).locator('.message--mine').last();
    await expect(mine).toContainText('Six weeks works for us too. Shall we meet?');
    await expect(mine.locator('.message__quote')).toContainText('We follow up cold homes at six weeks.');
    await keepScreenshot(b, 'messages-conversation');
    await expectNoSeriousA11yViolations(b);
  });

  await test.step('Ann sees one unread message in the header, and it clears when she reads it', async () => {
    const badge = nav(a).getByRole('link', { name: 'Messages, 1 unread' });
    await expect(badge).toBeVisible();
    await badge.click();
    const row = a.getByRole('list', { name: 'Conversations, most recent first' }).getByRole('link', { name: /Bea Brown/ });
    await expect(row).toContainText('1 unread message');
    await keepScreenshot(a, 'messages-inbox');
    await expectNoSeriousA11yViolations(a);
    await row.click();
    await expect(log(a).getByText('Six weeks works for us too. Shall we meet?')).toBeVisible();
    await expect(nav(a).getByRole('link', { name: 'Messages', exact: true })).toBeVisible();
    await expect(a.getByRole('list', { name: 'Conversations, most recent first' }).locator('.unread-badge')).toHaveCount(0);
    // Bea's last message shows Ann has seen it.
    await expect(log(b).locator('.message--mine').last().getByText('Seen')).toBeVisible();
    await expectNoSeriousA11yViolations(a);
  });

  await test.step('on a phone the conversation is its own screen and fits', async () => {
    await a.setViewportSize({ width: 375, height: 740 });
    await expect(a.getByRole('link', { name: 'All conversations' })).toBeVisible();
    await expect(a.getByRole('heading', { name: 'Messages', level: 2 })).toBeHidden();
    await keepScreenshot(a, 'messages-conversation-phone');
    await expectNoHorizontalScroll(a);
    await expectNoSeriousA11yViolations(a);
    await a.getByRole('link', { name: 'All conversations' }).click();
    await expect(a.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
    await keepScreenshot(a, 'messages-inbox-phone');
    await expectNoHorizontalScroll(a);
  });

  await a.context().close();
  await b.context().close();
});
