// Headless Debian chromium driven by playwright-core, and small page helpers for the e2e test.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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

export const shot = (page: Page, name: string): Promise<void> => screenshot(page, name);

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
/** Waits for the locator; a timeout says where the page was and what it showed (a CI failure is read from the log). */
export const visible = (locator: Locator) =>
  locator
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 })
    .catch(async (err: Error) => {
      const page = locator.page();
      const shown =
        (await page
          .locator('main')
          .textContent({ timeout: 1_000 })
          .catch(() => '(no main)')) ?? '';
      throw new Error(
        `${err.message}\n  at ${page.url()}, the page showed: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`,
      );
    });
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

/** Where screenshots go: $CI_ARTIFACTS when the CI sets it, else tests/artifacts/ (git-ignored). */
export const SCREENSHOTS = process.env.CI_ARTIFACTS ? path.resolve(process.env.CI_ARTIFACTS) : ARTIFACTS;

const AXE_SOURCE = path.resolve('node_modules/axe-core/axe.min.js');

/** axe-core (injected into the page) on the whole document: the violations, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') refuses an injected <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core is injected as a global script.
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; help: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')})`,
    );
  });
  return violations as string[];
}

/** Latin words allowed on kk/ru pages: formats, product names and codes that are the documents' own. */
const LATIN_OK = new Set(['PDF', 'XLSX', 'ZIP', 'Excel', 'CSV', 'ISO', 'KAZ', 'IQR', 'W', 'SHA']);

/**
 * Visible text that betrays an untranslated page: English words, raw codes (snake_case like
 * `campaign_open`, i18n keys like `submission.title`, the version id `2024-10-order-849-410`)
 * and formulas in messages ("6 ≤ 4", "68 = 66"). E-mail addresses and `data` matches are left out.
 */
export async function rawText(page: Page, data: RegExp[] = [/\b(?:User|Member) \d+\b/g]): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point (hidden nodes are not shown to users).
  const text = await page.evaluate(() => document.body.innerText);
  // Users' own data (the fixtures' names "User 12", "Member 3", e-mail addresses) is not interface text.
  const clean = data.reduce((acc, re) => acc.replace(re, ' '), text.replace(/[\w.+-]+@[\w.-]+/g, ' '));
  const found = new Set<string>();
  for (const m of clean.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z][A-Za-z]+\b|\d{4}-\d{2}-order[\w-]*/g))
    found.add(m[0]);
  for (const m of clean.matchAll(/\d+\s*[≤≥<>=]\s*\d+/g)) if (!/^p\s*</.test(m[0])) found.add(m[0]);
  for (const m of clean.matchAll(/\b[A-Za-z]{2,}\b/g)) if (!LATIN_OK.has(m[0])) found.add(m[0]);
  return [...found];
}

/** Every text input, select and textarea inside `selector` that can still be changed. */
export function enabledControls(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLInputElement>(`${sel} input, ${sel} select, ${sel} textarea`)]
        .filter((el) => !el.disabled && el.type !== 'hidden')
        .map((el) => el.outerHTML.slice(0, 100)),
    selector,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * A page signed in as `who` through the Russian sign-in form (the language a test switches to is
 * set afterwards), tracked in `openPages` while open; its console and network problems go to
 * `problems`, prefixed with `who`, when it closes.
 */
export async function signedInPage(
  browser: Browser,
  baseURL: string,
  who: string,
  account: { email: string; password: string; labels: Parameters<typeof signIn>[3] },
  openPages: Map<string, Page>,
  problems: string[],
): Promise<Page> {
  const { page, problems: list } = await newPage(browser, baseURL);
  page.setDefaultTimeout(15_000);
  openPages.set(who, page);
  page.on('close', () => {
    openPages.delete(who);
    problems.push(...list.map((p) => `${who}: ${p}`));
  });
  await page.addInitScript(() => {
    if (!localStorage.getItem('ctip.lang')) localStorage.setItem('ctip.lang', 'ru');
  });
  await signIn(page, account.email, account.password, account.labels);
  return page;
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
