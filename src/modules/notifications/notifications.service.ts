// Notification producers (campaign opened, deadline reminders, returned, accepted, reopened,
// assessment finalised) and the delivery of e-mails. Every producer is idempotent: its event key
// is unique per recipient and channel, so a repeated call or a second instance inserts nothing.
// Producers run inside the caller's transaction, so a notice exists exactly when its event does.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema.js';
import { deadlineEnd, todayKz } from '../../shared/dates.js';
import type { Bilingual } from '../../shared/lang.js';
import { enqueue, focalPointsOf, type Recipient, usersWithRoles } from './notifications.repository.js';
import { dottedDate, type NotificationFacts, type NotificationKind, notificationText } from './notifications.texts.js';

interface Event {
  key: string;
  kind: NotificationKind;
  link: string;
  facts: (r: Recipient) => NotificationFacts;
}

/** One in-app row per recipient, and one e-mail row for those who did not switch e-mail off. */
async function publish(db: DbOrTx, event: Event, recipients: Recipient[]): Promise<number> {
  const now = new Date();
  const rows = recipients.flatMap((r) => {
    const { subject, body } = notificationText(event.kind, event.facts(r), r.lang);
    const base = {
      eventKey: event.key,
      kind: event.kind,
      userId: r.userId,
      lang: r.lang,
      subject,
      body,
      link: event.link,
    };
    return [
      { ...base, channel: 'in_app' as const, status: 'sent' as const, sentAt: now },
      ...(r.emailNotifications ? [{ ...base, channel: 'email' as const }] : []),
    ];
  });
  return enqueue(db, rows);
}

async function organisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, Bilingual>> {
  if (!ids.length) return new Map();
  const rows = await db.execute(
    sql`select id, name_kk, name_ru from organisations where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(
    (rows.rows as { id: string; name_kk: string; name_ru: string }[]).map((r) => [
      r.id,
      { kk: r.name_kk, ru: r.name_ru },
    ]),
  );
}

interface CampaignFacts {
  id: string;
  reportingYear: number;
  deadline: string;
}

async function campaignFacts(db: DbOrTx, campaignId: string): Promise<CampaignFacts | undefined> {
  const rows = await db.execute(
    sql`select id, reporting_year as "reportingYear", deadline::text as deadline from campaigns where id = ${campaignId}::uuid`,
  );
  return rows.rows[0] as unknown as CampaignFacts | undefined;
}

/** Focal points of the campaign's recipients (only they: nobody outside the campaign), optionally without a submission sent. */
async function campaignAudience(db: DbOrTx, campaignId: string, onlyNotSubmitted: boolean) {
  const rows = await db.execute(sql`
    select r.organisation_id as id from campaign_recipients r
      join organisations o on o.id = r.organisation_id and o.active
      left join submissions s on s.campaign_id = r.campaign_id and s.organisation_id = r.organisation_id
     where r.campaign_id = ${campaignId}::uuid
       ${onlyNotSubmitted ? sql`and (s.id is null or s.status in ('draft', 'returned'))` : sql``}`);
  const ids = (rows.rows as { id: string }[]).map((r) => r.id);
  const [people, names] = [await focalPointsOf(db, ids), await organisationNames(db, ids)];
  return { people, names };
}

async function notifyCampaign(
  db: DbOrTx,
  campaignId: string,
  kind: NotificationKind,
  key: string,
  onlyNotSubmitted: boolean,
  days?: number,
) {
  const c = await campaignFacts(db, campaignId);
  if (!c) return 0;
  const { people, names } = await campaignAudience(db, campaignId, onlyNotSubmitted);
  return publish(
    db,
    {
      key,
      kind,
      link: '/campaigns',
      facts: (r) => ({
        reportingYear: c.reportingYear,
        deadline: dottedDate(c.deadline),
        ...(days !== undefined ? { days } : {}),
        ...(r.organisationId && names.has(r.organisationId) ? { organisation: names.get(r.organisationId)! } : {}),
      }),
    },
    people,
  );
}

/** The campaign was opened: its recipients' focal points are asked for the data (once per campaign). */
export const notifyCampaignOpened = (db: DbOrTx, campaignId: string) =>
  notifyCampaign(db, campaignId, 'campaign_opened', `campaign.opened:${campaignId}`, false);

/** A state change of a submission its focal points should know of. */
export async function notifySubmission(
  db: DbOrTx,
  kind: 'submission_returned' | 'submission_accepted' | 'submission_reopened',
  s: { id: string; campaignId: string; organisationId: string; revision: number },
  reason?: string,
) {
  const c = await campaignFacts(db, s.campaignId);
  if (!c) return 0;
  const [people, names] = [
    await focalPointsOf(db, [s.organisationId]),
    await organisationNames(db, [s.organisationId]),
  ];
  return publish(
    db,
    {
      key: `${kind}:${s.id}:${s.revision}`,
      kind,
      link: `/submissions/${s.campaignId}/${s.organisationId}`,
      facts: () => ({
        reportingYear: c.reportingYear,
        ...(names.get(s.organisationId) ? { organisation: names.get(s.organisationId)! } : {}),
        ...(reason ? { reason } : {}),
      }),
    },
    people,
  );
}

/** The assessment was finalised: the expert group, the secretariat and the administrators. */
export async function notifyAssessmentFinalised(db: DbOrTx, assessment: { id: string; title: Bilingual }) {
  const people = await usersWithRoles(db, ['expert', 'secretariat', 'admin']);
  return publish(
    db,
    {
      key: `assessment.finalised:${assessment.id}`,
      kind: 'assessment_finalised',
      link: `/assessments/${assessment.id}`,
      facts: () => ({ title: assessment.title }),
    },
    people,
  );
}

/** Rules §19: the published results, to every focal point and to the secretariat. */
export async function notifyAssessmentPublished(db: DbOrTx, assessment: { id: string; title: Bilingual }) {
  const people = await usersWithRoles(db, ['focal_point', 'secretariat']);
  return publish(
    db,
    {
      key: `assessment.published:${assessment.id}`,
      kind: 'assessment_published',
      link: '/results',
      facts: () => ({ title: assessment.title }),
    },
    people,
  );
}

/**
 * Deadline reminders, idempotent: `daysBefore` days before the deadline (and up to it) to the focal
 * points of recipients that have not submitted, and once the deadline day has ended (Astana time) an
 * overdue notice to the same. Keys carry the deadline, so a moved deadline reminds again.
 */
export async function scanDeadlines(db: Db, opts: { now?: Date; daysBefore: number }) {
  const now = opts.now ?? new Date();
  const today = todayKz(now);
  const open = (
    await db.execute(sql`select id, deadline::text as deadline from campaigns where status = 'open' order by id`)
  ).rows as { id: string; deadline: string }[];
  let inserted = 0;
  for (const c of open) {
    const daysLeft = Math.round((Date.parse(c.deadline) - Date.parse(today)) / 86_400_000);
    if (now > deadlineEnd(c.deadline))
      inserted += await notifyCampaign(db, c.id, 'deadline_overdue', `deadline.overdue:${c.id}:${c.deadline}`, true);
    else if (daysLeft <= opts.daysBefore)
      inserted += await notifyCampaign(
        db,
        c.id,
        'deadline_soon',
        `deadline.soon:${c.id}:${c.deadline}`,
        true,
        Math.max(daysLeft, 0),
      );
  }
  return inserted;
}

export interface Mailer {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface DeliveryLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const MAX_ATTEMPTS = 5;
/** How long a claimed row is leased to the instance sending it; after that another may retry it. */
const LEASE = sql`interval '5 minutes'`;

/**
 * Sends pending e-mail rows. Up to `limit` due rows are claimed in one short statement (FOR UPDATE
 * SKIP LOCKED, so another instance skips them, and a lease: their next attempt moves 5 minutes on),
 * then sent outside any transaction, so a slow SMTP server never holds the database. Each is marked
 * sent, or counted and retried with back-off (1, 2, 4, 8 minutes) until MAX_ATTEMPTS; an instance
 * dying mid-send leaves its rows to be retried after the lease. Without a mailer (SMTP_HOST unset),
 * or for a user who has since switched e-mail off or been disabled, the row is marked skipped.
 */
export async function deliverNotifications(
  db: Db,
  mailer: Mailer | null,
  log: DeliveryLog,
  opts: { limit?: number; from?: string; publicUrl?: string } = {},
) {
  const result = { sent: 0, failed: 0, skipped: 0 };
  const claimed = (
    await db.execute(sql`
      update ${notifications} n set next_attempt_at = now() + ${LEASE}
        from users u
       where u.id = n.user_id and n.id in (
         select id from ${notifications}
          where channel = 'email' and status = 'pending' and next_attempt_at <= now()
          order by id limit ${opts.limit ?? 50}
          for update skip locked)
      returning n.id, n.subject, n.body, n.link, n.attempts, u.email, (u.email_notifications and not u.disabled) as "wants"`)
  ).rows as {
    id: number;
    subject: string;
    body: string;
    link: string | null;
    attempts: number;
    email: string;
    wants: boolean;
  }[];
  for (const n of claimed.sort((a, b) => a.id - b.id)) {
    if (!mailer || !n.wants) {
      await db.execute(
        sql`update ${notifications} set status = 'skipped', last_error = ${mailer ? 'opted out' : 'e-mail not configured'} where id = ${n.id}`,
      );
      result.skipped += 1;
      continue;
    }
    const link = n.link && opts.publicUrl ? `\n\n${new URL(n.link, opts.publicUrl).toString()}` : '';
    try {
      await mailer.sendMail({
        from: opts.from ?? 'ctip-risk-assessment@localhost',
        to: n.email,
        subject: n.subject,
        text: `${n.body}${link}`,
      });
      await db.execute(
        sql`update ${notifications} set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = ${n.id}`,
      );
      result.sent += 1;
    } catch (err) {
      const attempts = n.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      await db.execute(sql`
        update ${notifications}
           set attempts = ${attempts}, last_error = ${message.slice(0, 1000)},
               status = ${attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'},
               next_attempt_at = now() + make_interval(mins => ${2 ** (attempts - 1)})
         where id = ${n.id}`);
      log.warn({ notificationId: n.id, attempts, err: message }, 'notification e-mail failed');
      result.failed += 1;
    }
  }
  if (result.sent || result.failed) log.info(result, 'notifications delivered');
  return result;
}
