// Canonical JSON (keys sorted, no whitespace) and its SHA-256: the input and result
// hashes of pipeline runs, equal for equal content whatever the key order.
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

export function sha256(value: unknown): string {
  const h = createHash('sha256');
  h.update(typeof value === 'string' ? value : canonicalJson(value));
  return h.digest('hex');
}
