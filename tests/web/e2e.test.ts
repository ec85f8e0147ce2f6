// End to end in headless Chromium against the real app on a test database:
// focal point fills, explains a missing item and submits; an expert returns it with a
// comment; the focal point fixes and resubmits; the expert accepts. A second test
// (which runs once the assessment routes are documented) goes on: the expert scores
// risks, ranks and finalises; the secretariat downloads the PDF.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswersFor } from '../../src/synthetic/answers.js';
import { VERSION } from '../helpers/collection.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';
import {
  ARTIFACTS,
  axeViolations,
  closeLeftOpen,
  signedInPage,
  containsText,
  enabledControls,
  gone,
  hasChromium,
  hasText,
  item,
  launch,
  newPage,
  rawText,
  screenshot,
  shot,
  signIn,
  unlabelledControls,
  visible,
} from './browser.js';
import { withoutDraftMarker } from '../../src/reports/build/drafts.js';

const E2E_TIMEOUT = 300_000;
const dictionary = async (lang: string) =>
  (await import(pathToFileURL(path.resolve(`src/web/public/i18n/${lang}.js`)).href)).default as Record<string, string>;

// Items typed in the browser; the rest of the form is seeded through the API.
const YES_NO = 's1.q1.legislation_gaps';
const COUNT = 's1.q9.publications';
const EXPLAINED = 's1.q1.other_risks';
const TYPED = [YES_NO, COUNT, EXPLAINED];

const EXCEL_TEMPLATE = '/api/v1/campaigns/{campaignId}/submissions/{organisationId}/template.xlsx';
const EXCEL_IMPORT = '/api/v1/campaigns/{campaignId}/submissions/{organisationId}/import';

const ASSESSMENT_ROUTES = [
  ['post', '/api/v1/assessments'],
  ['post', '/api/v1/assessments/{id}/quality'],
  ['post', '/api/v1/assessments/{id}/structuring'],
  ['put', '/api/v1/assessments/{id}/scores'],
  ['post', '/api/v1/assessments/{id}/ranking'],
  ['get', '/api/v1/assessments/{id}/ranking'],
  ['put', '/api/v1/assessments/{id}/narrative/{chapter}'],
  ['post', '/api/v1/assessments/{id}/finalise'],
  ['get', '/api/v1/jobs/{id}'],
  ['get', '/api/v1/assessments/{id}/files/{name}'],
] as const;

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('web e2e skipped: /usr/bin/chromium is not installed (CI installs it).\n');

suite('web application in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;
  let ru: Record<string, string>;
  let kk: Record<string, string>;
  const users: Record<string, { email: string; token: string }> = {};
  let organisationId: string;
  let organisationId2: string;
  let campaignId = '';
  let assessmentId = '';
  const problems: string[] = [];
  const openPages = new Map<string, Page>();
  const labels = () => ({ email: ru['auth.email'], password: ru['auth.password'], submit: ru['auth.signIn'] });

  // Russian throughout; the language switch itself is tested below.
  const open = (who: string): Promise<Page> =>
    signedInPage(
      browser,
      baseURL,
      who,
      { email: users[who].email, password: TEST_PASSWORD, labels: labels() },
      openPages,
      problems,
    );

  beforeAll(async () => {
    [ru, kk] = await Promise.all([dictionary('ru'), dictionary('kk')]);
    // The server's own job runner runs the steps the pages start.
    t = await createTestApp({ JOBS_RUNNER: true, JOBS_POLL_MS: 200 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    organisationId = await t.organisation('mvd', 'almaty');
    users.admin = await t.user(['admin']);
    users.focal = await t.user(['focal_point'], organisationId);
    organisationId2 = await t.organisation('mvd', 'astana');
    users.focal2 = await t.user(['focal_point'], organisationId2);
    users.expert = await t.coordinator('mvd');
    users.expert2 = await t.user(['expert']);
    users.secretariat = await t.user(['secretariat']);
    browser = await launch();
  }, 120_000);

  // Whatever is still open after a test (a failure) is captured for the artefacts.
  afterEach(() => closeLeftOpen(openPages, problems));

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'signs in, switches language (remembered) and manages users, organisations and campaigns as admin',
    async () => {
      const { page } = await newPage(browser, baseURL);
      await page.goto('/');
      await hasText(page.getByRole('heading', { level: 1 }), kk['auth.title']);
      await page.getByRole('button', { name: 'Русский' }).click();
      await hasText(page.getByRole('heading', { level: 1 }), ru['auth.title']);
      await page.reload();
      await hasText(page.getByRole('heading', { level: 1 }), ru['auth.title']);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      await shot(page, '01-login');
      await signIn(page, users.admin.email, TEST_PASSWORD, labels());
      await hasText(page.getByRole('heading', { level: 1 }), ru['users.title']);
      // Create a user with a role, then give them a second one.
      const create = page.locator('form.card');
      await create.getByLabel(ru['users.name'], { exact: true }).fill('Айгерим Секретарь');
      await create.getByLabel(ru['auth.email'], { exact: true }).fill('aigerim@example.kz');
      await create.getByLabel(ru['auth.password'], { exact: true }).fill('long-enough-password-1');
      await create.getByLabel(ru['role.expert'], { exact: true }).check();
      await create.getByRole('button', { name: ru['users.create'] }).click();
      const row = page.getByRole('row').filter({ hasText: 'aigerim@example.kz' });
      await visible(row);
      await row.locator('summary', { hasText: ru['role.expert'] }).click();
      await row.getByLabel(ru['role.secretariat'], { exact: true }).check();
      await row.getByRole('button', { name: ru['users.saveRoles'] }).click();
      await containsText(
        page.getByRole('row').filter({ hasText: 'aigerim@example.kz' }).locator('summary').last(),
        `${ru['role.expert']}, ${ru['role.secretariat']}`,
      );
      // The administrator edits the name and resets the password from the same row.
      const edited = page.getByRole('row').filter({ hasText: 'aigerim@example.kz' });
      await edited.locator('summary', { hasText: 'Айгерим Секретарь' }).click();
      await edited.getByLabel(ru['users.newPassword'], { exact: true }).fill('another-long-password-2');
      await edited.getByRole('button', { name: ru['users.resetPassword'] }).click();
      await visible(page.getByText(ru['users.passwordReset'].replace('{name}', 'Айгерим Секретарь')));
      const relogin = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'aigerim@example.kz', password: 'another-long-password-2' },
      });
      expect(relogin.statusCode).toBe(200);
      await shot(page, '02-admin-users');
      expect(await unlabelledControls(page)).toEqual([]);
      await page.getByRole('link', { name: ru['nav.organisations'] }).click();
      await hasText(page.getByRole('heading', { level: 1 }), ru['org.title']);
      await shot(page, '03-admin-organisations');

      await page.getByRole('link', { name: ru['nav.adminCampaigns'] }).click();
      // Defaults that make sense: the next year without a campaign; the version named by its order, not its id.
      const yearInput = page.getByLabel(ru['campaign.year'], { exact: true });
      expect(await yearInput.inputValue()).toBe(String(new Date().getFullYear() - 1));
      const versionText = await page
        .getByLabel(ru['campaign.version'], { exact: true })
        .locator('option')
        .first()
        .textContent();
      expect(versionText).toBe(
        ru['questionnaire.versionName'].replace('{orders}', '849/410').replace('{date}', '7 ноября 2024 г.'),
      );
      expect(await rawText(page)).toEqual([]);
      // Recipients by region and agency type, not one checkbox per organisation.
      const picker = page.locator('.recipients-picker');
      const regionGroup = picker.locator('fieldset', { hasText: ru['recipients.byRegion'] });
      const summary = picker.locator('.recipients-summary');
      const allCount = (await summary.textContent())!;
      await regionGroup.getByRole('button', { name: ru['recipients.none'] }).click();
      await containsText(summary, `${ru['recipients.selected'].split('{n}')[0]}0 `);
      await regionGroup
        .getByRole('checkbox', { name: /^город Астана/ })
        .first()
        .check();
      // Every active organisation of the capital (the fixtures put more than one there).
      const inCapital = (
        (await t.request(users.admin.token, { method: 'GET', url: '/api/v1/organisations' })).json() as {
          region: string;
          active: boolean;
        }[]
      ).filter((o) => o.region === 'astana' && o.active).length;
      await containsText(summary, `${ru['recipients.selected'].split('{n}')[0]}${inCapital} `);
      await regionGroup.getByRole('button', { name: ru['recipients.all'] }).click();
      await hasText(summary, allCount);
      await page.getByLabel(ru['campaign.year'], { exact: true }).fill('2025');
      await page.getByLabel(ru['campaign.deadline'], { exact: true }).fill('2099-12-31');
      await page.getByLabel(ru['campaign.outgoingNumber']).fill('12-3/456');
      await page.getByLabel(ru['campaign.outgoingDate']).fill('2025-01-14');
      await page.getByRole('button', { name: ru['campaign.create'] }).click();
      const campaignRow = page.getByRole('row', { name: ru['campaign.name'].replace('{year}', '2025') });
      await campaignRow.getByRole('button', { name: ru['campaign.open'] }).click();
      await visible(campaignRow.getByText(ru['status.campaign_open']));
      await shot(page, '04-admin-campaigns');
      expect(await unlabelledControls(page)).toEqual([]);
      const campaigns = (await t.request(users.admin.token, { method: 'GET', url: '/api/v1/campaigns' })).json() as {
        id: string;
        reportingYear: number;
        recipientCount: number;
      }[];
      const created = campaigns.find((c) => c.reportingYear === 2025)!;
      campaignId = created.id;
      expect(created.recipientCount).toBeGreaterThanOrEqual(2);
      // The deadline of an open campaign is changed in place.
      await campaignRow.locator('.inline-edit summary').click();
      await campaignRow.getByLabel(ru['campaign.deadlineOf'].replace('{year}', '2025')).fill('2099-11-30');
      await campaignRow.getByRole('button', { name: ru['campaign.changeDeadline'] }).click();
      await visible(
        page.getByRole('row', { name: ru['campaign.name'].replace('{year}', '2025') }).getByText('30 ноября 2099'),
      );
      expect(
        (await t.request(users.admin.token, { method: 'GET', url: `/api/v1/campaigns/${campaignId}` })).json().deadline,
      ).toBe('2099-11-30');

      await page.getByRole('button', { name: ru['auth.signOut'] }).click();
      await hasText(page.getByRole('heading', { level: 1 }), ru['auth.title']);
      await page.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'works with the keyboard alone: language switch, sign in, navigation',
    async () => {
      const { page } = await newPage(browser, baseURL);
      await page.goto('/login');
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el
            ? `${el.tagName.toLowerCase()}:${el.getAttribute('lang') ?? el.getAttribute('name') ?? el.textContent?.trim() ?? ''}`
            : '';
        });
      // Tab to the Kazakh/Russian switch and press it; focus stays on the switch.
      const seen: string[] = [];
      for (let i = 0; i < 6 && (await focused()) !== 'button:ru'; i += 1) {
        await page.keyboard.press('Tab');
        seen.push(await focused());
      }
      expect(seen).toContain(`a:${kk['nav.skip']}`);
      await page.keyboard.press('Enter');
      await hasText(page.getByRole('heading', { level: 1 }), ru['auth.title']);
      expect(await focused()).toBe('button:ru');
      for (let i = 0; i < 6 && (await focused()) !== 'input:email'; i += 1) await page.keyboard.press('Tab');
      await page.keyboard.type(users.secretariat.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEST_PASSWORD);
      await page.keyboard.press('Enter');
      await hasText(page.getByRole('heading', { level: 1 }), ru['reports.title']);
      // Every control on the page is reachable: a Tab walk from the top reaches sign-out.
      let reached = false;
      for (let i = 0; i < 12 && !reached; i += 1) {
        await page.keyboard.press('Tab');
        reached = (await focused()) === `button:${ru['auth.signOut']}`;
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await hasText(page.getByRole('heading', { level: 1 }), ru['auth.title']);
      await page.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'downloads the Excel template and shows the cell-level problems of an uploaded workbook',
    async (ctx) => {
      const doc = (await t.request(null, { method: 'GET', url: '/docs/json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      // Runs as soon as the Excel routes are part of the API.
      if (!doc.paths[EXCEL_TEMPLATE]?.get || !doc.paths[EXCEL_IMPORT]?.post)
        return ctx.skip('Excel template/import routes not in the OpenAPI document yet');
      expect(campaignId).not.toBe('');
      const focal = await open('focal');
      await focal.getByRole('link', { name: ru['campaign.name'].replace('{year}', '2025') }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), ru['submission.title']);
      const [template] = await Promise.all([
        focal.waitForEvent('download'),
        focal.getByRole('button', { name: ru['excel.download'] }).click(),
      ]);
      const templateFile = path.join(ARTIFACTS, 'template.xlsx');
      await template.saveAs(templateFile);

      // Spoil one cell, found by the item id in column A (its value is in column D).
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(templateFile);
      let target: { sheet: string; cell: string } | null = null;
      for (const ws of workbook.worksheets)
        ws.eachRow((row, n) => {
          if (row.getCell(1).text === COUNT) target = { sheet: ws.name, cell: `D${n}` };
        });
      expect(target).not.toBeNull();
      const { sheet, cell } = target!;
      workbook.getWorksheet(sheet)!.getCell(cell).value = 'очень много';
      const broken = path.join(ARTIFACTS, 'template-broken.xlsx');
      await workbook.xlsx.writeFile(broken);

      await focal.getByLabel(ru['excel.file'], { exact: true }).setInputFiles(broken);
      await focal.getByRole('button', { name: ru['excel.upload'] }).click();
      // The preview lists the problem at its cell as blocking the import, and offers no confirmation.
      await visible(focal.getByRole('heading', { name: ru['excel.blocking'] }));
      await visible(focal.locator('.cell-problems li').filter({ hasText: cell }));
      expect(await focal.getByRole('button', { name: ru['excel.confirm'] }).isDisabled()).toBe(true);
      await focal.locator('.cell-problems').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(focal, '06c-focal-excel-problems');
      // Fixed, the preview shows the change, and the import happens only on confirmation.
      workbook.getWorksheet(sheet)!.getCell(cell).value = 12;
      const fixed = path.join(ARTIFACTS, 'template-fixed.xlsx');
      await workbook.xlsx.writeFile(fixed);
      await focal.getByLabel(ru['excel.file'], { exact: true }).setInputFiles(fixed);
      await focal.getByRole('button', { name: ru['excel.upload'] }).click();
      await visible(focal.getByRole('heading', { name: ru['excel.changes'] }));
      await visible(focal.locator('.import-preview td').filter({ hasText: /^12$/ }));
      const draftUrl = `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`;
      const revisionBefore = (await t.request(users.focal.token, { method: 'GET', url: draftUrl })).json().revision;
      await shot(focal, '06d-focal-excel-preview');
      await focal.getByRole('button', { name: ru['excel.confirm'] }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), ru['submission.title']);
      await expect
        .poll(async () => (await t.request(users.focal.token, { method: 'GET', url: draftUrl })).json().revision)
        .toBe(revisionBefore + 1);
      expect(
        (await t.request(users.focal.token, { method: 'GET', url: draftUrl })).json().content.answers[COUNT],
      ).toEqual({ value: 12 });
      await focal.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'runs the submission cycle: fill, explain, submit, return with comment, fix, resubmit, accept',
    async () => {
      expect(campaignId).not.toBe('');
      const url = `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`;
      // Seed everything but the typed items with synthetic answers.
      const content = generateAnswersFor(VERSION, 'mvd', { seed: 849, missingRate: 0 });
      for (const id of TYPED) delete content.answers[id];
      const before = (await t.request(users.focal.token, { method: 'GET', url })).json();
      const seeded = await t.request(users.focal.token, {
        method: 'PUT',
        url,
        headers: { 'if-match': `"${before.revision}"` },
        payload: { content },
      });
      expect(seeded.statusCode, seeded.body).toBe(200);

      const focal = await open('focal');
      await hasText(focal.getByRole('heading', { level: 1 }), ru['campaigns.title']);
      await shot(focal, '05-focal-campaigns');
      await focal.getByRole('link', { name: ru['campaign.name'].replace('{year}', '2025') }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), ru['submission.title']);

      // The order's notes (section 1) and the project's hints (section 2) look different and are labelled apart.
      await containsText(focal.locator('.question .official-note').first(), ru['item.officialNote']);
      expect(await focal.locator('.project-hint').count()).toBe(0);
      await focal.getByRole('button', { name: ru['submission.nextSection'] }).click();
      await containsText(focal.locator('[id="item-s2.q8.victims_by_age"] .project-hint'), ru['item.projectHint']);
      expect(await focal.locator('[id="item-s2.q8.victims_by_age"] .official-note').count()).toBe(0);
      await focal.getByRole('button', { name: ru['submission.prevSection'] }).click();
      await visible(item(focal, YES_NO));

      // Answer a yes/no item and a count, explain a missing one.
      await item(focal, YES_NO).getByRole('radio', { name: ru['item.no'], exact: true }).check();
      await item(focal, COUNT).getByRole('spinbutton').fill('-4');
      // A negative count is rejected by the server: the message shows next to the item, in the user's language.
      await containsText(item(focal, COUNT).locator('.msg.error'), 'отрицательн');
      await focal.getByRole('button', { name: 'Қазақша' }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), kk['submission.title']);
      await item(focal, COUNT).getByRole('spinbutton').fill('-5');
      await containsText(item(focal, COUNT).locator('.msg.error'), 'теріс');
      await item(focal, COUNT).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(focal, '06a-focal-questionnaire-kk-validation');
      await focal.getByRole('button', { name: 'Русский' }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), ru['submission.title']);
      await item(focal, COUNT).getByRole('spinbutton').fill('12');
      await item(focal, EXPLAINED).getByRole('radio', { name: ru['item.modeMissing'], exact: true }).check();
      await item(focal, EXPLAINED).getByLabel(ru['item.missingReason'], { exact: true }).selectOption('not_collected');
      await item(focal, EXPLAINED)
        .getByLabel(ru['item.missingComment'], { exact: true })
        .fill('Ведомственная статистика не ведется');
      await visible(focal.getByRole('status').filter({ hasText: ru['submission.savedAt'].split(' ')[0] }));
      await gone(item(focal, COUNT).locator('.msg.error'));
      // The page's status and revision follow the saves; the section is in the address.
      const saved = (await t.request(users.focal.token, { method: 'GET', url })).json();
      await containsText(focal.locator('.facts'), ru['status.draft']);
      await containsText(focal.locator('.facts'), String(saved.revision));
      await shot(focal, '06-focal-questionnaire');
      expect(await unlabelledControls(focal)).toEqual([]);

      await submitInBrowser(focal);
      await visible(focal.locator('.facts').getByText(ru['status.submitted']));
      // Submitted is read-only: counts too, not only texts and choices.
      expect(await item(focal, COUNT).getByRole('spinbutton').isDisabled()).toBe(true);
      const afterSubmit = (await t.request(users.focal.token, { method: 'GET', url })).json();
      expect(afterSubmit.status).toBe('submitted');
      expect(afterSubmit.content.answers[YES_NO]).toEqual({ value: { answer: 'no' } });
      expect(afterSubmit.content.answers[COUNT]).toEqual({ value: 12 });
      expect(afterSubmit.content.answers[EXPLAINED]).toMatchObject({ missingReason: 'not_collected' });

      // The expert sees the board and returns the submission with a comment on the count.
      const expert = await open('expert');
      await hasText(expert.getByRole('heading', { level: 1 }), ru['board.title']);
      await shot(expert, '07-expert-board');
      await expert
        .getByRole('link', { name: /Организация|Ұйым/ })
        .first()
        .click();
      await hasText(expert.getByRole('heading', { level: 1 }), ru['submission.title']);
      await item(expert, COUNT)
        .getByLabel(ru['review.commentFor'], { exact: true })
        .fill('Уточните число публикаций: не совпадает с отчетом за год.');
      await shot(expert, '08-expert-review');
      expect(await unlabelledControls(expert)).toEqual([]);
      await expert.getByRole('button', { name: ru['review.return'] }).click();
      await visible(expert.locator('.facts').getByText(ru['status.returned']));

      // The focal point sees the comment on the item, fixes it and resubmits.
      await focal.reload();
      await containsText(item(focal, COUNT).locator('.expert-comment'), 'Уточните число публикаций');
      await shot(focal, '09-focal-returned');
      // Another tab saves a different item first: the next save here merges silently.
      let current = (await t.request(users.focal.token, { method: 'GET', url })).json();
      const otherTab = await t.request(users.focal.token, {
        method: 'PUT',
        url,
        headers: { 'if-match': `"${current.revision}"` },
        payload: {
          content: {
            answers: {
              ...current.content.answers,
              [EXPLAINED]: {
                missingReason: current.content.answers[EXPLAINED].missingReason,
                missingComment: 'из другой вкладки',
              },
            },
          },
        },
      });
      expect(otherTab.statusCode, otherTab.body).toBe(200);
      await item(focal, COUNT).getByRole('spinbutton').fill('13');
      await visible(focal.getByRole('status').filter({ hasText: ru['submission.savedMerged'].split(':')[0] }));
      current = (await t.request(users.focal.token, { method: 'GET', url })).json();
      expect(current.content.answers[COUNT]).toEqual({ value: 13 });
      expect(current.content.answers[EXPLAINED].missingComment).toBe('из другой вкладки');
      // The same item changed in the other tab too: the page asks, per item, which to keep; nothing typed is lost.
      const sameItem = await t.request(users.focal.token, {
        method: 'PUT',
        url,
        headers: { 'if-match': `"${current.revision}"` },
        payload: { content: { answers: { ...current.content.answers, [COUNT]: { value: 99 } } } },
      });
      expect(sameItem.statusCode, sameItem.body).toBe(200);
      await item(focal, COUNT).getByRole('spinbutton').fill('14');
      await visible(focal.getByText(ru['conflict.title']));
      await shot(focal, '09b-focal-conflict');
      await focal.getByRole('radio', { name: new RegExp(`${ru['conflict.keepMine']}\\s*14`) }).check();
      await focal.getByRole('button', { name: ru['conflict.apply'] }).click();
      await visible(focal.getByRole('status').filter({ hasText: ru['submission.savedAt'].split(' ')[0] }));
      expect((await t.request(users.focal.token, { method: 'GET', url })).json().content.answers[COUNT]).toEqual({
        value: 14,
      });
      await item(focal, COUNT).getByRole('spinbutton').fill('15');
      await visible(focal.getByRole('status').filter({ hasText: ru['submission.savedAt'].split(' ')[0] }));
      await submitInBrowser(focal);
      await visible(focal.locator('.facts').getByText(ru['status.submitted']));
      // Submitted is read-only: counts too, not only texts and choices.
      expect(await item(focal, COUNT).getByRole('spinbutton').isDisabled()).toBe(true);

      await expert.reload();
      await expert.getByRole('button', { name: ru['review.accept'] }).click();
      await visible(expert.locator('.facts').getByText(ru['status.accepted']));
      const accepted = (await t.request(users.expert.token, { method: 'GET', url })).json();
      expect(accepted.status).toBe('accepted');
      expect(accepted.content.answers[COUNT]).toEqual({ value: 15 });

      await focal.getByRole('link', { name: ru['submission.history'] }).click();
      await hasText(focal.getByRole('heading', { level: 1 }), ru['history.title']);
      await visible(focal.getByRole('cell', { name: ru['action.return'] }));
      // Newest first; the latest change of content is the save of 15, two revisions before acceptance.
      const changed = focal.locator('tbody tr', { has: focal.locator('details') }).first();
      await hasText(changed.locator('td').first(), String(accepted.revision - 2));
      await changed.locator('summary').click();
      await containsText(changed.locator('li'), ru['diff.changed']);
      await shot(focal, '10-focal-history');
      await focal.close();
      await expert.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'focal point form: completeness as submission sees it, every problem beside a sticky Submit, skip logic, captions, place in the address, one session for all tabs',
    async () => {
      expect(campaignId).not.toBe('');
      const url = `/api/v1/campaigns/${campaignId}/submissions/${organisationId2}`;
      // Everything answered but a "yes" without its description, and the victims' breakdowns left empty.
      const content = generateAnswersFor(VERSION, 'mvd', { seed: 19, missingRate: 0 });
      content.answers[YES_NO] = { value: { answer: 'yes' } };
      content.answers['s2.q8.victims_total'] = { value: 5 };
      const breakdowns = ['s2.q8.victims_by_age', 's2.q8.victims_by_citizenship', 's2.q8.victims_by_sex'];
      for (const id of breakdowns) delete content.answers[id];
      const seeded = await t.request(users.focal2.token, {
        method: 'PUT',
        url,
        headers: { 'if-match': '"0"' },
        payload: { content },
      });
      expect(seeded.statusCode, seeded.body).toBe(200);
      const { readiness } = seeded.json();
      expect(readiness.ready).toBe(readiness.required - 4);

      const page = await open('focal2');
      await page.goto(`/submissions/${campaignId}/${organisationId2}`);
      await hasText(page.getByRole('heading', { level: 1 }), ru['submission.title']);
      // Completeness counts only what submission will accept: the "yes" without description is not done.
      const pct = Math.round((readiness.ready / readiness.required) * 100);
      await containsText(
        page.locator('.completeness'),
        ru['submission.completenessValue']
          .replace('{done}', String(readiness.ready))
          .replace('{total}', String(readiness.required))
          .replace('{pct}', String(pct)),
      );
      const problems = page.locator('details.problems');
      await hasText(problems.locator('summary'), ru['submission.problemsCount'].replace('{n}', '4'));
      // Labels do not repeat the question: one-item questions get a short caption; question 5 is spelled out by its items.
      await hasText(item(page, COUNT).locator('legend'), ru['item.caption.count']);
      await visible(page.getByRole('heading', { level: 3, name: ru['submission.questionN'].replace('{n}', '5') }));
      // Submit is always in view, also at the bottom of a long section.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const box = await page.getByRole('button', { name: ru['submission.submit'], exact: true }).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 768, JSON.stringify(box)).toBe(true);
      await screenshot(page, 'form-1366-ru-problems');
      // Each problem links to its item, which then is in the address.
      await problems.locator('summary').click();
      const listed = await problems.locator('li').allTextContents();
      expect(listed).toHaveLength(4);
      expect(listed.join(' ')).not.toMatch(/\d+\s*[≤≥=]\s*\d+/);
      await problems.locator('li button').first().click();
      await expect.poll(() => new URL(page.url()).searchParams.get('item')).toBe(YES_NO);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`item-${YES_NO}`);
      // Skip logic: the figure explained by a reason, its breakdowns are no longer demanded.
      await problems.locator('li button').last().click();
      await expect.poll(() => new URL(page.url()).searchParams.get('section')).toBe('2');
      const total = item(page, 's2.q8.victims_total');
      await total.getByRole('radio', { name: ru['item.modeMissing'], exact: true }).check();
      await total.getByLabel(ru['item.missingReason'], { exact: true }).selectOption('not_collected');
      await visible(page.getByRole('status').filter({ hasText: ru['submission.savedAt'].split(' ')[0] }));
      await hasText(problems.locator('summary'), ru['submission.problemsCount'].replace('{n}', '1'));
      for (const id of breakdowns) await visible(item(page, id).locator('.skip-note'));
      await screenshot(page, 'form-1366-ru-skip');
      // The place survives the language switch and a reload.
      await item(page, 's2.q8.victims_by_sex').locator('summary').focus();
      await expect.poll(() => new URL(page.url()).searchParams.get('item')).toBe('s2.q8.victims_by_sex');
      await page.getByRole('button', { name: 'Қазақша' }).click();
      await hasText(page.getByRole('heading', { level: 1 }), kk['submission.title']);
      await visible(item(page, 's2.q8.victims_by_sex'));
      expect(new URL(page.url()).searchParams.get('item')).toBe('s2.q8.victims_by_sex');
      await hasText(page.locator('details.problems summary'), kk['submission.problemsCount'].replace('{n}', '1'));
      await screenshot(page, 'form-1366-kk-skip');
      // On a phone: nothing wider than the screen, and Submit still in view at the bottom of the section.
      await page.setViewportSize({ width: 390, height: 844 });
      await item(page, 's2.q8.victims_by_sex').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenshot(page, 'form-390-kk-skip');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const phoneBox = await page.getByRole('button', { name: kk['submission.submit'], exact: true }).boundingBox();
      expect(phoneBox && phoneBox.y >= 0 && phoneBox.y + phoneBox.height <= 844, JSON.stringify(phoneBox)).toBe(true);
      await screenshot(page, 'form-390-kk-bottom');
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.reload();
      await visible(item(page, 's2.q8.victims_by_sex'));
      await page.getByRole('button', { name: 'Русский' }).click();
      await hasText(page.getByRole('heading', { level: 1 }), ru['submission.title']);

      // A second tab of the same browser shares the session: no second sign-in.
      const tab2 = await page.context().newPage();
      await tab2.goto('/campaigns');
      await hasText(tab2.getByRole('heading', { level: 1 }), ru['campaigns.title']);
      // The last problem fixed: nothing blocks, Submit goes through, and everything is read-only.
      // With the keyboard alone: open the list, follow the problem to its item, type the description.
      await page.locator('details.problems summary').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab'); // the list's scrolling region
      await page.keyboard.press('Tab'); // its first problem
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`item-${YES_NO}`);
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab'); // answer/missing, yes/no, description
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type('Пробелы в законодательстве');
      await visible(page.getByRole('status').filter({ hasText: ru['submission.savedAt'].split(' ')[0] }));
      await hasText(page.locator('details.problems summary'), ru['submission.noProblems']);
      await containsText(page.locator('.completeness'), '(100%)');
      await submitInBrowser(page);
      await visible(page.locator('.facts').getByText(ru['status.submitted']));
      expect(await enabledControls(page, '.section-body')).toEqual([]);
      // Signing out in one tab signs the other out too.
      await tab2.getByRole('button', { name: ru['auth.signOut'] }).click();
      await hasText(page.getByRole('heading', { level: 1 }), ru['auth.title']);
      await tab2.close();
      // The session ends after the idle timeout, in every tab; the sign-in page says why.
      await signIn(page, users.focal2.email, TEST_PASSWORD, labels());
      await page.evaluate(() => localStorage.setItem('ctip.activity', String(Date.now() - 31 * 60_000)));
      await page.reload();
      await hasText(page.getByRole('heading', { level: 1 }), ru['auth.title']);
      await visible(page.getByText(ru['auth.signedOutIdle'].replace('{n}', '30')));
      expect(await page.evaluate(() => localStorage.getItem('ctip.token'))).toBeNull();
      // Drawn again (here in the other language), the sign-in page still says why.
      await page.getByRole('button', { name: 'Қазақша' }).click();
      await visible(page.getByText(kk['auth.signedOutIdle'].replace('{n}', '30')));
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.close();
    },
    E2E_TIMEOUT,
  );

  async function submitInBrowser(page: Page) {
    await page.getByRole('button', { name: ru['submission.submit'], exact: true }).click();
    // Consistency warnings (if any) need an explanation each before the submission goes through.
    const ackForm = page.getByRole('heading', { name: ru['submission.warningsTitle'] });
    const done = page.locator('.facts').getByText(ru['status.submitted']);
    await visible(ackForm.or(done));
    if (await ackForm.isVisible()) {
      for (const area of await page.locator('form.card textarea').all()) await area.fill('Проверено: данные верны.');
      await page.getByRole('button', { name: ru['submission.submitWithAck'] }).click();
    }
  }

  it(
    'assesses: quality check, risk scoring, ranking with heat map and Kendall W, narrative, finalise; the secretariat downloads the PDF',
    async (ctx) => {
      const doc = (await t.request(null, { method: 'GET', url: '/docs/json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const missing = ASSESSMENT_ROUTES.filter(([method, route]) => !doc.paths[route]?.[method]);
      // Runs as soon as the assessment, scoring and report routes are part of the API.
      if (missing.length)
        return ctx.skip(
          `assessment routes not in the OpenAPI document yet: ${missing.map((m) => m.join(' ')).join(', ')}`,
        );
      expect(campaignId).not.toBe('');

      const expert = await open('expert');
      await expert.getByRole('link', { name: ru['nav.assessments'] }).click();
      await expert.getByLabel(ru['assessment.titleKk'], { exact: true }).fill('Тәуекелдерді бағалау 2024–2026');
      await expert.getByLabel(ru['assessment.titleRu'], { exact: true }).fill('Оценка рисков 2024–2026');
      await expert.getByLabel(ru['assessment.startYear'], { exact: true }).fill('2024');
      await expert.getByRole('button', { name: ru['assessment.create'] }).click();
      await hasText(expert.getByRole('heading', { level: 1 }), 'Оценка рисков 2024–2026');
      assessmentId = new URL(expert.url()).pathname.split('/').pop()!;

      // Each step is a server job: its progress shows, then how it ended, then its results.
      const jobDone = (kind: string) => ru['jobs.succeeded'].replace('{kind}', ru[`jobs.kind.${kind}`]);
      await expert.getByRole('button', { name: ru['assessment.runQuality'] }).click();
      await visible(expert.getByText(jobDone('assessment.quality')));
      await visible(expert.getByRole('heading', { name: new RegExp(ru['findings.title'].replace(' ({n})', '')) }));
      await gone(expert.getByRole('alert'));
      await expert.getByRole('button', { name: ru['assessment.runStructuring'] }).click();
      await visible(expert.getByText(jobDone('assessment.structuring')));
      await visible(expert.getByRole('heading', { name: new RegExp(ru['findings.title'].replace(' ({n})', '')) }));
      await gone(expert.getByRole('alert'));
      await shot(expert, '11-expert-quality');

      // A second expert scores through the API, so consensus and Kendall's W have two raters.
      const register = (
        await t.request(users.expert.token, { method: 'GET', url: `/api/v1/assessments/${assessmentId}` })
      ).json();
      const risks = (
        (
          await t.request(users.expert.token, {
            method: 'GET',
            url: `/api/v1/risk-registers/${register.riskRegisterVersion}`,
          })
        ).json() as { risks: { code: string }[] }
      ).risks;
      const level = (i: number, shift: number) => 1 + ((i * 7 + shift) % 5);
      const other = await t.request(users.expert2.token, {
        method: 'PUT',
        url: `/api/v1/assessments/${assessmentId}/scores`,
        payload: { scores: risks.map((r, i) => ({ riskCode: r.code, likelihood: level(i, 1), impact: level(i, 2) })) },
      });
      expect(other.statusCode, other.body).toBe(200);

      await expert.getByRole('link', { name: ru['assessment.tab.scoring'] }).click();
      const likelihood = expert.getByRole('combobox', { name: new RegExp(`^${ru['scoring.likelihood']}:`) });
      const impact = expert.getByRole('combobox', { name: new RegExp(`^${ru['scoring.impact']}:`) });
      await visible(likelihood);
      const n = await likelihood.count();
      expect(n).toBe(risks.length);
      for (let i = 0; i < n; i += 1) {
        await likelihood.nth(i).selectOption(String(level(i, 1)));
        await impact.nth(i).selectOption(String(level(i, i % 3 === 0 ? 3 : 2)));
      }
      await expert
        .getByRole('textbox', { name: new RegExp(`^${ru['scoring.comment']}:`) })
        .first()
        .fill('Подтверждается данными МВД за три года.');
      // Every row saves itself: no Save button, each row's state says so.
      await expect
        .poll(async () => expert.locator('.row-state').filter({ hasText: ru['scoring.rowSaved'] }).count(), {
          timeout: 60_000,
        })
        .toBe(n);
      const stored = (
        await t.request(users.expert.token, { method: 'GET', url: `/api/v1/assessments/${assessmentId}/scores` })
      ).json();
      expect(stored.scores).toHaveLength(n);
      expect(
        stored.scores.some((x: { comment?: string }) => x.comment === 'Подтверждается данными МВД за три года.'),
      ).toBe(true);
      await shot(expert, '12-expert-scoring');
      expect(await unlabelledControls(expert)).toEqual([]);
      await expert.getByRole('button', { name: ru['ranking.compute'] }).click();
      await visible(expert.getByText(jobDone('scoring.ranking')));

      await expert.getByRole('link', { name: ru['assessment.tab.ranking'] }).click();
      await visible(expert.getByRole('table', { name: ru['ranking.heatMap'] }));
      await visible(expert.getByText(/W = /));
      // Every risk is named in its cell (not only on hover), with its rank; the bands have a legend.
      const named = await expert.locator('table.heatmap td.cell li').allTextContents();
      expect(named).toHaveLength(risks.length);
      expect(named.every((n) => /^\d+\. \S/.test(n))).toBe(true);
      await visible(expert.getByText(ru['ranking.axisImpact']));
      await visible(expert.getByLabel(ru['ranking.legend']));
      await visible(expert.getByText(/p [<=] \d/));
      // Cells coloured by L x I on the order's bands: low 1-4, medium 5-10, high 12-16, critical 20-25 (rows L5..L1, columns I1..I5).
      const classes = await expert
        .locator('table.heatmap tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [...r.querySelectorAll('td.cell')].map((c) => c.className.replace('cell level-', ''))),
        );
      expect(classes).toEqual([
        ['medium', 'medium', 'high', 'critical', 'critical'],
        ['low', 'medium', 'high', 'high', 'critical'],
        ['low', 'medium', 'medium', 'high', 'high'],
        ['low', 'low', 'medium', 'medium', 'medium'],
        ['low', 'low', 'low', 'low', 'medium'],
      ]);
      await shot(expert, '13-expert-ranking');

      await expert.getByRole('link', { name: ru['assessment.tab.narrative'] }).click();
      await expert
        .getByLabel(ru['narrative.kk'], { exact: true })
        .fill('Бағалау 2024–2026 жылдардағы деректерге негізделген.');
      await expert.getByLabel(ru['narrative.ru'], { exact: true }).fill('Оценка основана на данных за 2024–2026 годы.');
      await expert.getByRole('button', { name: ru['narrative.save'] }).click();
      await visible(expert.getByText(ru['narrative.saved'].split(' {time}')[0]));
      await shot(expert, '14-expert-narrative');
      expect(await unlabelledControls(expert)).toEqual([]);
      // The other chapters: the generated drafts accepted (their marker line removed), as an expert would in the editor.
      const drafts = (
        await t.request(users.expert.token, {
          method: 'GET',
          url: `/api/v1/assessments/${assessmentId}/narrative/drafts`,
        })
      ).json() as { chapter: string; textKk: string; textRu: string; revision: number; accepted: boolean }[];
      for (const d of drafts.filter((x) => !x.accepted))
        await t.request(users.expert.token, {
          method: 'PUT',
          url: `/api/v1/assessments/${assessmentId}/narrative/${d.chapter}`,
          headers: { 'if-match': `"${d.revision}"` },
          payload: { textKk: withoutDraftMarker(d.textKk), textRu: withoutDraftMarker(d.textRu) },
        });

      await expert.getByRole('link', { name: ru['assessment.tab.finalise'] }).click();
      await expert.getByRole('button', { name: ru['finalise.run'] }).click();
      // Irreversible: a confirmation says what will be produced before anything runs.
      await visible(expert.getByText(ru['finalise.confirmTitle']));
      await expert.getByRole('button', { name: ru['finalise.confirm'] }).click();
      // The report is rendered by a server job; the jobs panel shows its progress (also after leaving
      // the page and coming back: the active jobs come from the server), then the files are listed.
      await visible(expert.getByRole('progressbar', { name: ru['jobs.kind.report.finalise'] }));
      await shot(expert, '15-expert-finalising');
      await expert.getByRole('link', { name: ru['assessment.tab.quality'] }).click();
      await expert.getByRole('link', { name: ru['assessment.tab.finalise'] }).click();
      const downloadButton = expert.getByRole('button', { name: ru['files.download'] }).first();
      const failure = expert.getByRole('alert');
      await downloadButton.or(failure).first().waitFor({ timeout: 120_000 });
      expect(await failure.count(), await failure.allTextContents().then((x) => x.join(' | '))).toBe(0);
      await shot(expert, '15-expert-finalised');
      await expert.close();

      const secretariat = await open('secretariat');
      await hasText(secretariat.getByRole('heading', { level: 1 }), ru['reports.title']);
      await visible(secretariat.getByRole('heading', { name: 'Оценка рисков 2024–2026' }));
      await shot(secretariat, '16-secretariat-reports');
      // Files grouped under human labels; the report's row has a button per language.
      await visible(secretariat.getByRole('heading', { name: ru['files.group.report'], exact: true }));
      const pdfRow = secretariat.getByRole('row').filter({ hasText: ru['files.reportPdf'] });
      const pdfButton = pdfRow.getByRole('button', { name: /: report-ru\.pdf$/ });
      const [download] = await Promise.all([secretariat.waitForEvent('download'), pdfButton.click()]);
      const file = path.join(ARTIFACTS, `downloaded-${download.suggestedFilename()}`);
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe('report-ru.pdf');
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // "Download all": one ZIP of every published file.
      const [archive] = await Promise.all([
        secretariat.waitForEvent('download'),
        secretariat.getByRole('button', { name: ru['files.downloadAll'] }).first().click(),
      ]);
      const zip = path.join(ARTIFACTS, `downloaded-${archive.suggestedFilename()}`);
      await archive.saveAs(zip);
      expect(archive.suggestedFilename()).toMatch(/^assessment-2024-2026\.zip$/);
      expect(readFileSync(zip).subarray(0, 2).toString('latin1')).toBe('PK');
      await secretariat.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'every page of every role at 1366x768 and 390x844 in both languages: no page wider than the screen, 0 axe-core violations, no raw codes or English',
    async () => {
      expect(campaignId).not.toBe('');
      const submission = `/submissions/${campaignId}/${organisationId}`;
      const pages: [string, string][] = [
        ['focal', '/campaigns'],
        ['focal', `${submission}?section=2`],
        ['focal', `${submission}/history`],
        ['expert', `/board?campaign=${campaignId}`],
        ['expert', submission],
        ['expert', '/assessments'],
        ...(assessmentId
          ? (['quality', 'scoring', 'ranking', 'narrative', 'finalise'].map((tab) => [
              'expert',
              `/assessments/${assessmentId}?tab=${tab}`,
            ]) as [string, string][])
          : []),
        ['secretariat', '/reports'],
        ['admin', '/admin/users'],
        ['admin', '/admin/organisations'],
        ['admin', '/admin/campaigns'],
        // The pages of the collection operations and of the cycle after the assessment.
        ['focal', '/notifications'],
        ['focal', '/results'],
        ['focal', `/follow-up/${campaignId}/${organisationId}`],
        ['expert', '/expert-group'],
        ['secretariat', '/notifications'],
        ...(assessmentId ? ([['secretariat', `/commission/${assessmentId}`]] as [string, string][]) : []),
        ['admin', '/expert-group'],
      ];
      const failures: string[] = [];
      for (const who of ['focal', 'expert', 'secretariat', 'admin']) {
        const page = await open(who);
        for (const [width, height] of [
          [1366, 768],
          [390, 844],
        ]) {
          await page.setViewportSize({ width, height });
          for (const lang of ['ru', 'kk']) {
            await page.evaluate((l) => localStorage.setItem('ctip.lang', l), lang);
            for (const [, path] of pages.filter(([o]) => o === who)) {
              await page.goto(path);
              await visible(page.getByRole('heading', { level: 1 }));
              await page.waitForLoadState('networkidle');
              const where = `${who} ${path} (${lang}, ${width}x${height})`;
              const name = path
                .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '')
                .replace(/[^a-z]+/g, '-')
                .replace(/^-|-$/g, '')
                .slice(0, 40);
              await screenshot(page, `page-${width}-${lang}-${who}-${name || 'home'}`);
              const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
              if (scrollWidth > width) {
                // The widest elements that stick out, outside any scrolling region, to say what to fix.
                const culprits = await page.evaluate(
                  (w) =>
                    [...document.querySelectorAll('body *')]
                      .filter(
                        (el) =>
                          el.getBoundingClientRect().right > w + 2 &&
                          !el.parentElement?.closest('.table-scroll, .scroll'),
                      )
                      .slice(0, 5)
                      .map(
                        (el) =>
                          `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
                      ),
                  width,
                );
                failures.push(`${where}: ${scrollWidth} px wide: ${culprits.join('; ')}`);
              }
              for (const v of await axeViolations(page)) failures.push(`${where}: axe ${v}`);
              const raw = await rawText(page);
              if (raw.length) failures.push(`${where}: raw text ${raw.slice(0, 12).join(' | ')}`);
              // Read-only means read-only: the expert's view of a submission has no editable answer.
              if (who === 'expert' && path === submission) {
                const editable = (await enabledControls(page, '.section-body')).filter((c) => !c.includes('textarea'));
                if (editable.length) failures.push(`${where}: editable answers ${editable.join(' ')}`);
              }
            }
          }
        }
        await page.close();
      }
      expect(failures.join('\n')).toBe('');
    },
    E2E_TIMEOUT,
  );

  it('has no script errors and fetches nothing off-origin', () => {
    expect(problems).toEqual([]);
  });
});
