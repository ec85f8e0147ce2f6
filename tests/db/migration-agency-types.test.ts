// The issue-20 migration on data made before it: organisations of the former single local
// executive body type get their level, several campaigns of one reporting year keep one.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate.js';
import { openTestDatabase } from '../helpers/database.js';

const all = readMigrationFiles({ migrationsFolder });
const index = all.findIndex((m) => m.sql.some((s) => s.includes('"mio_mapping"')));

let open: Database & { url?: string };
beforeAll(async () => {
  open = await openTestDatabase({ empty: true });
  // Apply the migrations before this one, recorded as drizzle does, then load older data.
  await open.query('create schema drizzle');
  await open.query(
    'create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
  );
  for (const m of all.slice(0, index)) {
    for (const stmt of m.sql) if (stmt.trim()) await open.db.execute(sql.raw(stmt));
    await open.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      m.hash,
      m.folderMillis,
    ]);
  }
  await open.query(`insert into agency_types values ('mio', 'ЖАО', 'МИО', 1), ('ngo', 'КЕҰ', 'НКО', 2)`);
  await open.query(`insert into regions values ('karaganda', 'Қарағанды облысы', 'Карагандинская область', 1),
    ('almaty', 'Алматы қаласы', 'город Алматы', 2), ('astana', 'Астана қаласы', 'город Астана', 3)`);
  await open.query(`insert into organisations (id, agency_type, region, parent_id, name_kk, name_ru) values
    ('00000000-0000-4000-8000-000000000001', 'mio', 'karaganda', null, 'Қарағанды облысының әкімдігі', 'Акимат Карагандинской области'),
    ('00000000-0000-4000-8000-000000000002', 'mio', 'karaganda', '00000000-0000-4000-8000-000000000001', 'Теміртау әкімдігі', 'Акимат Темиртау'),
    ('00000000-0000-4000-8000-000000000003', 'mio', 'karaganda', null, 'Балқаш қаласының әкімдігі', 'Акимат города Балхаш'),
    ('00000000-0000-4000-8000-000000000004', 'mio', 'almaty', null, 'Алматы қаласының әкімдігі', 'Акимат города Алматы'),
    ('00000000-0000-4000-8000-000000000005', 'mio', 'astana', null, 'Астана қаласының әкімдігі', 'Акимат города Астаны'),
    ('00000000-0000-4000-8000-000000000006', 'ngo', 'almaty', null, 'КЕҰ', 'НКО')`);
  await open.query(`insert into campaigns (id, reporting_year, questionnaire_version, request_date, deadline, status, created_at) values
    ('10000000-0000-4000-8000-000000000001', 2024, 'v', '2025-01-10', '2025-02-10', 'closed', '2025-01-10'),
    ('10000000-0000-4000-8000-000000000002', 2024, 'v', '2025-03-10', '2025-04-10', 'draft', '2025-03-10'),
    ('10000000-0000-4000-8000-000000000003', 2025, 'v', '2026-01-10', '2026-02-10', 'closed', '2026-01-10'),
    ('10000000-0000-4000-8000-000000000004', 2026, 'v', '2027-01-10', '2027-02-10', 'open', '2027-01-10')`);
  // A draft of the oblast akimat in the open campaign, with answers to sections 1, 3 and 5; an accepted one in a closed campaign.
  const draft = {
    answers: { 's1.q9.publications': { value: 1 }, 's3.q1.persons_received': { value: 2 }, 's5.q1.x': { value: 3 } },
  };
  await open.query(`insert into submissions (id, campaign_id, organisation_id, questionnaire_version, agency_type, status, revision, completeness) values
    ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', 'v', 'mio', 'draft', 1, '{}'),
    ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 'v', 'mio', 'accepted', 1, '{}')`);
  for (const id of ['20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002'])
    await open.query(
      `insert into submission_revisions (submission_id, revision, action, status, content) values ($1, 1, 'save', 'draft', $2)`,
      [id, JSON.stringify(draft)],
    );
  await migrateDatabase(open);
});
afterAll(() => open?.close());

describe('migration of agency types and campaigns (issue 20)', () => {
  it('gives every former local executive body its level and audits each change', async () => {
    const rows = (await open.query('select id, agency_type, version from organisations order by id')).rows as {
      id: string;
      agency_type: string;
      version: number;
    }[];
    expect(rows.map((r) => [r.id.slice(-1), r.agency_type])).toEqual([
      ['1', 'mio_oblast'],
      ['2', 'mio_oblast_city'], // a unit under the oblast akimat
      ['3', 'mio_oblast_city'], // named as a city
      ['4', 'mio_city'],
      ['5', 'mio_city'],
      ['6', 'ngo'], // untouched
    ]);
    expect(rows.filter((r) => r.agency_type.startsWith('mio')).every((r) => r.version === 2)).toBe(true);
    const audit = (await open.query(`select count(*)::int as n from audit_log where action = 'organisation.migrate'`))
      .rows[0];
    expect(audit?.n).toBe(5);
    expect((await open.query(`select 1 from organisations where agency_type = 'mio'`)).rows).toHaveLength(0);
  });

  it('moves an open draft onto the new form (earlier revision kept); accepted submissions keep their own', async () => {
    const subs = (await open.query('select id, agency_type, revision from submissions order by id')).rows as {
      id: string;
      agency_type: string;
      revision: number;
    }[];
    expect(subs.map((r) => [r.agency_type, r.revision])).toEqual([
      ['mio_oblast', 2],
      ['mio', 1],
    ]);
    const revs = (
      await open.query(
        `select revision, content from submission_revisions where submission_id = '20000000-0000-4000-8000-000000000001' order by revision`,
      )
    ).rows as { revision: number; content: { answers: Record<string, unknown> } }[];
    expect(Object.keys(revs[0]!.content.answers).sort()).toEqual([
      's1.q9.publications',
      's3.q1.persons_received',
      's5.q1.x',
    ]);
    expect(Object.keys(revs[1]!.content.answers).sort()).toEqual(['s1.q9.publications', 's5.q1.x']);
  });

  it('keeps one campaign per reporting year (the closed one over a later draft) and marks the other superseded', async () => {
    const rows = (await open.query('select id, superseded_at is not null as superseded from campaigns order by id'))
      .rows as { id: string; superseded: boolean }[];
    expect(rows.map((r) => [r.id.slice(-1), r.superseded])).toEqual([
      ['1', false],
      ['2', true],
      ['3', false],
      ['4', false],
    ]);
  });
});
