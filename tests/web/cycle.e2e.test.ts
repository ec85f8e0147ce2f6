// The cycle after and around the expert group in headless Chromium, in Russian and Kazakh: the
// administrator sets up the expert group and its members, an expert records a meeting with a file,
// the coordinating body's expert registers the transmittal, the secretariat records the
// Commission's decision and communicates the results, a focal point reads them and reports on
// its recommendations in the follow-up form; the secretariat sees who has read them.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assessments } from '../../src/db/schema.js';
import { replaceFiles } from '../../src/modules/reports/reports.repository.js';
import { createReportAssessment } from '../modules/reports/fixture.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';
import {
  ARTIFACTS,
  closeLeftOpen,
  containsText,
  hasChromium,
  hasText,
  launch,
  signedInPage,
  shot,
  unlabelledControls,
  visible,
} from './browser.js';

const E2E_TIMEOUT = 300_000;
const dictionary = async (lang: string) =>
  (await import(pathToFileURL(path.resolve(`src/web/public/i18n/${lang}.js`)).href)).default as Record<string, string>;

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('web e2e skipped: /usr/bin/chromium is not installed (CI installs it).\n');

suite('expert group, Commission and results in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let ru: Record<string, string>;
  let kk: Record<string, string>;
  let assessmentId: string;
  let focalOrg: string;
  let campaignId: string;
  const users: Record<string, { email: string; token: string; id: string }> = {};
  const problems: string[] = [];
  const openPages = new Map<string, Page>();
  const labels = () => ({ email: ru['auth.email'], password: ru['auth.password'], submit: ru['auth.signIn'] });

  async function open(who: string, lang = 'ru'): Promise<Page> {
    // Signed in through the Russian form; the page then switches to the language under test.
    const account = { email: users[who]!.email, password: TEST_PASSWORD, labels: labels() };
    const page = await signedInPage(browser, baseURL, who, account, openPages, problems);
    if (lang !== 'ru') {
      await page.evaluate((l) => localStorage.setItem('ctip.lang', l), lang);
      await page.reload();
    }
    return page;
  }

  beforeAll(async () => {
    [ru, kk] = await Promise.all([dictionary('ru'), dictionary('kk')]);
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    users.admin = await t.user(['admin']);
    users.coordinator = await t.coordinator('mvd');
    users.secretariat = await t.user(['secretariat']);
    focalOrg = await t.organisation('mvd', 'almaty');
    users.focal = await t.user(['focal_point'], focalOrg);
    const fx = await createReportAssessment(t);
    assessmentId = fx.assessmentId;
    const db = t.app.database.db;
    const pdf = Buffer.from('%PDF-1.4\n%stand-in\n');
    await replaceFiles(
      db,
      assessmentId,
      ['report-kk.pdf', 'report-ru.pdf', 'report-ru.xlsx', 'profile-mvd-ru.pdf', 'profile-ngo-ru.pdf'].map((name) => ({
        name,
        contentType: 'application/pdf',
        sha256: createHash('sha256').update(pdf).digest('hex'),
        content: pdf,
      })),
    );
    users.specialist = await t.user(['specialist']);
    const invited = await t.request(users.coordinator.token, {
      method: 'POST',
      url: `/api/v1/assessments/${assessmentId}/specialists`,
      payload: {
        kind: 'researcher',
        name: 'Ахметова Д.',
        field: 'социология миграции',
        contribution: 'Анализ рисков трудовой миграции',
        userId: users.specialist.id,
      },
    });
    if (invited.statusCode !== 201) throw new Error(invited.body);
    await db
      .update(assessments)
      .set({ status: 'finalised', finalisedAt: new Date() })
      .where(eq(assessments.id, assessmentId));
    const campaign = await t.request(users.admin.token, {
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { reportingYear: 2025, questionnaireVersion: '2024-10-order-849-410', recipients: [focalOrg] },
    });
    campaignId = campaign.json().id;
    await t.request(users.admin.token, {
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/open`,
      headers: { 'if-match': campaign.headers.etag as string },
    });
    browser = await launch();
  }, 180_000);

  afterEach(() => closeLeftOpen(openPages, problems, 'cycle-'));

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'sets up the expert group and its members, and records a meeting with a file',
    async () => {
      const admin = await open('admin');
      await admin.goto('/expert-group');
      await hasText(admin.getByRole('heading', { level: 1 }), ru['group.title']);
      await admin.getByLabel(ru['group.plannedSize']).fill('12');
      await admin.getByLabel(ru['group.meetingFrequency']).fill('не реже одного раза в квартал');
      await admin.getByRole('button', { name: ru['group.saveSettings'], exact: true }).click();
      await containsText(admin.locator('p', { hasText: ru['group.size'].replace('{n}', '12') }), '12');
      const form = admin.locator('form', { hasText: ru['group.addMember'] });
      await form.getByLabel(ru['group.memberName']).fill('Серикова Айгуль');
      await form.locator('input[type=search]').fill('Организация');
      await form.getByRole('button', { name: ru['group.addMember'] }).click();
      await visible(admin.getByRole('cell', { name: 'Серикова Айгуль' }));
      expect(await unlabelledControls(admin)).toEqual([]);
      await shot(admin, 'cycle-01-expert-group-ru');
      await admin.getByRole('link', { name: ru['group.history'] }).click();
      await hasText(admin.getByRole('heading', { level: 2, name: ru['group.historyTitle'] }), ru['group.historyTitle']);
      await admin.close();

      const expert = await open('coordinator', 'kk');
      await expert.goto('/expert-group');
      await hasText(expert.getByRole('heading', { level: 1 }), kk['group.title']);
      await expert.getByLabel(kk['group.agenda']).fill('1. Деректердің сапасын тексеру нәтижелері');
      await expert.getByLabel(kk['group.decision'], { exact: true }).fill('Сапаны тексеру нәтижелері қабылдансын');
      await expert.getByRole('button', { name: kk['group.saveMeeting'] }).click();
      await visible(expert.getByText('Сапаны тексеру нәтижелері қабылдансын'));
      const file = path.join(ARTIFACTS, 'minutes.pdf');
      writeFileSync(file, '%PDF-1.4 signed minutes');
      await expert.getByLabel(kk['group.file']).setInputFiles(file);
      await expert.getByRole('button', { name: kk['group.upload'] }).click();
      await visible(expert.getByRole('button', { name: 'minutes.pdf' }));
      await shot(expert, 'cycle-02-meeting-kk');
      await expert.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'registers the transmittal, the Commission decision and the communication to the subjects',
    async () => {
      const expert = await open('coordinator');
      await expert.goto(`/commission/${assessmentId}`);
      await hasText(expert.getByRole('heading', { level: 1 }), ru['commission.title']);
      await expert.getByLabel(ru['commission.outgoingNumber']).fill('12-3/456');
      await expert.getByRole('button', { name: ru['commission.send'] }).click();
      await containsText(expert.locator('p', { hasText: '12-3/456' }), '12-3/456');
      await visible(expert.getByRole('cell', { name: 'profile-mvd-ru.pdf' }));
      await expert.close();

      const sec = await open('secretariat');
      await sec.goto('/reports');
      await sec.getByRole('link', { name: ru['commission.title'] }).click();
      await hasText(sec.getByRole('heading', { level: 1 }), ru['commission.title']);
      await sec.getByLabel(ru['commission.decisionKk']).fill('Нәтижелер мақұлдансын.');
      await sec.getByLabel(ru['commission.decisionRu']).fill('Результаты одобрить.');
      expect(await unlabelledControls(sec)).toEqual([]);
      await shot(sec, 'cycle-03-decision-ru');
      await sec.getByRole('button', { name: ru['commission.decide'] }).click();
      await visible(sec.getByText('Результаты одобрить.'));
      await sec.getByRole('button', { name: ru['commission.publish'] }).click();
      await visible(sec.getByRole('heading', { name: ru['commission.receipts'] }));
      await sec.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'lets a focal point read the results and its profile, report on its recommendations; the secretariat sees it',
    async () => {
      const focal = await open('focal');
      await focal.getByRole('link', { name: ru['nav.results'] }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), ru['results.title']);
      const buttons = focal.getByRole('button', { name: /profile-/ });
      expect(await buttons.count()).toBe(1);
      await visible(
        focal.getByRole('button', { name: ru['files.downloadName'].replace('{name}', 'profile-mvd-ru.pdf') }),
      );
      const download = focal.waitForEvent('download');
      await focal
        .getByRole('button', { name: ru['files.downloadName'].replace('{name}', 'profile-mvd-ru.pdf') })
        .click();
      expect((await download).suggestedFilename()).toBe('profile-mvd-ru.pdf');
      await visible(focal.getByText(ru['results.read'], { exact: true }));
      await shot(focal, 'cycle-04-results-ru');
      await focal.getByRole('link', { name: ru['results.followUpLink'].replace('{year}', '2025') }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), ru['followUp.title'].replace('{year}', '2025'));
      const first = focal.locator('form').first();
      await first.getByLabel(ru['followUp.statusLabel']).selectOption('done');
      await first.getByLabel(ru['followUp.done']).fill('Проведено 12 семинаров');
      await first.getByRole('button', { name: ru['followUp.save'] }).click();
      await visible(first.getByText(ru['followUp.saved']));
      expect(await unlabelledControls(focal)).toEqual([]);
      await shot(focal, 'cycle-05-follow-up-ru');
      await focal.evaluate(() => localStorage.setItem('ctip.lang', 'kk'));
      await focal.reload();
      await hasText(focal.getByRole('heading', { level: 1 }), kk['followUp.title'].replace('{year}', '2025'));
      expect(await focal.locator('form').first().getByLabel(kk['followUp.done']).inputValue()).toBe(
        'Проведено 12 семинаров',
      );
      await shot(focal, 'cycle-06-follow-up-kk');
      await focal.close();

      const sec = await open('secretariat', 'kk');
      await sec.goto(`/commission/${assessmentId}`);
      await visible(sec.getByRole('heading', { name: kk['commission.receipts'] }));
      await visible(sec.getByRole('cell', { name: 'User', exact: false }).first());
      await shot(sec, 'cycle-07-receipts-kk');
      await sec.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'shows an invited specialist the working materials of that assessment only',
    async () => {
      const page = await open('specialist', 'kk');
      await hasText(page.getByRole('heading', { level: 1 }), kk['materials.title']);
      await page.getByRole('link', { name: 'Тәуекелдерді бағалау 2022–2024' }).click();
      await hasText(page.getByRole('heading', { level: 1 }), 'Тәуекелдерді бағалау 2022–2024');
      await visible(page.getByRole('button', { name: kk['materials.preview'] }));
      await shot(page, 'cycle-08-materials-kk');
      await page.goto('/expert-group');
      await hasText(page.getByRole('heading', { level: 1 }), kk['page.notFound']);
      await page.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'fits a phone screen (390x844) in both languages',
    async () => {
      const pages: [string, string][] = [
        ['admin', '/expert-group'],
        ['secretariat', `/commission/${assessmentId}`],
        ['focal', '/results'],
        ['focal', `/follow-up/${campaignId}/${focalOrg}`],
      ];
      for (const who of ['admin', 'secretariat', 'focal']) {
        const page = await open(who);
        await page.setViewportSize({ width: 390, height: 844 });
        for (const lang of ['ru', 'kk']) {
          await page.evaluate((l) => localStorage.setItem('ctip.lang', l), lang);
          for (const [, p] of pages.filter(([o]) => o === who)) {
            await page.goto(p);
            await visible(page.getByRole('heading', { level: 1 }));
            await page.waitForLoadState('networkidle');
            await shot(page, `cycle-phone-${lang}-${p.split('/')[1]}`);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            const culprits = await page.evaluate(() =>
              [...document.querySelectorAll('body *')]
                .filter(
                  (el) =>
                    el.getBoundingClientRect().right > 392 && !el.parentElement?.closest('.table-scroll, .scroll'),
                )
                .slice(0, 5)
                .map(
                  (el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
                ),
            );
            expect(width, `${p} (${lang}) is ${width} px wide: ${culprits.join('; ')}`).toBeLessThanOrEqual(390);
          }
        }
        await page.close();
      }
    },
    E2E_TIMEOUT,
  );

  it('has no script errors and fetches nothing off-origin', () => {
    expect(problems).toEqual([]);
  });
});
