// Disclosure control of a report as a whole: the person-count cells of every table the
// report publishes (national and agency tables, regions, indicators; the same cells feed
// the PDF, the XLSX, the profiles and the charts) form one linked set, modelled once from
// the view model. It is protected together (src/pipeline/disclosure/protect.ts) and the
// published model is audited again by the built-in attacker before anything is released.
import {
  auditLinkedSet,
  type AuditResult,
  type DisclosureOptions,
  type Mark,
} from '../../pipeline/disclosure/audit.js';
import {
  CellCollector,
  keyRelations,
  linkCells,
  linkedSetOfPublished,
  type KeyRelation,
} from '../../pipeline/disclosure/linked.js';
import { protectLinkedSet } from '../../pipeline/disclosure/protect.js';
import {
  isSuppressed,
  type DisclosureSummary,
  type ReportTable,
  type ReportViewModel,
  type SuppressedCell,
} from '../report.view-model.js';
import type { AssessmentInput } from './inputs.js';
import type { Marks } from './privacy.js';

export interface ReportProtection {
  marks: Marks;
  /** What sums to what, by cell key: the structure an analyst reads off the tables. */
  relations: KeyRelation[];
  audit: AuditResult;
  ms: number;
}

/** Every table of the model that can carry person counts. */
export function countTables(vm: ReportViewModel): ReportTable[] {
  return [...vm.conclusions.flatMap((s) => s.tables), ...vm.riskProfiles.flatMap((p) => p.victimProfile)];
}

export interface PublishedCell {
  key: string;
  /** The shown value, or null when hidden. */
  value: number | null;
  mark: Mark;
}

/** The keyed cells of the tables as published (one entry per key; the same key must read the same everywhere). */
export function publishedCells(tables: readonly ReportTable[]): PublishedCell[] {
  const byKey = new Map<string, PublishedCell>();
  for (const table of tables) {
    table.cellKeys?.forEach((row, r) =>
      row.forEach((key, c) => {
        if (key === null) return;
        const cell = table.rows[r][c];
        const published: PublishedCell = isSuppressed(cell)
          ? { key, value: null, mark: cell.mark }
          : { key, value: Number(cell), mark: null };
        if (!isSuppressed(cell) && typeof cell !== 'number')
          throw new Error(`disclosure: ${table.id} ${key} is not a count`);
        const seen = byKey.get(key);
        if (seen && (seen.value !== published.value || seen.mark !== published.mark)) {
          throw new Error(`disclosure: ${key} is published differently in ${table.id}`);
        }
        byKey.set(key, published);
      }),
    );
  }
  return [...byKey.values()];
}

export function disclosureOptions(input: Pick<AssessmentInput, 'suppressionThreshold'>): DisclosureOptions {
  return { threshold: input.suppressionThreshold, rule: { kind: 'label-range' } };
}

/** Protects the linked set of raw (unpublished) tables, e.g. countTables of a raw model. */
export function protectTables(raw: readonly ReportTable[], options: DisclosureOptions): ReportProtection {
  const collector = new CellCollector();
  for (const cell of publishedCells(raw)) collector.add(cell.key, cell.value!);
  const set = linkCells(collector.cells());
  const result = protectLinkedSet(set, options);
  const marks = new Map<string, SuppressedCell['mark']>();
  result.marks.forEach((m, i) => {
    if (m) marks.set(set.cells[i].key, m);
  });
  return { marks, relations: keyRelations(set), audit: result.audit, ms: result.ms };
}

/** The attacker on published cells and relations alone (no true values). */
export function auditPublishedCells(
  cells: readonly PublishedCell[],
  relations: readonly KeyRelation[],
  options: DisclosureOptions,
): AuditResult {
  const set = linkedSetOfPublished(cells, relations);
  return auditLinkedSet(
    set,
    cells.map((c) => c.mark),
    options,
  );
}

/** Audits a published model: what its tables show, with the protection's relations. */
export function auditPublished(
  vm: ReportViewModel,
  relations: readonly KeyRelation[],
  options: DisclosureOptions,
): AuditResult {
  return auditPublishedCells(publishedCells(countTables(vm)), relations, options);
}

export function summaryOf(audit: AuditResult, ms: number): DisclosureSummary {
  return { cells: audit.cells, primary: audit.primary, secondary: audit.secondary, exposed: audit.exposed.length, ms };
}

/** Thrown when the audit finds a cell of anything to be published that it can narrow. */
export class DisclosureExposedError extends Error {
  constructor(readonly audit: AuditResult) {
    super(
      `disclosure audit: ${audit.exposed.length} exposed cell(s): ${audit.exposed
        .slice(0, 5)
        .map((e) => `${e.key} in [${e.lo}, ${e.hi}]`)
        .join('; ')}`,
    );
    this.name = 'DisclosureExposedError';
  }
}
