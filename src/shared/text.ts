// User text the database can store. PostgreSQL refuses NUL in text and jsonb (22021,
// 22P05) and a lone UTF-16 surrogate has no UTF-8 form (the driver would silently turn
// it into U+FFFD), so both are refused at the edge with 400, naming the field.
import { z } from 'zod';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

/** False for a string holding NUL or an unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\0') && !LONE_SURROGATE.test(s);
}

/** Any user string: storable, at most `max` characters. */
export const text = (max: number) => z.string().max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** A user string that must say something: trimmed, 1..max characters, storable. */
export const requiredText = (max: number) =>
  z.string().trim().min(1).max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
