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

const special = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null, backslash escapes for text. */
export function copyValue(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return special.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => escapes[c]!) : v;
}

/** One row in COPY's text format: tab-separated values, ending in a newline. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += i ? `\t${copyValue(values[i])}` : copyValue(values[i]);
  return `${line}\n`;
}

type RawClient = pg.PoolClient | pg.Client | PGlite | Transaction;

/** The driver's connection behind a Drizzle transaction (or database) handle. */
function rawClient(db: DbOrTx): RawClient {
  return (db as unknown as { session: { client: RawClient } }).session.client;
}

const CHUNK = 1 << 20;

/**
 * Text written straight into ~1 MB Buffers, each full one handed to `onChunk`: no string is
 * concatenated (building and flattening one string per chunk cost as much as producing the rows).
 */
export class TextChunks {
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  constructor(private readonly onChunk: (chunk: Buffer) => void) {}

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + 3 * text.length > this.buf.length) {
      this.flush();
      if (3 * text.length > this.buf.length) return this.onChunk(Buffer.from(text));
    }
    this.used += this.buf.write(text, this.used);
  }

  flush(): void {
    if (!this.used) return;
    this.onChunk(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }
}

/** COPY rows gathered as they are produced: half a million fact rows are ~70 MB of bytes, not 500,000 strings. */
export class CopyData {
  private readonly chunks: Buffer[] = [];
  private readonly text = new TextChunks((c) => this.chunks.push(c));
  rows = 0;

  static of(lines: readonly string[]): CopyData {
    const data = new CopyData();
    for (const l of lines) data.add(l);
    return data;
  }

  /** One row (from copyLine). */
  add(line: string): void {
    this.text.write(line);
    this.rows++;
  }

  /** The chunks so far (the last one flushed). */
  content(): readonly Buffer[] {
    this.text.flush();
    return this.chunks;
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
  const chunks = (rows instanceof CopyData ? rows : CopyData.of(rows)).content();
  if (!chunks.length) return;
  const target = `${table} (${columns.join(', ')})`;
  const client = rawClient(tx);
  if (client instanceof pg.Pool) throw new Error('copyRows needs a transaction on PostgreSQL');
  if (client instanceof pg.Client) {
    const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
    await pipeline(Readable.from(chunks), stream);
    return;
  }
  await (client as PGlite).query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([...chunks] as BlobPart[]) });
}
