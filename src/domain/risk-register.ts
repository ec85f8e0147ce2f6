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

const code = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
const itemId = z.string().regex(itemIdPattern);

/** Facts of one breakdown item restricted to some categories of its dimension. */
export const selectorSchema = z.object({ item: itemId, dimension: code, categories: z.array(code).min(1) }).strict();
export type Selector = z.infer<typeof selectorSchema>;

export const registerRiskSchema = z
  .object({
    code,
    category: code,
    title: bilingual,
    /** Every questionnaire item that speaks to the risk (yes/no, text, counts, breakdowns). */
    items: z.array(itemId).min(1),
    /** For breakdown items: only these categories count (a breakdown without a selector counts its total). */
    selectors: z.array(selectorSchema).optional(),
    factors: z.array(code).optional(),
    agencyTypes: z.array(z.string()).min(1),
    /** Codes of candidate mitigation measures. */
    measures: z.array(code).min(1),
  })
  .strict();
export type RegisterRisk = z.infer<typeof registerRiskSchema>;

const factorSchema = z.object({ code, title: bilingual, items: z.array(itemId) }).strict();
const measureSchema = z
  .object({ code, source: z.enum(['s1.q3', 'sop']), title: bilingual, items: z.array(itemId), agencyTypes: z.array(z.string()).min(1) })
  .strict();
const regionIndicatorSchema = z.object({ code, title: bilingual, items: z.array(itemId).min(1) }).strict();
export type RegionIndicator = z.infer<typeof regionIndicatorSchema>;

export const registerFileSchema = z
  .object({
    version: z.string().regex(/^[0-9]{4}-v[0-9]+$/),
    questionnaireVersion: z.string().min(1),
    status: z.enum(['draft', 'published']),
    title: bilingual,
    categories: z.array(z.object({ code, title: bilingual }).strict()).min(1),
    factors: z.array(factorSchema),
    measures: z.array(measureSchema),
    risks: z.array(registerRiskSchema).min(1),
    /** Indicators of the territorial ranking, computed per region. */
    regionIndicators: z.array(regionIndicatorSchema).min(1),
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
  const categories = unique(file.categories.map((c) => c.code), 'category', problems);
  const factors = unique(file.factors.map((f) => f.code), 'factor', problems);
  const measures = unique(file.measures.map((m) => m.code), 'measure', problems);
  unique(file.risks.map((r) => r.code), 'risk', problems);
  unique(file.regionIndicators.map((r) => r.code), 'region indicator', problems);
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
  for (const r of file.risks) {
    const where = `risk ${r.code}`;
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
      else if (it.dimension !== s.dimension) problems.push(`${where}: item "${s.item}" has dimension "${it.dimension}", not "${s.dimension}"`);
      const dim = questionnaire.dimensionByCode.get(s.dimension);
      for (const c of s.categories) {
        if (c !== UNKNOWN_CATEGORY && dim && !dim.categories.some((k) => k.code === c)) problems.push(`${where}: "${c}" is not a category of "${s.dimension}"`);
      }
    }
  }
  return problems;
}

const cache = new Map<string, RiskRegister>();

/** Loads, validates and memoises one register version. Throws RiskRegisterError listing every problem. */
export function loadRegister(version: string, root: string = defaultRegistersRoot): RiskRegister {
  const path = join(resolve(root), `${version}.json`);
  const hit = cache.get(path);
  if (hit) return hit;
  if (!/^[0-9]{4}-v[0-9]+$/.test(version) || !existsSync(path)) throw new RiskRegisterError([`risk register "${version}" does not exist`]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RiskRegisterError([`${version}.json: not valid JSON (${(e as Error).message})`]);
  }
  const parsed = registerFileSchema.safeParse(raw);
  if (!parsed.success) throw new RiskRegisterError(parsed.error.issues.map((i) => `${version}.json: ${i.path.join('.')}: ${i.message}`));
  const file = parsed.data;
  const problems = file.version === version ? [] : [`${version}.json: version "${file.version}" differs from the file name`];
  problems.push(...checkRegister(file, getVersion(file.questionnaireVersion)));
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
