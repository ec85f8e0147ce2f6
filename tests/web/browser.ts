// Headless Debian chromium driven by playwright-core, and small page helpers for the e2e test.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const ARTIFACTS = path.resolve('tests/artifacts');

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A fresh signed-out page at laptop size; collects page errors and off-origin requests. */
export async function newPage(browser: Browser, baseURL: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(baseURL).origin;
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of (4\d\d)/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
      problems.push(`off-origin request: ${url}`);
  });
  return { page, problems };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Signs in through the login form and waits for the first page after it. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  labels: { email: string; password: string; submit: string },
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The fieldset of a questionnaire item (ids contain dots, so no #id selector). */
export const item = (page: Page, itemId: string) => page.locator(`[id="item-${itemId}"]`);

// Minimal waiting assertions (vitest's expect has no locator matchers).
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForText(
  locator: Locator,
  ok: (text: string) => boolean,
  describe: string,
  timeout = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (
      (await locator
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => '')) ?? ''
    ).trim();
    if (ok(last)) return;
    await sleep(100);
  }
  throw new Error(`expected ${describe}, saw "${last}"`);
}

export const hasText = (locator: Locator, expected: string) =>
  waitForText(locator, (s) => s === expected, `text "${expected}"`);
export const containsText = (locator: Locator, expected: string) =>
  waitForText(locator, (s) => s.includes(expected), `text containing "${expected}"`);
export const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 15_000 });
export const gone = (locator: Locator) => locator.first().waitFor({ state: 'detached', timeout: 15_000 });

/** Visible form controls without an accessible name (label, aria-label or aria-labelledby). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
        'input, select, textarea',
      ),
    ]
      .filter((el) => el.type !== 'hidden' && el.offsetParent !== null)
      .filter((el) => !el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Whatever is still open after a test (a failure): a screenshot for the artefacts, its alerts, then closed. */
export async function closeLeftOpen(openPages: Map<string, Page>, problems: string[], prefix = ''): Promise<void> {
  for (const [who, page] of openPages) {
    await shot(page, `${prefix}failed-${who}`).catch(() => {});
    for (const p of await page
      .evaluate(() => [...document.querySelectorAll('[role=alert]')].map((e) => e.textContent))
      .catch(() => []))
      problems.push(`${who} alert: ${p}`);
    await page.close();
  }
}
