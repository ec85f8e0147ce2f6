// Issue 20 in Chromium, in Kazakh and Russian, at 1366x768 and 390x844: the request and the
// reporting period on the focal point's pages, in-app notices and the e-mail opt-out, an expert
// reopening an accepted submission for correction, the focal point seeing why, and the
// administrator's request fields and the one-campaign-per-year refusal.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswersFor } from '../../src/synthetic/answers.js';
import { VERSION } from '../helpers/collection.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';
import {
  containsText,
  hasChromium,
  hasText,
  launch,
  newPage,
  shot,
  signIn,
  unlabelledControls,
  visible,
} from './browser.js';

const TIMEOUT = 240_000;
const dictionary = async (lang: string) =>
  (await import(pathToFileURL(path.resolve(`src/web/public/i18n/${lang}.js`)).href)).default as Record<string, string>;

const suite = hasChromium ? describe : describe.skip;

suite('issue 20 screens in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let d: Record<'kk' | 'ru', Record<string, string>>;
  let admin: { email: string; token: string };
  let expert: { email: string; token: string };
  let focal: { id: string; email: string; token: string };
  let organisationId: string;
  let campaignId: string;
  const problems: string[] = [];

  async function open(who: { email: string }, lang: 'kk' | 'ru', width = 1366, height = 768): Promise<Page> {
    const { page, problems: list } = await newPage(browser, baseURL);
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width, height });
    page.on('close', () => problems.push(...list));
    await page.addInitScript((l) => localStorage.setItem('ctip.lang', l), lang);
    await signIn(page, who.email, TEST_PASSWORD, {
      email: d[lang]['auth.email']!,
      password: d[lang]['auth.password']!,
      submit: d[lang]['auth.signIn']!,
    });
    return page;
  }
  const fitsWidth = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

  beforeAll(async () => {
    d = { kk: await dictionary('kk'), ru: await dictionary('ru') };
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = await t.user(['admin']);
    expert = await t.user(['expert']);
    organisationId = await t.organisation('ngo', 'almaty');
    focal = await t.user(['focal_point'], organisationId);
    await t.request(focal.token, { method: 'PUT', url: '/api/v1/notifications/preferences', payload: { lang: 'kk' } });
    const created = await t.request(admin.token, {
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: {
        questionnaireVersion: VERSION,
        reportingYear: 2030,
        requestDate: '2031-01-10',
        deadline: '2031-03-01',
        requestingBody: 'mtszn',
        outgoingNumber: '12-3/456',
        outgoingDate: '2031-01-09',
        recipients: [organisationId],
      },
    });
    campaignId = created.json().id;
    await t.request(admin.token, {
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/open`,
      headers: { 'if-match': created.headers.etag as string },
    });
    const url = `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`;
    const content = generateAnswersFor(VERSION, 'ngo', { seed: 5, missingRate: 0 });
    await t.request(focal.token, { method: 'PUT', url, headers: { 'if-match': '"0"' }, payload: { content } });
    await t.request(focal.token, { method: 'POST', url: `${url}/submit`, headers: { 'if-match': '"1"' }, payload: {} });
    const accepted = await t.request(expert.token, {
      method: 'POST',
      url: `${url}/accept`,
      headers: { 'if-match': '"2"' },
      payload: {},
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'focal point (kk): the request, its term and the reporting period; notices; e-mail switched off',
    async () => {
      for (const [width, height] of [
        [1366, 768],
        [390, 844],
      ] as const) {
        const page = await open(focal, 'kk', width, height);
        await containsText(page.locator('main'), '12-3/456');
        await containsText(page.locator('main'), d.kk['campaign.termCustom']!.split(' (')[1]!.replace(')', ''));
        await containsText(page.locator('main'), '2030');
        await shot(page, `i20-campaigns-kk-${width}`);
        expect(await fitsWidth(page)).toBe(true);
        await page.getByRole('link', { name: new RegExp(d.kk['nav.notifications']!) }).click();
        await containsText(page.getByRole('heading', { level: 1 }), d.kk['notifications.title']!);
        await visible(page.getByText('2030 есепті жылы үшін деректер жинау басталды'));
        await visible(page.getByText('Сауалнама қабылданды (2030 есепті жылы)'));
        expect(await unlabelledControls(page)).toEqual([]);
        await shot(page, `i20-notifications-kk-${width}`);
        expect(await fitsWidth(page)).toBe(true);
        await page.close();
      }
      const page = await open(focal, 'kk');
      await page.goto('/notifications');
      await page.getByLabel(d.kk['notifications.email']!).uncheck();
      await page.getByRole('button', { name: d.kk['notifications.save']! }).click();
      await visible(page.getByText(d.kk['notifications.saved']!));
      const prefs = await t.request(focal.token, { method: 'GET', url: '/api/v1/notifications/preferences' });
      expect(prefs.json()).toEqual({ lang: 'kk', emailNotifications: false });
      await page.getByRole('button', { name: d.kk['notifications.markAll']! }).click();
      await visible(page.getByRole('link', { name: d.kk['nav.notifications']!, exact: true }));
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'expert (ru) reopens the accepted submission with a reason; the focal point (kk) sees why and may correct it',
    async () => {
      const page = await open(expert, 'ru');
      await page.goto(`/submissions/${campaignId}/${organisationId}`);
      await containsText(page.locator('.reporting-period'), '2030');
      await containsText(page.locator('.request'), 'МТСЗН');
      await page.getByRole('button', { name: d.ru['correction.reopen']! }).click();
      await visible(page.getByText(d.ru['correction.needReason']!));
      await page.getByLabel(d.ru['correction.reason']!).fill('Сведения не совпадают с данными МВД');
      await page.getByRole('button', { name: d.ru['correction.reopen']! }).click();
      await visible(page.getByText('Сведения не совпадают с данными МВД').first());
      await shot(page, 'i20-reopened-ru-1366');
      await page.close();
      const sub = (
        await t.request(expert.token, {
          method: 'GET',
          url: `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`,
        })
      ).json();
      expect(sub).toMatchObject({ status: 'returned', inCorrection: true });

      const phone = await open(focal, 'kk', 390, 844);
      await phone.goto(`/submissions/${campaignId}/${organisationId}`);
      await visible(phone.getByText(/Сведения не совпадают с данными МВД/).first());
      await containsText(phone.locator('main'), d.kk['correction.notice']!.split('.')[0]!);
      await visible(phone.getByRole('button', { name: d.kk['submission.submit']! }));
      await shot(phone, 'i20-correction-kk-390');
      expect(await fitsWidth(phone)).toBe(true);
      await phone.close();
    },
    TIMEOUT,
  );

  it(
    'administrator (ru): the request fields; a second campaign for a reporting year is refused in words',
    async () => {
      for (const lang of ['ru', 'kk'] as const) {
        const page = await open(admin, lang);
        await page.goto('/admin/campaigns');
        await visible(page.getByLabel(d[lang]['campaign.requestingBody']!));
        await containsText(page.locator('main table'), '12-3/456');
        expect(await unlabelledControls(page)).toEqual([]);
        await shot(page, `i20-admin-campaigns-${lang}-1366`);
        if (lang === 'ru') {
          await page.getByLabel(d.ru['campaign.year']!, { exact: true }).fill('2030');
          await page.getByLabel(d.ru['campaign.outgoingNumber']!).fill('99');
          await page.getByLabel(d.ru['campaign.outgoingDate']!).fill('2031-05-01');
          await page.getByRole('button', { name: d.ru['campaign.create']! }).click();
          await visible(page.getByText(/За 2030 отчетный год кампания уже есть/));
          await shot(page, 'i20-admin-year-taken-ru');
        }
        await page.close();
      }
    },
    TIMEOUT,
  );

  it(
    'keeps the session when the server cannot be reached for a moment (a blip used to sign the user out)',
    async () => {
      const { page } = await newPage(browser, baseURL);
      page.setDefaultTimeout(15_000);
      await page.addInitScript(() => localStorage.setItem('ctip.lang', 'ru'));
      await signIn(page, focal.email, TEST_PASSWORD, {
        email: d.ru['auth.email']!,
        password: d.ru['auth.password']!,
        submit: d.ru['auth.signIn']!,
      });
      // The next page load cannot reach /auth/me (as when that request is cut off by a navigation).
      await page.route('**/api/v1/auth/me', (route) => route.abort('failed'), { times: 1 });
      await page.reload();
      await visible(page.getByText(d.ru['common.unreachable']!));
      expect(await page.evaluate(() => localStorage.getItem('ctip.token'))).not.toBeNull();
      await page.reload();
      await hasText(page.getByRole('heading', { level: 1 }), d.ru['campaigns.title']!);
      await page.close();
    },
    TIMEOUT,
  );

  it('has no script errors and fetches nothing off-origin', () => {
    expect(problems).toEqual([]);
  });
});
