// COPY on the test's driver (PGlite by default, PostgreSQL with DATABASE_URL): awkward text
// (tabs, newlines, backslashes, Cyrillic, the literal `\N`), nulls, numbers and booleans come
// back exactly, in order, inside the caller's transaction (rolled back with it).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyData, copyLine, copyRows } from '../../src/db/copy.js';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from '../helpers/database.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase({ empty: true });
  await database.query('create table copy_t (id bigserial primary key, t text, n double precision, b boolean)');
});
afterAll(() => database?.close());

const awkward = ['a\tb', 'line\nnext\r\nend', 'back\\slash', '\\N', 'Қазақстан — Казахстан', '', ' '];

describe('copyRows', () => {
  it('writes every value back exactly, in order', async () => {
    const rows = [...awkward.map((t, i) => [t, i + 0.5, i % 2 === 0] as const), [null, null, null] as const];
    await database.db.transaction(async (tx) => {
      await copyRows(
        tx,
        'copy_t',
        ['t', 'n', 'b'],
        rows.map((r) => copyLine(r)),
      );
    });
    const back = await database.query('select t, n, b from copy_t order by id');
    expect(back.rows.map((r) => [r.t, r.n, r.b])).toEqual(rows.map((r) => [...r]));
  });

  it('is part of the transaction: a rollback keeps nothing', async () => {
    const before = (await database.query('select count(*)::int as n from copy_t')).rows[0]!.n;
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx, 'copy_t', ['t'], [copyLine(['gone'])]);
        await tx.execute(sql`select 1/0`);
      }),
    ).rejects.toThrow();
    expect((await database.query('select count(*)::int as n from copy_t')).rows[0]!.n).toBe(before);
  });

  it('refuses a bad line without storing any of the batch', async () => {
    await expect(
      database.db.transaction((tx) => copyRows(tx, 'copy_t', ['t', 'n'], [copyLine(['ok', 1]), 'bad\tnot-a-number\n'])),
    ).rejects.toThrow();
    const n = await database.query(`select count(*)::int as n from copy_t where t = 'ok'`);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('writes gathered CopyData of several 1 MB chunks whole and in order (Cyrillic text at every boundary)', async () => {
    await database.query('truncate copy_t');
    const data = new CopyData();
    const n = 40_000;
    const text = (i: number) => (i === 20_000 ? 'ж'.repeat(400_000) : `${i} ${'Қазақстан\tКазахстан '.repeat(3)}`);
    // Row 20,000 is larger than a chunk by itself.
    for (let i = 0; i < n; i++) data.add(copyLine([text(i), i, i % 3 === 0]));
    expect(data.rows).toBe(n);
    expect(data.content().length).toBeGreaterThan(2);
    await database.db.transaction((tx) => copyRows(tx, 'copy_t', ['t', 'n', 'b'], data));
    const back = await database.query('select t, n, b from copy_t order by id');
    expect(back.rows.length).toBe(n);
    for (const i of [0, 1, 12_345, 19_999, 20_000, 20_001, n - 1])
      expect([back.rows[i]!.t, back.rows[i]!.n, back.rows[i]!.b]).toEqual([text(i), i, i % 3 === 0]);
    expect(back.rows.every((r, i) => r.n === i)).toBe(true);
  });
});
