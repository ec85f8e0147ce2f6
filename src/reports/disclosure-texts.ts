// Texts of the disclosure control (secondary mark, table note, methodology annex) in kk
// and ru, kept as data in reports/disclosure.json.
import { readFileSync } from 'node:fs';
import type { Bilingual, Lang } from '../shared/lang.js';
import type { DisclosureSummary } from './report.view-model.js';
import { fill } from './texts.js';

interface DisclosureTexts {
  secondaryMark: string;
  note: Bilingual;
  annexTitle: Bilingual;
  annexText: { kk: string[]; ru: string[] };
}

let cache: DisclosureTexts | undefined;

function texts(): DisclosureTexts {
  cache ??= JSON.parse(
    readFileSync(new URL('../../reports/disclosure.json', import.meta.url), 'utf8'),
  ) as DisclosureTexts;
  return cache;
}

/** Mark of a secondary (complementary) hidden cell. */
export const secondaryMark = (): string => texts().secondaryMark;

const values = (threshold: number, label: string) => ({
  max: threshold - 1,
  threshold,
  label,
  secondary: secondaryMark(),
});

/** The footnote of tables with person counts. */
export function disclosureNote(lang: Lang, threshold: number, label: string): string {
  return fill(texts().note[lang], values(threshold, label));
}

export function disclosureAnnex(
  lang: Lang,
  threshold: number,
  label: string,
  s: DisclosureSummary,
): { title: string; paragraphs: string[] } {
  const v = {
    ...values(threshold, label),
    primary: s.primary,
    secondaryCount: s.secondary,
    exposed: s.exposed,
    seconds: (s.ms / 1000).toFixed(1).replace('.', ','),
  };
  return { title: texts().annexTitle[lang], paragraphs: texts().annexText[lang].map((p) => fill(p, v)) };
}
