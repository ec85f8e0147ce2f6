// Loads questionnaire versions from disk (questionnaires/<version>/), parses them with
// the model schemas, cross-checks references between files and computes a content hash.
// Loaded versions are immutable (deep-frozen) and memoised per root directory.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { agencyTypeCodes } from '../reference.js';
import {
  UNKNOWN_CATEGORY,
  dimension as dimensionSchema,
  manifest as manifestSchema,
  section as sectionSchema,
  type Dimension,
  type Item,
  type Manifest,
  type Question,
  type Rule,
  type Section,
} from './model.js';

/** `questionnaires/` at the repository root, independent of the process cwd. */
export const defaultQuestionnairesRoot = fileURLToPath(new URL('../../../questionnaires/', import.meta.url));

/** dimensions.json: a list of dimensions, or `{ "dimensions": [...] }`. */
export const dimensionsFile = z.union([
  z.array(dimensionSchema),
  z
    .object({ dimensions: z.array(dimensionSchema) })
    .strict()
    .transform((f) => f.dimensions),
]);

export interface LocatedItem {
  item: Item;
  question: Question;
  section: Section;
}

export interface LoadedVersion {
  id: string;
  dir: string;
  manifest: Manifest;
  /** In file order. */
  dimensions: readonly Dimension[];
  dimensionByCode: ReadonlyMap<string, Dimension>;
  /** In manifest order. */
  sections: readonly Section[];
  sectionByNumber: ReadonlyMap<number, Section>;
  /** Every item of the version by id. */
  items: ReadonlyMap<string, LocatedItem>;
  /** Rules of every section, in section order. */
  rules: readonly Rule[];
  /** sha256 (hex) of the canonical serialisation of the parsed files. */
  contentHash: string;
}

export class QuestionnaireLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Questionnaire data invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'QuestionnaireLoadError';
  }
}

/** JSON with object keys sorted recursively; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function computeContentHash(parts: {
  manifest: Manifest;
  dimensions: readonly Dimension[];
  sections: readonly Section[];
}): string {
  const canonical = canonicalJson({ manifest: parts.manifest, dimensions: parts.dimensions, sections: parts.sections });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

function formatZodIssues(where: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${where}: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
}

function readJson(path: string, where: string, problems: string[]): unknown {
  if (!existsSync(path)) {
    problems.push(`${where}: file not found`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push(`${where}: not valid JSON (${(e as Error).message})`);
    return undefined;
  }
}

/** Parses and cross-checks one version folder. Problems are appended; returns undefined when any occurred. */
export function loadVersionDir(dir: string, versionId: string, problems: string[]): LoadedVersion | undefined {
  const before = problems.length;
  const rawManifest = readJson(join(dir, 'manifest.json'), `${versionId}/manifest.json`, problems);
  if (rawManifest === undefined) return undefined;
  const m = manifestSchema.safeParse(rawManifest);
  if (!m.success) {
    problems.push(...formatZodIssues(`${versionId}/manifest.json`, m.error));
    return undefined;
  }
  const manifest = m.data;
  if (manifest.id !== versionId)
    problems.push(`${versionId}/manifest.json: id "${manifest.id}" differs from the folder name`);

  let dimensions: Dimension[] = [];
  const rawDims = readJson(join(dir, manifest.dimensions), `${versionId}/${manifest.dimensions}`, problems);
  if (rawDims !== undefined) {
    const d = dimensionsFile.safeParse(rawDims);
    if (d.success) dimensions = d.data;
    else problems.push(...formatZodIssues(`${versionId}/${manifest.dimensions}`, d.error));
  }

  const sections: Section[] = [];
  for (const file of manifest.sections) {
    const raw = readJson(join(dir, file), `${versionId}/${file}`, problems);
    if (raw === undefined) continue;
    const s = sectionSchema.safeParse(raw);
    if (s.success) sections.push(s.data);
    else problems.push(...formatZodIssues(`${versionId}/${file}`, s.error));
  }
  const listed = new Set(manifest.sections.map((f) => resolve(dir, f)));
  const sectionsDir = join(dir, 'sections');
  if (existsSync(sectionsDir)) {
    for (const f of readdirSync(sectionsDir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      if (!listed.has(resolve(sectionsDir, f)))
        problems.push(`${versionId}/sections/${f}: not listed in manifest.sections`);
    }
  }

  const version = crossCheck(versionId, dir, manifest, dimensions, sections, problems);
  return problems.length === before ? version : undefined;
}

function crossCheck(
  versionId: string,
  dir: string,
  manifest: Manifest,
  dimensions: Dimension[],
  sections: Section[],
  problems: string[],
): LoadedVersion {
  const p = (msg: string) => problems.push(`${versionId}: ${msg}`);

  const dimensionByCode = new Map<string, Dimension>();
  for (const d of dimensions) {
    if (dimensionByCode.has(d.code)) p(`dimension "${d.code}" defined twice`);
    dimensionByCode.set(d.code, d);
    const seen = new Set<string>();
    for (const c of d.categories) {
      if (c.code === UNKNOWN_CATEGORY || c.code === 'total')
        p(`dimension "${d.code}": category code "${c.code}" is reserved`);
      if (seen.has(c.code)) p(`dimension "${d.code}": category "${c.code}" listed twice`);
      seen.add(c.code);
    }
  }

  const sectionByNumber = new Map<number, Section>();
  const items = new Map<string, LocatedItem>();
  const questionIds = new Set<string>();
  for (const s of sections) {
    if (s.id !== `s${s.number}`) p(`section ${s.number}: id "${s.id}" should be "s${s.number}"`);
    if (sectionByNumber.has(s.number)) p(`section ${s.number} defined twice`);
    sectionByNumber.set(s.number, s);
    for (const q of s.questions) {
      if (!q.id.startsWith(`${s.id}.`)) p(`question "${q.id}" is not under section "${s.id}"`);
      if (questionIds.has(q.id)) p(`question id "${q.id}" used twice`);
      questionIds.add(q.id);
      for (const it of q.items) {
        if (it.id !== q.id && !it.id.startsWith(`${q.id}.`)) p(`item "${it.id}" is not under question "${q.id}"`);
        if (items.has(it.id)) p(`item id "${it.id}" used twice`);
        items.set(it.id, { item: it, question: q, section: s });
        checkItemDimensions(it, dimensionByCode, p);
      }
    }
  }

  const rules: Rule[] = sections.flatMap((s) => s.rules);
  const ruleIds = new Set<string>();
  for (const s of sections) {
    for (const r of s.rules) {
      if (ruleIds.has(r.id)) p(`rule id "${r.id}" used twice`);
      ruleIds.add(r.id);
      for (const o of [...r.left, ...r.right]) {
        const located = items.get(o.item);
        if (!located) p(`rule "${r.id}" (section ${s.number}): operand item "${o.item}" does not exist`);
        else {
          const err = operandPartError(located.item, o.part, dimensionByCode);
          if (err)
            p(`rule "${r.id}" (section ${s.number}): operand "${o.item}"${o.part ? ` part "${o.part}"` : ''}: ${err}`);
        }
      }
    }
  }

  const known = new Set<string>(agencyTypeCodes);
  for (const code of agencyTypeCodes) {
    if (!(code in manifest.respondents)) p(`manifest.respondents: agency type "${code}" is not mapped`);
  }
  for (const [code, nums] of Object.entries(manifest.respondents)) {
    if (!known.has(code)) p(`manifest.respondents: "${code}" is not an agency type code of reference.data.ts`);
    for (const n of nums) if (!sectionByNumber.has(n)) p(`manifest.respondents.${code}: section ${n} does not exist`);
  }
  if (!sectionByNumber.has(1)) p('section 1 (answered by everyone) is missing');

  const reasons = new Set<string>();
  for (const r of manifest.missingReasons) {
    if (reasons.has(r.code)) p(`missing reason "${r.code}" listed twice`);
    reasons.add(r.code);
  }

  return {
    id: versionId,
    dir,
    manifest,
    dimensions,
    dimensionByCode,
    sections,
    sectionByNumber,
    items,
    rules,
    contentHash: computeContentHash({ manifest, dimensions, sections }),
  };
}

function checkItemDimensions(it: Item, dims: Map<string, Dimension>, p: (m: string) => void): void {
  if (it.kind === 'breakdown' && !dims.has(it.dimension))
    p(`item "${it.id}": dimension "${it.dimension}" does not exist`);
  if (it.kind === 'table') {
    const cols = new Set<string>();
    for (const c of it.columns) {
      if (cols.has(c.id)) p(`item "${it.id}": column "${c.id}" listed twice`);
      cols.add(c.id);
      if (c.kind === 'choice' && !dims.has(c.dimension))
        p(`item "${it.id}" column "${c.id}": dimension "${c.dimension}" does not exist`);
    }
  }
}

/** Why `part` is not a valid operand part for the item, or undefined when it is. */
export function operandPartError(
  it: Item,
  part: string | undefined,
  dims: ReadonlyMap<string, Dimension>,
): string | undefined {
  switch (it.kind) {
    case 'count':
    case 'amount':
      return part === undefined ? undefined : `a ${it.kind} item takes no part`;
    case 'breakdown': {
      if (part === undefined || part === 'total' || part === UNKNOWN_CATEGORY) return undefined;
      const d = dims.get(it.dimension);
      return d && !d.categories.some((c) => c.code === part)
        ? `not a category of dimension "${it.dimension}"`
        : undefined;
    }
    case 'table': {
      const col = part?.startsWith('column:') ? it.columns.find((c) => c.id === part.slice(7)) : undefined;
      if (!col) return 'a table operand needs part "column:<id>" naming one of its columns';
      return col.kind === 'count' || col.kind === 'amount' ? undefined : `column "${col.id}" is not numeric`;
    }
    default:
      return `a ${it.kind} item cannot be a rule operand`;
  }
}

const cache = new Map<string, ReadonlyMap<string, LoadedVersion>>();

/** Every version folder under `root` (a folder holding manifest.json). Throws one error listing every problem. */
export function loadQuestionnaires(root: string = defaultQuestionnairesRoot): ReadonlyMap<string, LoadedVersion> {
  const key = resolve(root);
  const hit = cache.get(key);
  if (hit) return hit;
  if (!existsSync(key)) throw new QuestionnaireLoadError([`questionnaire root "${key}" does not exist`]);
  const problems: string[] = [];
  const versions = new Map<string, LoadedVersion>();
  for (const name of readdirSync(key).sort()) {
    const dir = join(key, name);
    if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'manifest.json'))) continue;
    const v = loadVersionDir(dir, name, problems);
    if (v) versions.set(name, deepFreeze(v));
  }
  if (problems.length) throw new QuestionnaireLoadError(problems);
  cache.set(key, versions);
  return versions;
}

export function getVersion(versionId: string, root?: string): LoadedVersion {
  const v = loadQuestionnaires(root).get(versionId);
  if (!v) throw new Error(`Unknown questionnaire version "${versionId}"`);
  return v;
}

export function listVersions(root?: string): string[] {
  return [...loadQuestionnaires(root).keys()];
}

/** For tests and tooling: forget memoised versions (and everything compiled from them). */
export function clearQuestionnaireCache(): void {
  cache.clear();
  for (const fn of clearHooks) fn();
}

const clearHooks: Array<() => void> = [];
/** Lets dependent caches (forms, validators) drop their entries when the loader cache is cleared. */
export function onQuestionnaireCacheClear(fn: () => void): void {
  clearHooks.push(fn);
}
