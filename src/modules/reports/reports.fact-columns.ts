// Facts handed to the render worker as columns, batch by batch: one list of the distinct strings and typed
// arrays of indexes and values, transferred rather than copied. A structured clone of half a
// million fact objects copies every string of every fact (seven per fact) into the worker, whose
// heap then outgrows its ceiling; the columns are ~30 bytes per fact and decode to shared strings.
import type { NumericFact } from '../../pipeline/facts.js';
import { stringPool } from '../../shared/intern.js';

const TEXT_FIELDS = [
  'organisationId',
  'agencyType',
  'region',
  'itemId',
  'dimension',
  'category',
  'missingReason',
] as const;
const WIDTH = TEXT_FIELDS.length;

export interface FactColumns {
  strings: string[];
  year: Int32Array;
  /** WIDTH indexes into `strings` per fact, in TEXT_FIELDS order; -1 for null. */
  text: Int32Array;
  value: Float64Array;
  /** 1 where the fact has a value (value is null otherwise). */
  hasValue: Uint8Array;
}

export function encodeFacts(facts: readonly NumericFact[]): FactColumns {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const code = (s: string | null) => {
    if (s === null) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const n = facts.length;
  const c: FactColumns = {
    strings,
    year: new Int32Array(n),
    text: new Int32Array(n * WIDTH),
    value: new Float64Array(n),
    hasValue: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    c.year[i] = f.year;
    for (let k = 0; k < WIDTH; k++) c.text[i * WIDTH + k] = code(f[TEXT_FIELDS[k]!]);
    if (f.value !== null) {
      c.value[i] = f.value;
      c.hasValue[i] = 1;
    }
  }
  return c;
}

/** The typed arrays' buffers, for a transfer list (they are detached from the sender). */
export const factColumnBuffers = (c: FactColumns): ArrayBuffer[] =>
  [c.year, c.text, c.value, c.hasValue].map((a) => a.buffer as ArrayBuffer);

/** The facts of every batch, in order; a string repeated across batches is one string. */
export function decodeFacts(batches: readonly FactColumns[]): NumericFact[] {
  const intern = stringPool();
  const out: NumericFact[] = [];
  for (const c of batches) {
    const strings = c.strings.map(intern);
    const at = (i: number) => (i < 0 ? null : strings[i]!);
    for (let i = 0; i < c.year.length; i++) {
      const t = i * WIDTH;
      out.push({
        year: c.year[i]!,
        organisationId: at(c.text[t]!)!,
        agencyType: at(c.text[t + 1]!)!,
        region: at(c.text[t + 2]!)!,
        itemId: at(c.text[t + 3]!)!,
        dimension: at(c.text[t + 4]!),
        category: at(c.text[t + 5]!),
        value: c.hasValue[i] ? c.value[i]! : null,
        missingReason: at(c.text[t + 6]!),
      });
    }
  }
  return out;
}
