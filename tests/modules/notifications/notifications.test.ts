// Notifications against a real SMTP server started here (smtp-server): who receives what, in
// their language, never twice per event, nothing to users outside the campaign, the e-mail
// opt-out, retries on failure, in-app notices, and the log of what was sent.
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/modules/notifications/notifications.mailer.js';
import {
  deliverNotifications,
  scanDeadlines,
  type Mailer,
} from '../../../src/modules/notifications/notifications.service.js';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { VERSION } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

let t: TestApp;
let smtp: SMTPServer;
let mailer: Mailer;
const inbox: Mail[] = [];
/** Addresses the server refuses (a mailbox that is down). */
const refused = new Set<string>();
const log = { info: () => {}, warn: () => {} };

let admin: string;
let expert: string;
let orgA: string;
let orgB: string;
let fa: { id: string; email: string; token: string };
let fa2: { id: string; email: string; token: string };
let fb: { id: string; email: string; token: string };
let campaignId: string;
let campaignEtag: string;

const deliver = () => deliverNotifications(t.app.database.db, mailer, log, { from: 'noreply@example.kz' });
const mailsTo = (email: string) => inbox.filter((m) => m.to.includes(email));
const notices = async (token: string) =>
  (await t.request(token, { method: 'GET', url: '/api/v1/notifications' })).json();

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refused.has(address.address)) cb(new Error('mailbox unavailable'));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const parsed = await PostalMime.parse(Buffer.concat(chunks));
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  t = await createTestApp();
  mailer = createMailer({ ...t.config, SMTP_HOST: '127.0.0.1', SMTP_PORT: port, SMTP_SECURE: false })!;
  admin = (await t.user(['admin'])).token;
  expert = (await t.user(['expert'])).token;
  orgA = await t.organisation('ngo', 'almaty');
  orgB = await t.organisation('ngo', 'astana');
  fa = await t.user(['focal_point'], orgA);
  fa2 = await t.user(['focal_point'], orgA);
  fb = await t.user(['focal_point'], orgB);
  const kk = await t.request(fa.token, {
    method: 'PUT',
    url: '/api/v1/notifications/preferences',
    payload: { lang: 'kk' },
  });
  expect(kk.json()).toEqual({ lang: 'kk', emailNotifications: true });
  const off = await t.request(fa2.token, {
    method: 'PUT',
    url: '/api/v1/notifications/preferences',
    payload: { emailNotifications: false },
  });
  expect(off.json()).toEqual({ lang: 'ru', emailNotifications: false });
  const created = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: {
      questionnaireVersion: VERSION,
      reportingYear: 2050,
      requestDate: '2051-01-10',
      deadline: '2051-02-10',
      recipients: [orgA],
    },
  });
  campaignId = created.json().id;
  campaignEtag = created.headers.etag as string;
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('notifications', () => {
  it('campaign opened: the recipients focal points, in their language; e-mail only to those who want it', async () => {
    const opened = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/open`,
      headers: { 'if-match': campaignEtag },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    campaignEtag = opened.headers.etag as string;
    expect(await deliver()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ to: [fa.email] });
    expect(inbox[0]!.subject).toBe('2050 есепті жылы үшін деректер жинау басталды');
    expect(inbox[0]!.text).toContain('10.02.2051');
    // In-app notices for both focal points of the recipient, in their language; none outside the campaign.
    expect((await notices(fa.token)).items.map((n: { kind: string }) => n.kind)).toEqual(['campaign_opened']);
    const ru = await notices(fa2.token);
    expect(ru.unread).toBe(1);
    expect(ru.items[0].subject).toBe('Начат сбор данных за 2050 отчетный год');
    expect((await notices(fb.token)).items).toEqual([]);
    expect(mailsTo(fb.email)).toEqual([]);
    expect(mailsTo(fa2.email)).toEqual([]);
  });

  it('never twice: delivering again sends nothing, closing and reopening the campaign asks no one again', async () => {
    expect(await deliver()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    const closed = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/close`,
      headers: { 'if-match': campaignEtag },
    });
    const reopened = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/open`,
      headers: { 'if-match': closed.headers.etag as string },
    });
    expect(reopened.statusCode).toBe(200);
    expect(await deliver()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(inbox).toHaveLength(1);
  });

  it('reminds before the deadline and when overdue, only those not submitted, once each', async () => {
    const db = t.app.database.db;
    expect(await scanDeadlines(db, { now: new Date('2051-01-20T06:00:00Z'), daysBefore: 3 })).toBe(0);
    expect(await scanDeadlines(db, { now: new Date('2051-02-08T06:00:00Z'), daysBefore: 3 })).toBe(3); // 2 in-app + 1 e-mail
    expect(await scanDeadlines(db, { now: new Date('2051-02-09T06:00:00Z'), daysBefore: 3 })).toBe(0);
    await deliver();
    expect(mailsTo(fa.email).at(-1)!.subject).toBe('Мәліметтерді ұсыну мерзіміне 2 күн қалды');
    // The deadline day ends at midnight Astana time (UTC+5): 2051-02-10T19:00Z is past it.
    expect(await scanDeadlines(db, { now: new Date('2051-02-10T18:30:00Z'), daysBefore: 3 })).toBe(0);
    expect(await scanDeadlines(db, { now: new Date('2051-02-10T19:30:00Z'), daysBefore: 3 })).toBe(3);
    await deliver();
    expect(mailsTo(fa.email).at(-1)!.subject).toBe('Мәліметтерді ұсыну мерзімі өтті (2050 есепті жылы)');
    expect(mailsTo(fb.email)).toEqual([]);
  });

  it('returned, accepted and reopened reach the organisation focal points, nobody else', async () => {
    const url = `/api/v1/campaigns/${campaignId}/submissions/${orgA}`;
    const content = generateAnswersFor(VERSION, 'ngo', { seed: 3, missingRate: 0 });
    const put = await t.request(fa.token, { method: 'PUT', url, headers: { 'if-match': '"0"' }, payload: { content } });
    expect(put.statusCode, put.body).toBe(200);
    const step = (token: string, action: string, etag: string, payload: Record<string, unknown> = {}) =>
      t.request(token, { method: 'POST', url: `${url}/${action}`, headers: { 'if-match': etag }, payload });
    expect((await step(fa.token, 'submit', '"1"')).statusCode).toBe(200);
    const item = Object.keys(content.answers)[0]!;
    expect(
      (await step(expert, 'return', '"2"', { comments: [{ itemId: item, comment: 'Тексеріңіз' }] })).statusCode,
    ).toBe(200);
    expect((await step(fa.token, 'submit', '"3"')).statusCode).toBe(200);
    expect((await step(expert, 'accept', '"4"')).statusCode).toBe(200);
    expect((await step(expert, 'reopen', '"5"', { reason: 'Сандар сәйкес емес' })).statusCode).toBe(200);
    await deliver();
    const subjects = mailsTo(fa.email).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Сауалнама түзетуге қайтарылды (2050 есепті жылы)',
        'Сауалнама қабылданды (2050 есепті жылы)',
        'Қабылданған сауалнама түзетуге қайта ашылды (2050 есепті жылы)',
      ]),
    );
    expect(mailsTo(fa.email).at(-1)!.text).toContain('Сандар сәйкес емес');
    expect((await notices(fa2.token)).items.map((n: { kind: string }) => n.kind)).toEqual([
      'submission_reopened',
      'submission_accepted',
      'submission_returned',
      'deadline_overdue',
      'deadline_soon',
      'campaign_opened',
    ]);
    expect((await notices(fb.token)).items).toEqual([]);
  });

  it('a refused mailbox is retried with back-off and counted; without SMTP e-mail rows are skipped', async () => {
    const db = t.app.database.db;
    refused.add(fa.email);
    const { notifySubmission } = await import('../../../src/modules/notifications/notifications.service.js');
    const sub = { id: '00000000-0000-4000-8000-0000000000aa', campaignId, organisationId: orgA, revision: 99 };
    expect(await notifySubmission(db, 'submission_accepted', sub)).toBe(3);
    expect(await deliver()).toEqual({ sent: 0, failed: 1, skipped: 0 });
    const row = (await t.request(admin, { method: 'GET', url: '/api/v1/notifications/log?status=pending' })).json();
    expect(row[0]).toMatchObject({ attempts: 1, channel: 'email', userId: fa.id });
    expect(row[0].lastError).toMatch(/mailbox unavailable/);
    // Not due again yet (back-off), so nothing is sent twice.
    expect(await deliver()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    refused.delete(fa.email);
    // Without SMTP the e-mail rows are marked skipped, in-app notices are still there.
    await notifySubmission(db, 'submission_accepted', { ...sub, revision: 100 });
    expect(await deliverNotifications(db, null, log)).toEqual({ sent: 0, failed: 0, skipped: 1 });
  });

  it('two instances delivering at once send each e-mail once (claim with SKIP LOCKED and a lease)', async () => {
    const db = t.app.database.db;
    const { notifySubmission } = await import('../../../src/modules/notifications/notifications.service.js');
    const sub = { id: '00000000-0000-4000-8000-0000000000bb', campaignId, organisationId: orgA, revision: 1 };
    expect(await notifySubmission(db, 'submission_returned', sub)).toBe(3);
    const before = mailsTo(fa.email).length;
    const slow: Mailer = {
      sendMail: async (m) => {
        await new Promise((r) => setTimeout(r, 200));
        return mailer.sendMail(m);
      },
    };
    const [a, b] = await Promise.all([
      deliverNotifications(db, slow, log, { from: 'noreply@example.kz' }),
      deliverNotifications(db, slow, log, { from: 'noreply@example.kz' }),
    ]);
    expect(a.sent + b.sent).toBe(1);
    expect(mailsTo(fa.email).length).toBe(before + 1);
  });

  it('users read and mark their own notices; the log is the administrators', async () => {
    const mine = await notices(fa.token);
    expect(mine.unread).toBeGreaterThan(0);
    const others = await t.request(fb.token, {
      method: 'POST',
      url: '/api/v1/notifications/read',
      payload: { ids: mine.items.map((n: { id: number }) => n.id) },
    });
    expect(others.json()).toEqual({ marked: 0 });
    const read = await t.request(fa.token, { method: 'POST', url: '/api/v1/notifications/read', payload: {} });
    expect(read.json().marked).toBe(mine.unread);
    expect((await notices(fa.token)).unread).toBe(0);
    expect((await t.request(fa.token, { method: 'GET', url: '/api/v1/notifications/log' })).statusCode).toBe(403);
    const logRows = (
      await t.request(admin, { method: 'GET', url: '/api/v1/notifications/log?kind=campaign_opened' })
    ).json();
    expect(logRows.map((r: { channel: string; status: string }) => `${r.channel}:${r.status}`).sort()).toEqual([
      'email:sent',
      'in_app:sent',
      'in_app:sent',
    ]);
    const bad = await t.request(fa.token, {
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { lang: 'en' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
