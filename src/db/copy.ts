// Bulk rows at COPY speed on both drivers, inside the caller's transaction: node-postgres streams
// `COPY ... FROM STDIN` (pg-copy-streams); PGlite reads the whole text from `COPY ... FROM
// '/dev/blob'` with the rows attached as a Blob (its fastest path: one call into the database,
// no per-row protocol). Rows are in COPY's text format, built with copyLine.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbOrTx } from './client.js';

export type CopyValue = string | number | boolean | null | undefined;

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One row in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'string') line += /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => escapes[c]!) : v;
    else line += String(v);
  }
  return `${line}\n`;
}

type RawClient = pg.PoolClient | pg.Client | PGlite | Transaction;

/** The driver's connection behind a Drizzle transaction (or database) handle. */
function rawClient(db: DbOrTx): RawClient {
  return (db as unknown as { session: { client: RawClient } }).session.client;
}

/**
 * COPY text gathered in ~1 MB Buffers as the rows are produced: half a million fact rows are held as
 * about 70 MB of bytes rather than as one JavaScript string per row.
 */
export class CopyData {
  private readonly chunks: Buffer[] = [];
  private pending = '';
  rows = 0;

  add(line: string): void {
    this.pending += line;
    this.rows++;
    if (this.pending.length >= 1 << 20) this.flush();
  }

  /** The chunks so far (the last one flushed). */
  content(): readonly Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (!this.pending) return;
    this.chunks.push(Buffer.from(this.pending));
    this.pending = '';
  }
}

/**
 * Copies rows (lines from copyLine, or gathered CopyData) into `table(columns)`. Call it with a
 * transaction: on PostgreSQL a pool is refused (COPY needs one connection).
 */
export async function copyRows(
  tx: DbOrTx,
  table: string,
  columns: readonly string[],
  rows: readonly string[] | CopyData,
): Promise<void> {
  const chunks = rows instanceof CopyData ? rows.content() : [...batches(rows)];
  if (!chunks.length) return;
  const target = `${table} (${columns.join(', ')})`;
  const client = rawClient(tx);
  if (client instanceof pg.Pool) throw new Error('copyRows needs a transaction on PostgreSQL');
  if (client instanceof pg.Client) {
    const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
    await pipeline(Readable.from(chunks), stream);
    return;
  }
  await (client as PGlite).query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob(chunks as BlobPart[]) });
}

/** Groups lines into ~1 MB chunks so the stream is not driven line by line. */
function* batches(lines: readonly string[]): Generator<string> {
  let chunk = '';
  for (const l of lines) {
    chunk += l;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
