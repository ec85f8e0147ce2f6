/** True for a unique-constraint violation, from pg or PGlite, wrapped by Drizzle or not. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** SQLSTATEs of text PostgreSQL cannot store: NUL in jsonb (22P05), an invalid byte sequence (22021). */
const UNSTORABLE_TEXT = new Set(['22P05', '22021']);
/**
 * The database is not there to answer: connection exceptions (08xxx), the server shutting
 * down or starting (57P01-57P03), out of connections (53300), the database dropped (3D000),
 * or the socket itself failing. Anything else is a bug, not an outage.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Cannot use a pool after calling end/i,
  /Client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
  /PGlite is closed/i,
  /Client was closed and is not queryable/i,
];

export type DatabaseRefusal = 'unstorable_text' | 'unavailable';

/** What a database error means for the caller, walking Drizzle's wrapping; undefined for anything else. */
export function classifyDatabaseError(err: unknown): DatabaseRefusal | undefined {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 10;
    e = e.cause as typeof e, depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNSTORABLE_TEXT.has(code)) return 'unstorable_text';
    if (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return 'unavailable';
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e!.message as string)))
      return 'unavailable';
  }
  return undefined;
}
