/**
 * Small-count suppression for published tables of victim counts.
 *
 * Primary suppression: every entry (cell OR total) with 1 <= value < threshold
 * (default 10). Zeros are shown.
 *
 * Secondary (complementary) suppression, repeated until stable:
 *  1. Conventional rule: in any line (a row with its row total, a column with
 *     its column total, the row of column totals with the grand total, the
 *     column of row totals with the grand total) with exactly one suppressed
 *     entry, also suppress the smallest non-zero shown cell of that line (the
 *     line's total only when no cell qualifies).
 *  2. Audit: an attacker's feasible interval for every suppressed entry is
 *     computed by bound propagation along all lines (repeated subtraction).
 *     The attacker knows shown values, that suppressed values are >= 1 (zeros
 *     are shown) and, when the primary and secondary labels differ, that a
 *     primary entry is in [1, threshold-1] and a secondary one is >= threshold
 *     (every value 1..threshold-1 is primary). An entry is protected when its
 *     feasible interval [lo, hi] has hi - lo >= minWidth (default 1: the value
 *     cannot be pinned down; for primary entries with distinct labels capped at
 *     threshold - 2, the width the label itself allows). Otherwise the smallest
 *     non-zero shown cell in a line through the exposed entry is suppressed and
 *     we go back to 1. Raise minWidth to demand wider uncertainty (more
 *     suppression).
 *  Rule 2 closes gaps of rule 1 alone, e.g. a row 1, 1, 50 | 52 (two suppressed
 *  cells summing to 2 must both be 1) or, with distinct labels, 1, 10, 50 | 61
 *  (the "x" is >= 10, so the "<10" must be 1).
 *
 * The audit is bound propagation, not a full linear-programming audit; it
 * catches recovery by (chained) subtraction along rows and columns.
 *
 * Labels: primary entries display primaryLabel (default "<10"); secondary
 * entries display secondaryLabel (default "x") because they are >= threshold
 * and "<10" would be false. Using one neutral label for both (e.g. "x" with a
 * footnote) hides which cells are small and usually needs fewer suppressions.
 */

export interface SuppressionOptions {
  /** Values 1..threshold-1 are suppressed (default 10, integer >= 2). */
  threshold?: number;
  /** Display of primary suppressed entries (default `<${threshold}`). */
  primaryLabel?: string;
  /** Display of secondary suppressed entries (default "x"). */
  secondaryLabel?: string;
  /** Minimum width hi - lo of an attacker's feasible interval for a suppressed entry (default 1). */
  minWidth?: number;
}

export type SuppressionKind = 'primary' | 'secondary';

export interface PublishedCell {
  value: number;
  suppressed: boolean;
  kind: SuppressionKind | null;
  /** Text to publish: the value, or the label when suppressed. */
  display: string;
}

export interface TableInput {
  /** cells[row][column], non-negative integer counts. */
  cells: readonly (readonly number[])[];
  /** Optional; must equal the row sums when given. */
  rowTotals?: readonly number[];
  /** Optional; must equal the column sums when given. */
  columnTotals?: readonly number[];
  /** Optional; must equal the sum of all cells when given. */
  grandTotal?: number;
}

export interface SuppressedTable {
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
  /**
   * False when an exposed entry remains and nothing is left to suppress; with the
   * default minWidth 1 this did not occur in the randomised tests; with a large minWidth it can
   * (e.g. 1, 0, 1 with a "<10" total: the parts are necessarily <= 8).
   */
  protected: boolean;
}

export interface ListInput {
  /** Category counts, non-negative integers. */
  values: readonly number[];
  /** Optional; must equal the sum when given. */
  total?: number;
}

export interface SuppressedList {
  categories: PublishedCell[];
  total: PublishedCell;
  protected: boolean;
}

// ---------------------------------------------------------------------------
// Generic engine over entries and additive lines (sum of parts = total)
// ---------------------------------------------------------------------------

interface Line {
  parts: number[];
  total: number;
}

interface EngineResult {
  kind: (SuppressionKind | null)[];
  protected: boolean;
}

function resolveOptions(options: SuppressionOptions): Required<SuppressionOptions> {
  const threshold = options.threshold ?? 10;
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new RangeError(`suppression: threshold=${threshold} must be an integer >= 2`);
  }
  if (options.minWidth !== undefined && !(options.minWidth >= 0)) {
    throw new RangeError(`suppression: minWidth=${options.minWidth} must be >= 0`);
  }
  return {
    threshold,
    primaryLabel: options.primaryLabel ?? `<${threshold}`,
    secondaryLabel: options.secondaryLabel ?? 'x',
    minWidth: options.minWidth ?? 1,
  };
}

/** Attacker's feasible [lo, hi] for each entry by propagating bounds along the lines. */
function feasibleBounds(
  values: readonly number[],
  kind: readonly (SuppressionKind | null)[],
  lines: readonly Line[],
  threshold: number,
  distinctLabels: boolean,
): { lo: number[]; hi: number[] } {
  const lo = values.map((v, i) =>
    kind[i] === null ? v : distinctLabels && kind[i] === 'secondary' ? threshold : 1,
  );
  const hi = values.map((v, i) =>
    kind[i] === null ? v : distinctLabels && kind[i] === 'primary' ? threshold - 1 : Infinity,
  );
  const maxPasses = 10_000;
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    const tighten = (i: number, l: number, h: number): void => {
      if (l > lo[i]) {
        lo[i] = l;
        changed = true;
      }
      if (h < hi[i]) {
        hi[i] = h;
        changed = true;
      }
    };
    for (const line of lines) {
      const { parts, total } = line;
      if (kind[total] !== null) {
        let l = 0;
        let h = 0;
        for (const p of parts) {
          l += lo[p];
          h += hi[p];
        }
        tighten(total, l, h);
      }
      for (const k of parts) {
        if (kind[k] === null) continue;
        // Sum over the other parts, looped explicitly to avoid Infinity - Infinity.
        let othersLo = 0;
        let othersHi = 0;
        for (const p of parts) {
          if (p === k) continue;
          othersLo += lo[p];
          othersHi += hi[p];
        }
        tighten(k, lo[total] - othersHi, hi[total] - othersLo);
      }
    }
    if (!changed) break;
  }
  return { lo, hi };
}

function exposedEntries(
  values: readonly number[],
  kind: readonly (SuppressionKind | null)[],
  lines: readonly Line[],
  threshold: number,
  distinctLabels: boolean,
  minWidth: number,
): number[] {
  const { lo, hi } = feasibleBounds(values, kind, lines, threshold, distinctLabels);
  // With distinct labels a primary entry can never be wider than its label's [1, threshold-1].
  const primaryWidth = distinctLabels ? Math.min(minWidth, threshold - 2) : minWidth;
  const out: number[] = [];
  kind.forEach((k, i) => {
    if (k === null) return;
    const need = k === 'primary' ? primaryWidth : minWidth;
    if (hi[i] - lo[i] < need) out.push(i);
  });
  return out;
}

// Smallest non-zero shown part of the given lines (ties: lowest index), else a shown non-zero total.
function pickComplement(values: readonly number[], kind: readonly (SuppressionKind | null)[], lines: readonly Line[]): number | null {
  let best: number | null = null;
  for (const line of lines) {
    for (const p of line.parts) {
      if (kind[p] !== null || values[p] === 0) continue;
      if (best === null || values[p] < values[best] || (values[p] === values[best] && p < best)) best = p;
    }
  }
  if (best !== null) return best;
  for (const line of lines) {
    const t = line.total;
    if (kind[t] === null && values[t] > 0 && (best === null || values[t] < values[best])) best = t;
  }
  return best;
}

function runSuppression(values: readonly number[], lines: readonly Line[], opts: Required<SuppressionOptions>): EngineResult {
  const { threshold } = opts;
  const distinctLabels = opts.primaryLabel !== opts.secondaryLabel;
  const kind: (SuppressionKind | null)[] = values.map((v) => (v >= 1 && v < threshold ? 'primary' : null));
  const linesOf = values.map(() => [] as Line[]);
  for (const line of lines) for (const e of [...line.parts, line.total]) linesOf[e].push(line);

  // Each iteration suppresses one more entry, so this terminates.
  for (;;) {
    // Rule 1: lines with exactly one suppressed entry.
    let progress = true;
    while (progress) {
      progress = false;
      for (const line of lines) {
        const entries = [...line.parts, line.total];
        if (entries.filter((e) => kind[e] !== null).length !== 1) continue;
        const c = pickComplement(values, kind, [line]);
        if (c !== null) {
          kind[c] = 'secondary';
          progress = true;
        }
      }
    }
    // Rule 2: audit.
    const exposed = exposedEntries(values, kind, lines, threshold, distinctLabels, opts.minWidth);
    if (exposed.length === 0) return { kind, protected: true };
    let added = false;
    for (const e of exposed) {
      const c = pickComplement(values, kind, linesOf[e]);
      if (c !== null) {
        kind[c] = 'secondary';
        added = true;
        break;
      }
    }
    if (!added) return { kind, protected: false };
  }
}

function checkCount(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`suppression: ${what}=${v} must be a non-negative integer`);
}

function publish(value: number, kind: SuppressionKind | null, opts: Required<SuppressionOptions>): PublishedCell {
  return {
    value,
    suppressed: kind !== null,
    kind,
    display: kind === 'primary' ? opts.primaryLabel : kind === 'secondary' ? opts.secondaryLabel : String(value),
  };
}

/**
 * Suppresses a two-way table with row, column and grand totals. Throws
 * RangeError on a ragged table, invalid counts or totals that do not add up
 * (put any "unknown" category into the table as its own row or column).
 */
export function suppressTable(input: TableInput, options: SuppressionOptions = {}): SuppressedTable {
  const opts = resolveOptions(options);
  const r = input.cells.length;
  const c = r > 0 ? input.cells[0].length : 0;
  for (const row of input.cells) {
    if (row.length !== c) throw new RangeError('suppressTable: ragged table');
    row.forEach((v) => checkCount(v, 'cell'));
  }
  const rowTotals = input.cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: c }, (_, j) => input.cells.reduce((a, row) => a + row[j], 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  if (input.rowTotals && (input.rowTotals.length !== r || input.rowTotals.some((t, i) => t !== rowTotals[i]))) {
    throw new RangeError('suppressTable: row totals do not match the row sums');
  }
  if (input.columnTotals && (input.columnTotals.length !== c || input.columnTotals.some((t, j) => t !== columnTotals[j]))) {
    throw new RangeError('suppressTable: column totals do not match the column sums');
  }
  if (input.grandTotal !== undefined && input.grandTotal !== grand) {
    throw new RangeError('suppressTable: grand total does not match the sum of cells');
  }

  // Entry layout: cells row-major, then row totals, then column totals, then the grand total.
  const cellId = (i: number, j: number) => i * c + j;
  const rowTotalId = (i: number) => r * c + i;
  const colTotalId = (j: number) => r * c + r + j;
  const grandId = r * c + r + c;
  const values = [...input.cells.flat(), ...rowTotals, ...columnTotals, grand];
  const lines: Line[] = [];
  for (let i = 0; i < r; i++) lines.push({ parts: Array.from({ length: c }, (_, j) => cellId(i, j)), total: rowTotalId(i) });
  for (let j = 0; j < c; j++) lines.push({ parts: Array.from({ length: r }, (_, i) => cellId(i, j)), total: colTotalId(j) });
  lines.push({ parts: Array.from({ length: c }, (_, j) => colTotalId(j)), total: grandId });
  lines.push({ parts: Array.from({ length: r }, (_, i) => rowTotalId(i)), total: grandId });

  const res = runSuppression(values, lines, opts);
  const pub = (id: number) => publish(values[id], res.kind[id], opts);
  return {
    cells: Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => pub(cellId(i, j)))),
    rowTotals: Array.from({ length: r }, (_, i) => pub(rowTotalId(i))),
    columnTotals: Array.from({ length: c }, (_, j) => pub(colTotalId(j))),
    grandTotal: pub(grandId),
    protected: res.protected,
  };
}

/** Suppresses a one-way table (categories + total); same rules as suppressTable. */
export function suppressList(input: ListInput, options: SuppressionOptions = {}): SuppressedList {
  const opts = resolveOptions(options);
  input.values.forEach((v) => checkCount(v, 'value'));
  const total = input.values.reduce((a, b) => a + b, 0);
  if (input.total !== undefined && input.total !== total) {
    throw new RangeError('suppressList: total does not match the sum of categories');
  }
  const n = input.values.length;
  const values = [...input.values, total];
  const res = runSuppression(values, [{ parts: Array.from({ length: n }, (_, i) => i), total: n }], opts);
  return {
    categories: input.values.map((v, i) => publish(v, res.kind[i], opts)),
    total: publish(total, res.kind[n], opts),
    protected: res.protected,
  };
}
