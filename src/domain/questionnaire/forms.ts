// The form an agency type answers in a version: section 1 plus its mapped sections,
// an item index, and a localised projection for clients.
import type { Dimension, Item, Manifest, Rule, Section } from './model.js';
import type { Bilingual, Lang } from '../../shared/lang.js';
import { getVersion, onQuestionnaireCacheClear, type LoadedVersion, type LocatedItem } from './loader.js';
import { breakdownParents } from './skip.js';

export interface Form {
  versionId: string;
  agencyType: string;
  version: LoadedVersion;
  /** Section numbers in form order (1 first, then manifest order). */
  sectionNumbers: readonly number[];
  sections: readonly Section[];
  /** Items in form order. */
  items: readonly Item[];
  index: ReadonlyMap<string, LocatedItem>;
  /** Version rules whose operands all belong to this form. */
  rules: readonly Rule[];
  dimensionByCode: ReadonlyMap<string, Dimension>;
  missingReasons: Manifest['missingReasons'];
  /** Breakdown item -> the figure it breaks down (skip logic, see skip.ts). */
  breakdownOf: ReadonlyMap<string, string>;
}

export class UnknownAgencyTypeError extends Error {
  constructor(
    readonly versionId: string,
    readonly agencyType: string,
  ) {
    super(`Agency type "${agencyType}" has no respondent mapping in questionnaire version "${versionId}"`);
    this.name = 'UnknownAgencyTypeError';
  }
}

/** Section numbers an agency type answers: 1, then its mapped sections in manifest order. */
export function sectionNumbersFor(version: LoadedVersion, agencyType: string): number[] {
  const mapped = Object.hasOwn(version.manifest.respondents, agencyType)
    ? version.manifest.respondents[agencyType]
    : undefined;
  if (!mapped) throw new UnknownAgencyTypeError(version.id, agencyType);
  const wanted = new Set([1, ...mapped]);
  return version.sections
    .map((s) => s.number)
    .filter((n) => wanted.has(n))
    .sort((a, b) => (a === 1 ? -1 : b === 1 ? 1 : 0));
}

export function buildForm(version: LoadedVersion, agencyType: string): Form {
  const sectionNumbers = sectionNumbersFor(version, agencyType);
  const sections = sectionNumbers.map((n) => version.sectionByNumber.get(n)!);
  const index = new Map<string, LocatedItem>();
  const items: Item[] = [];
  for (const section of sections)
    for (const question of section.questions)
      for (const item of question.items) {
        index.set(item.id, { item, question, section });
        items.push(item);
      }
  const rules = version.rules.filter((r) => [...r.left, ...r.right].every((o) => index.has(o.item)));
  return {
    versionId: version.id,
    agencyType,
    version,
    sectionNumbers,
    sections,
    items,
    index,
    rules,
    dimensionByCode: version.dimensionByCode,
    missingReasons: version.manifest.missingReasons,
    breakdownOf: breakdownParents(rules, index),
  };
}

const formCache = new Map<string, Form>();
onQuestionnaireCacheClear(() => formCache.clear());

/** Memoised form of (version, agency type), loaded from `root` (default: the repo's questionnaires/). */
export function getForm(versionId: string, agencyType: string, root?: string): Form {
  const key = `${root ?? ''}\u0000${versionId}\u0000${agencyType}`;
  let form = formCache.get(key);
  if (!form) {
    form = buildForm(getVersion(versionId, root), agencyType);
    formCache.set(key, form);
  }
  return form;
}

/** Replaces every bilingual text by the chosen language's string. */
export type Localized<T> = T extends Bilingual
  ? string
  : T extends readonly (infer U)[]
    ? Localized<U>[]
    : T extends object
      ? { [K in keyof T]: Localized<T[K]> }
      : T;

function isBilingual(v: unknown): v is Bilingual {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && typeof (v as Bilingual).kk === 'string' && typeof (v as Bilingual).ru === 'string';
}

export function localize<T>(value: T, lang: Lang): Localized<T> {
  if (isBilingual(value)) return value[lang] as Localized<T>;
  if (Array.isArray(value)) return value.map((v) => localize(v, lang)) as Localized<T>;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = localize(v, lang);
    return out as Localized<T>;
  }
  return value as Localized<T>;
}

/** JSON-ready view of a form for clients. */
export interface FormView {
  versionId: string;
  agencyType: string;
  contentHash: string;
  title: Bilingual;
  sections: readonly Section[];
  /** Dimensions used by the form's items. */
  dimensions: readonly Dimension[];
  missingReasons: Manifest['missingReasons'];
  /** Breakdown item -> the figure it breaks down: not demanded while that figure is explained. */
  breakdownOf: Record<string, string>;
}

export function formView(form: Form): FormView;
export function formView(form: Form, lang: Lang): Localized<FormView>;
export function formView(form: Form, lang?: Lang): FormView | Localized<FormView>;
export function formView(form: Form, lang?: Lang): FormView | Localized<FormView> {
  const used = new Set<string>();
  for (const it of form.items) {
    if (it.kind === 'breakdown') used.add(it.dimension);
    if (it.kind === 'table') for (const c of it.columns) if (c.kind === 'choice') used.add(c.dimension);
  }
  const view: FormView = {
    versionId: form.versionId,
    agencyType: form.agencyType,
    contentHash: form.version.contentHash,
    title: form.version.manifest.title,
    sections: form.sections,
    dimensions: form.version.dimensions.filter((d) => used.has(d.code)),
    missingReasons: form.missingReasons,
    breakdownOf: Object.fromEntries(form.breakdownOf),
  };
  return lang ? localize(view, lang) : view;
}
