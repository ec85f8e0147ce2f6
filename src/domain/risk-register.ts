// The risk register: a versioned data file (questionnaires/risk-registers/<version>.json)
// listing the risks the expert group scores, with the questionnaire items whose facts
// are evidence for each. Parsed with zod and cross-checked against its questionnaire
// version and the reference agency types on load, so a bad file fails fast.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { UNKNOWN_CATEGORY, itemIdPattern } from './questionnaire/model.js';
import { bilingual } from '../shared/lang.js';
import { canonicalJson, getVersion, type LoadedVersion } from './questionnaire/loader.js';
import { agencyTypeCodes } from './reference.js';

/** `questionnaires/risk-registers/` at the repository root (no manifest.json, so not a questionnaire version). */
export const defaultRegistersRoot = fileURLToPath(new URL('../../questionnaires/risk-registers/', import.meta.url));
/** `questionnaires/sources/`: verbatim copies of the SOP and the order that registers cite by line. */
export const defaultSourcesRoot = fileURLToPath(new URL('../../questionnaires/sources/', import.meta.url));

const code = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
const itemId = z.string().regex(itemIdPattern);

/** Facts of one breakdown item restricted to some categories of its dimension. */
export const selectorSchema = z.object({ item: itemId, dimension: code, categories: z.array(code).min(1) }).strict();
export type Selector = z.infer<typeof selectorSchema>;

/** A passage of a source document (SOP or order) an entry comes from; `quote` must occur in those lines. */
export const sourceRefSchema = z
  .object({
    doc: z.enum(['sop', 'order']),
    lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    quote: z.string().min(3),
  })
  .strict();
export type SourceRef = z.infer<typeof sourceRefSchema>;
const refs = z.array(sourceRefSchema).min(1);

export const registerRiskSchema = z
  .object({
    code,
    category: code,
    title: bilingual,
    /** Every questionnaire item that speaks to the risk (yes/no, text, counts, breakdowns). */
    items: z.array(itemId),
    /** `expert_judgement`: no questionnaire item measures the risk (README: mapping); it is scored by experts only. */
    evidence: z.enum(['facts', 'expert_judgement']).optional(),
    /** For breakdown items: only these categories count (a breakdown without a selector counts its total). */
    selectors: z.array(selectorSchema).optional(),
    factors: z.array(code).optional(),
    agencyTypes: z.array(z.string()).min(1),
    /** Codes of candidate mitigation measures. */
    measures: z.array(code).min(1),
    refs: refs.optional(),
  })
  .strict();
export type RegisterRisk = z.infer<typeof registerRiskSchema>;

const factorSchema = z
  .object({
    code,
    title: bilingual,
    items: z.array(itemId),
    scope: z.enum(['internal', 'external', 'internal_external']).optional(),
    refs: refs.optional(),
  })
  .strict();
const measureSchema = z
  .object({
    code,
    source: z.enum(['s1.q3', 'sop']),
    /** measure: a mitigation measure; function: one agency's own function (SOP tables 1-13); shared_duty: a duty many agencies share. */
    kind: z.enum(['measure', 'function', 'shared_duty']).optional(),
    title: bilingual,
    items: z.array(itemId),
    agencyTypes: z.array(z.string()).min(1),
    refs: refs.optional(),
  })
  .strict();
const regionIndicatorSchema = z.object({ code, title: bilingual, items: z.array(itemId).min(1) }).strict();
/** A sign, place or mechanism of the SOP that is not scored itself but tells agencies what to look for, linked to risks. */
const linkedIndicatorSchema = z
  .object({
    code,
    family: code,
    title: bilingual,
    refs,
    risks: z.array(code).min(1),
    agencyTypes: z.array(z.string()).min(1),
  })
  .strict();
export type LinkedIndicator = z.infer<typeof linkedIndicatorSchema>;
const sourceSchema = z
  .object({ doc: z.enum(['sop', 'order']), file: z.string().regex(/^[\w.-]+\.txt$/), lines: z.number().int().min(1) })
  .strict();
export type RegionIndicator = z.infer<typeof regionIndicatorSchema>;

export const registerFileSchema = z
  .object({
    version: z.string().regex(/^[0-9]{4}-v[0-9]+$/),
    questionnaireVersion: z.string().min(1),
    status: z.enum(['draft', 'published']),
    title: bilingual,
    /** From version 2: the source documents (questionnaires/sources/) every entry's `refs` cite; then refs are required. */
    sources: z.array(sourceSchema).optional(),
    categories: z.array(z.object({ code, title: bilingual }).strict()).min(1),
    factors: z.array(factorSchema),
    measures: z.array(measureSchema),
    risks: z.array(registerRiskSchema).min(1),
    /** Indicators of the territorial ranking, computed per region. */
    regionIndicators: z.array(regionIndicatorSchema).min(1),
    indicators: z.array(linkedIndicatorSchema).optional(),
  })
  .strict();
export type RegisterFile = z.infer<typeof registerFileSchema>;

export interface RiskRegister extends RegisterFile {
  riskByCode: ReadonlyMap<string, RegisterRisk>;
  /** sha256 of the canonical parsed file: part of every ranking's input hash. */
  contentHash: string;
}

export class RiskRegisterError extends Error {
  constructor(readonly problems: string[]) {
    super(`Risk register invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RiskRegisterError';
  }
}

function unique(codes: string[], what: string, problems: string[]): Set<string> {
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) problems.push(`${what} "${c}" listed twice`);
    seen.add(c);
  }
  return seen;
}

/** Cross-checks references: items and selectors exist in the questionnaire, codes resolve, agency types exist. */
export function checkRegister(file: RegisterFile, questionnaire: LoadedVersion): string[] {
  const problems: string[] = [];
  const agencies = new Set<string>(agencyTypeCodes);
  const categories = unique(
    file.categories.map((c) => c.code),
    'category',
    problems,
  );
  const factors = unique(
    file.factors.map((f) => f.code),
    'factor',
    problems,
  );
  const measures = unique(
    file.measures.map((m) => m.code),
    'measure',
    problems,
  );
  unique(
    file.risks.map((r) => r.code),
    'risk',
    problems,
  );
  unique(
    file.regionIndicators.map((r) => r.code),
    'region indicator',
    problems,
  );
  const item = (id: string, where: string) => {
    if (!questionnaire.items.has(id)) problems.push(`${where}: item "${id}" does not exist in ${questionnaire.id}`);
  };
  const agency = (a: string, where: string) => {
    if (!agencies.has(a)) problems.push(`${where}: agency type "${a}" is not in reference.data.ts`);
  };
  for (const f of file.factors) for (const i of f.items) item(i, `factor ${f.code}`);
  for (const m of file.measures) {
    for (const i of m.items) item(i, `measure ${m.code}`);
    for (const a of m.agencyTypes) agency(a, `measure ${m.code}`);
  }
  for (const r of file.regionIndicators) for (const i of r.items) item(i, `region indicator ${r.code}`);
  const risks = new Set(file.risks.map((r) => r.code));
  unique(
    (file.indicators ?? []).map((i) => i.code),
    'indicator',
    problems,
  );
  for (const ind of file.indicators ?? []) {
    for (const r of ind.risks) if (!risks.has(r)) problems.push(`indicator ${ind.code}: risk "${r}" is not listed`);
    for (const a of ind.agencyTypes) agency(a, `indicator ${ind.code}`);
  }
  problems.push(...checkRefsShape(file));
  for (const r of file.risks) {
    const where = `risk ${r.code}`;
    const expertOnly = r.evidence === 'expert_judgement';
    if (expertOnly && r.items.length) problems.push(`${where}: evidence "expert_judgement" but items are linked`);
    if (!expertOnly && !r.items.length)
      problems.push(`${where}: no items (say evidence "expert_judgement" if no item measures it)`);
    if (!categories.has(r.category)) problems.push(`${where}: category "${r.category}" is not listed`);
    for (const i of r.items) item(i, where);
    for (const a of r.agencyTypes) agency(a, where);
    for (const f of r.factors ?? []) if (!factors.has(f)) problems.push(`${where}: factor "${f}" is not listed`);
    for (const m of r.measures) if (!measures.has(m)) problems.push(`${where}: measure "${m}" is not listed`);
    for (const s of r.selectors ?? []) {
      if (!r.items.includes(s.item)) problems.push(`${where}: selector item "${s.item}" is not among the risk's items`);
      const located = questionnaire.items.get(s.item);
      if (!located) continue;
      const it = located.item;
      if (it.kind !== 'breakdown') problems.push(`${where}: selector item "${s.item}" is not a breakdown`);
      else if (it.dimension !== s.dimension)
        problems.push(`${where}: item "${s.item}" has dimension "${it.dimension}", not "${s.dimension}"`);
      const dim = questionnaire.dimensionByCode.get(s.dimension);
      for (const c of s.categories) {
        if (c !== UNKNOWN_CATEGORY && dim && !dim.categories.some((k) => k.code === c))
          problems.push(`${where}: "${c}" is not a category of "${s.dimension}"`);
      }
    }
  }
  return problems;
}

type Referenced = { refs?: SourceRef[] };
function referencedEntries(file: RegisterFile): [string, Referenced][] {
  return [
    ...file.factors.map((f) => [`factor ${f.code}`, f] as [string, Referenced]),
    ...file.measures.map((m) => [`measure ${m.code}`, m] as [string, Referenced]),
    ...file.risks.map((r) => [`risk ${r.code}`, r] as [string, Referenced]),
    ...(file.indicators ?? []).map((i) => [`indicator ${i.code}`, i] as [string, Referenced]),
  ];
}

/** With `sources` declared (version 2 on), every entry cites a line range that exists in a declared document. */
function checkRefsShape(file: RegisterFile): string[] {
  if (!file.sources) return file.indicators ? ['indicators need "sources" (the documents their refs cite)'] : [];
  const problems: string[] = [];
  const lineCount = new Map(file.sources.map((s) => [s.doc, s.lines]));
  for (const [where, entry] of referencedEntries(file)) {
    if (!entry.refs) problems.push(`${where}: no refs (the SOP or order lines it comes from)`);
    for (const ref of entry.refs ?? []) {
      const [start, end] = ref.lines;
      const max = lineCount.get(ref.doc);
      if (max === undefined) problems.push(`${where}: cites "${ref.doc}", which is not among the sources`);
      else if (start > end || end > max)
        problems.push(`${where}: lines ${start}-${end} are outside ${ref.doc} (1-${max})`);
    }
  }
  return problems;
}

/** Every ref's quote occurs (case-insensitively) in its line range of the source text; the declared line counts match. */
export function checkSourceRefs(file: RegisterFile, texts: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const s of file.sources ?? []) {
    const lines = texts.get(s.doc);
    if (!lines) problems.push(`source ${s.doc} (${s.file}) is missing`);
    else if (lines.length !== s.lines)
      problems.push(`source ${s.doc} (${s.file}) has ${lines.length} lines, the register says ${s.lines}`);
  }
  for (const [where, entry] of referencedEntries(file)) {
    for (const ref of entry.refs ?? []) {
      const lines = texts.get(ref.doc);
      if (!lines) continue;
      const passage = lines
        .slice(ref.lines[0] - 1, ref.lines[1])
        .join('\n')
        .toLowerCase();
      if (!passage.includes(ref.quote.toLowerCase()))
        problems.push(`${where}: "${ref.quote}" is not in ${ref.doc} lines ${ref.lines[0]}-${ref.lines[1]}`);
    }
  }
  return problems;
}

/** The register's source documents as lines (trailing newline dropped), read from `root`. */
export function readSources(file: RegisterFile, root: string = defaultSourcesRoot): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const s of file.sources ?? []) {
    const path = join(root, s.file);
    if (existsSync(path)) texts.set(s.doc, readFileSync(path, 'utf8').replace(/\n$/, '').split('\n'));
  }
  return texts;
}

const cache = new Map<string, RiskRegister>();

/** Loads, validates and memoises one register version. Throws RiskRegisterError listing every problem. */
export function loadRegister(version: string, root: string = defaultRegistersRoot): RiskRegister {
  const path = join(resolve(root), `${version}.json`);
  const hit = cache.get(path);
  if (hit) return hit;
  if (!/^[0-9]{4}-v[0-9]+$/.test(version) || !existsSync(path))
    throw new RiskRegisterError([`risk register "${version}" does not exist`]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RiskRegisterError([`${version}.json: not valid JSON (${(e as Error).message})`]);
  }
  const parsed = registerFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new RiskRegisterError(parsed.error.issues.map((i) => `${version}.json: ${i.path.join('.')}: ${i.message}`));
  const file = parsed.data;
  const problems =
    file.version === version ? [] : [`${version}.json: version "${file.version}" differs from the file name`];
  problems.push(...checkRegister(file, getVersion(file.questionnaireVersion)));
  if (file.sources) problems.push(...checkSourceRefs(file, readSources(file)));
  if (problems.length) throw new RiskRegisterError(problems);
  const register: RiskRegister = Object.freeze({
    ...file,
    riskByCode: new Map(file.risks.map((r) => [r.code, r])),
    contentHash: createHash('sha256').update(canonicalJson(file), 'utf8').digest('hex'),
  });
  cache.set(path, register);
  return register;
}

/** Register versions present on disk (file names), sorted. */
export function listRegisters(root: string = defaultRegistersRoot): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => /^[0-9]{4}-v[0-9]+\.json$/.test(n))
    .map((n) => n.slice(0, -5))
    .sort();
}

/** Whether the version exists and is valid (an invalid file still throws: that is a deployment error). */
export function registerExists(version: string, root?: string): boolean {
  return listRegisters(root).includes(version);
}
