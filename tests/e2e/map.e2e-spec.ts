import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from './support';

// The e2e server seeds 60 demo projects and has no tile server: the map is the bundled outline,
// the heat and the markers, all from this origin.
const DEMO = { email: 'demo@kindred.example', password: 'kindred-demo-2026' };
const COUNT = /^[\d,]+ projects? in view$/;

const viewCount = (page: Page) => page.locator('.map-status__count');

async function expectHeatOverOutline(page: Page): Promise<void> {
  await expect(page.locator('.leaflet-kindred-outline-pane path').first()).toBeAttached();
  await expect(page.locator('canvas.leaflet-heatmap-layer')).toBeAttached();
  await expect(viewCount(page)).toHaveText(COUNT);
}

/**
 * The view count once the map has settled: the same "N projects in view" read three times, half a
 * second apart (longer than the map's quiet period). A late layout change (a web font, the peers
 * panel) can move the map once more after the first answer, so one read could be a passing state.
 */
async function settledCount(page: Page): Promise<string> {
  const reads: string[] = [];
  await expect
    .poll(
      async () => {
        const text = ((await viewCount(page).textContent()) ?? '').trim();
        reads.push(COUNT.test(text) ? text : '');
        const last = reads.slice(-3);
        return last.length === 3 && last[0] !== '' && last.every((t) => t === last[0]);
      },
      { intervals: [500], timeout: 20_000, message: 'the view count settles' },
    )
    .toBe(true);
  return reads[reads.length - 1]!;
}

test('the map (the home page) draws heat over the UK outline with no outside network, on a laptop and a phone', async ({ page, baseURL }) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:')) elsewhere.push(request.url());
  });
  for (const [width, height, suffix] of [
    [1280, 800, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(page).toHaveTitle('Map – Kindred');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toHaveText('Map');
    await expectHeatOverOutline(page);
    await expect(page.getByText(/areas with fewer than \d+ projects are never shown/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in to find peers near you' })).toBeVisible();
    await keepScreenshot(page, `map-${suffix}`);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
  }
  expect(elsewhere).toEqual([]);
});

test('a theme filter changes the heat and lives in the URL; back undoes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expectHeatOverOutline(page);
  const before = await settledCount(page);

  await page.locator('summary', { hasText: 'Themes' }).click();
  await page.getByRole('checkbox', { name: 'Child poverty' }).check();
  await expect(page).toHaveURL(/[?&]theme=child-poverty(&|$)/);
  await expect(viewCount(page)).not.toHaveText(before);
  await expect(viewCount(page)).toHaveText(COUNT);
  await keepScreenshot(page, 'map-filtered');

  // Reloading restores the filter; back returns to the unfiltered map.
  await page.reload();
  await expect(page.locator('summary', { hasText: 'Themes (1 chosen)' })).toBeVisible();
  await expect(page.locator('#map-theme-child-poverty')).toBeChecked();
  await expect(viewCount(page)).toHaveText(COUNT);
  await page.goBack();
  await expect(page).not.toHaveURL(/theme=/);
  await expect(viewCount(page)).toHaveText(before);
});

test('on a slow phone a ticked filter stays ticked while the map catches up', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expectHeatOverOutline(page);
  // A low-end phone: every render is 20 times slower, so the router's URL transition takes
  // seconds. The box must not flick back to its old state meanwhile (a check would see it did).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.locator('summary', { hasText: 'Themes' }).click();
  const childPoverty = page.getByRole('checkbox', { name: 'Child poverty' });
  await childPoverty.check();
  await expect(page).toHaveURL(/[?&]theme=child-poverty(&|$)/);
  await page.getByRole('checkbox', { name: 'Housing' }).check();
  await expect(page).toHaveURL(/[?&]theme=[^&]*housing/);
  await childPoverty.uncheck();
  await expect(page).not.toHaveURL(/child-poverty/);
  await expect(page.locator('summary', { hasText: 'Themes (1 chosen)' })).toBeVisible();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(viewCount(page)).toHaveText(COUNT);
});

test('signed in as the demo clinician, peers are listed and the selected peer is highlighted on the map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/sign-in?next=/');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectHeatOverOutline(page);

  // 60 projects across the UK are sparse: search widely.
  await page.getByLabel('Within', { exact: true }).selectOption('200');
  const peers = page.getByRole('listbox', { name: 'Peers within 200 km' });
  await expect(peers.getByRole('option').first()).toBeVisible();
  await expect(peers.getByRole('option').first()).toContainText(/shared theme/);
  await expect(page.locator('.map-pin--selected')).toHaveCount(0);

  await peers.focus();
  await page.keyboard.press('ArrowDown');
  await expect(peers.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.map-pin--selected')).toHaveCount(1);

  await page.keyboard.press('Enter');
  const card = page.locator('.map-card');
  await expect(card).toBeVisible();
  // One click opens (or reuses) the direct conversation with this person.
  await expect(card.getByRole('button', { name: /^Message/ })).toBeEnabled();
  await expect(card.getByText(/away/)).toBeVisible();
  await keepScreenshot(page, 'map-peer-selected');
  await expectNoSeriousA11yViolations(page);
});

test('the table view reads the same view out as a summary and tables, on a laptop and a phone', async ({ page }) => {
  for (const [width, height, suffix] of [
    [1280, 800, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/?seeking=yes');
    await expectHeatOverOutline(page);
    await page.getByRole('link', { name: 'Table', exact: true }).click();
    await expect(page).toHaveURL(/\?seeking=yes&view=table$/);
    await expect(page.locator('#map-seeking')).toBeChecked(); // folded away behind "Filters" on a phone
    await expect(page.locator('.map-table__text')).toHaveText(/\S/);
    const areas = page.getByRole('table', { name: /Areas in view/ });
    await expect(areas).toBeVisible();
    await expect(areas.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Themes in view' })).toBeVisible();
    await keepScreenshot(page, `map-table-${suffix}`);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
  }
});

test('the need (gaps) layer can be shown under the heat, with its legend and an honest sample note', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.getByLabel('Show need (gaps)').check();
  await expect(page.getByText(/Need: Children in low-income families/).first()).toBeVisible();
  await expect(page.getByText(/not official statistics/).first()).toBeVisible();
  await expect(page.locator('.leaflet-kindred-gaps-pane path').first()).toBeAttached();
  await keepScreenshot(page, 'map-gaps');
  await expectNoSeriousA11yViolations(page);
});
