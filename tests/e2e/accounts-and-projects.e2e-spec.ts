import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot, uniqueEmail } from './support';

const PASSWORD = 'Quiet-harbour-lantern-42';

test('a clinician signs up, registers a project by placing a pin, edits it, signs out and back in', async ({ page }) => {
  // A whole journey with six accessibility scans: about 20 s on a quiet machine, 35 s on a busy one.
  test.setTimeout(120_000);
  const email = uniqueEmail('e2e-clinician');

  await test.step('sign up', async () => {
    await page.goto('/sign-up');
    await expect(page).toHaveTitle(/Sign up/);
    await keepScreenshot(page, 'sign-up');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Display name').fill('Dr E2E Tester');
    await page.getByLabel('Profession').selectOption('health-visitor');
    await page.getByLabel('Organisation (optional)').fill('Leeds Community Healthcare');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page).toHaveURL(/\/my-projects$/);
    await expect(page.getByRole('heading', { name: 'You have not registered a project yet' })).toBeVisible();
    await keepScreenshot(page, 'my-projects-empty');
    await expectNoSeriousA11yViolations(page);
  });

  await test.step('register a project by placing a pin on the map', async () => {
    await page.getByRole('link', { name: 'Register your first project' }).click();
    await expect(page).toHaveURL(/\/projects\/new$/);
    await page.getByLabel('Title').fill('Social-history screening in paediatric clinic');
    await page.getByLabel('Summary').fill('A short questionnaire about money, housing and food, asked at every paediatric outpatient visit, with a warm referral to welfare advice.');
    await page.getByRole('checkbox', { name: 'Child poverty' }).check();
    await page.getByRole('checkbox', { name: 'Social-history screening' }).check();
    await expect(page.getByText('2 of 5 chosen')).toBeVisible();
    await page.getByLabel('Stage').selectOption('running');
    const map = page.getByTestId('project-map');
    await map.scrollIntoViewIfNeeded();
    await expect(map.locator('.leaflet-kindred-outline-pane path').first()).toBeAttached(); // the bundled UK outline
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await expect(page.getByLabel('Latitude')).not.toHaveValue('');
    await keepScreenshot(page, 'register-project');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Register project' }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Your project is registered.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Social-history screening in paediatric clinic' })).toBeVisible();
    // The owner sees projects like theirs elsewhere (the demo data holds some on child poverty).
    await expect(page.getByRole('heading', { name: 'Similar projects across the UK' })).toBeVisible();
    await expect(page.getByText(/shared theme/).first()).toBeVisible();
    await keepScreenshot(page, 'project-detail');
    await expectNoSeriousA11yViolations(page);
  });

  await test.step('see it listed under my projects', async () => {
    await page.goto('/my-projects');
    await expect(page.getByRole('link', { name: 'Social-history screening in paediatric clinic', exact: true })).toBeVisible();
    await keepScreenshot(page, 'my-projects');
  });

  await test.step('edit it', async () => {
    await page.getByRole('link', { name: 'Edit Social-history screening in paediatric clinic' }).click();
    await expect(page.getByLabel('Title')).toHaveValue('Social-history screening in paediatric clinic');
    await page.getByLabel('Title').fill('Social-history screening in paediatric outpatients');
    await page.getByRole('radio', { name: 'Region (about 10 km)' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: 'Social-history screening in paediatric outpatients' })).toBeVisible();
  });

  await test.step('sign out and back in', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await page.goto('/sign-in');
    await keepScreenshot(page, 'sign-in');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My projects' }).click();
    await expect(page.getByRole('link', { name: 'Social-history screening in paediatric outpatients', exact: true })).toBeVisible();
  });

  await test.step('account page', async () => {
    await page.goto('/account');
    await expect(page.getByLabel('Display name')).toHaveValue('Dr E2E Tester');
    await keepScreenshot(page, 'account');
    await expectNoSeriousA11yViolations(page);
  });
});

test('a wrong password is refused with a clear message and no session', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('demo@kindred.example');
  await page.getByLabel('Password').fill('not-the-right-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(/email or password/i).first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('home and explore pages read well, on a laptop and on a phone', async ({ page }) => {
  for (const [width, height, suffix] of [
    [1280, 800, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(page).toHaveTitle(/Kindred/);
    await keepScreenshot(page, `home-${suffix}`);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);

    await page.goto('/projects');
    await expect(page.getByText(/\d+ projects|Showing \d+ of \d+ projects/).first()).toBeVisible();
    await keepScreenshot(page, `explore-${suffix}`);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
  }
});

test('explore filters narrow the list and live in the URL', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/projects?stage=idea');
  await expect(page.getByLabel('Stage')).toHaveValue('idea');
  const cards = page.locator('main article');
  await expect(cards.first()).toBeVisible();
  const texts = await cards.allInnerTexts();
  for (const t of texts) expect(t).toMatch(/Idea/);
  await page.getByLabel('Search').fill('zzzz-no-such-project');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=zzzz-no-such-project/);
  await expect(page.getByText(/No projects|0 projects/i).first()).toBeVisible();
});
