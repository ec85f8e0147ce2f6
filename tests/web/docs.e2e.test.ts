// The API documentation page in Chromium under its own Content-Security-Policy: Swagger UI
// renders the operations, and nothing is refused by the policy or fetched off-origin.
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { hasChromium, launch, newPage, shot } from './browser.js';

const suite = hasChromium ? describe : describe.skip;

suite('API documentation in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the operations with no CSP violation', async () => {
    const { page, problems } = await newPage(browser, baseURL);
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto('/docs');
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    await shot(page, 'docs');
    await page.close();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
