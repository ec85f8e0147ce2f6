// The SOP's part of every risk profile (reports/sop-profiles.json, keyed by agency type code):
// the agency's functions by direction (SOP tables 1-13), whether its profile concerns minors
// (questionnaire items or SOP lines that say so), the three elements and the referral path
// (whom it refers to, who refers to it), each with the SOP lines it comes from. Validated with
// zod and read once; the test checks every quote against the SOP and every item against the form.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang } from '../shared/lang.js';
import { agencyTypeCodes, agencyTypes, legacyAgencyTypeCodes, type AgencyTypeCode } from '../domain/reference.js';
import type { IndicatorGroup, ProfileSop } from './report.view-model.js';

const text = z.string().min(1);
const bilingual = { ru: text, kk: text };
const sopRef = { lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]), quote: text };
const agencyCode = z.enum(agencyTypeCodes as [AgencyTypeCode, ...AgencyTypeCode[]]);
const direction = z.enum(['cooperation', 'prevention', 'detection', 'protection']);

const fn = z.union([
  z.object({ shared: text, ...sopRef }).strict(),
  z.object({ direction, ...bilingual, ...sopRef }).strict(),
]);

const schema = z
  .object({
    description: text,
    kkIsTranslation: z.literal(true),
    directions: z.record(direction, z.object({ ...bilingual, ...sopRef }).strict()),
    sharedFunctions: z.record(text, z.object({ direction, ...bilingual }).strict()),
    threeElements: z
      .object({
        intro: z.object({ ...bilingual, ...sopRef }).strict(),
        elements: z
          .array(z.object({ code: text, title: z.object(bilingual).strict(), ...bilingual, ...sopRef }).strict())
          .length(3),
      })
      .strict(),
    referral: z.array(
      z
        .object({
          code: text,
          from: z.union([z.literal('all'), z.array(agencyCode).min(1)]),
          exceptFrom: z.array(agencyCode),
          to: z.array(agencyCode),
          minors: z.boolean().optional(),
          ...bilingual,
          ...sopRef,
        })
        .strict(),
    ),
    agencies: z.record(
      text,
      z
        .object({
          sop: z.object(sopRef).strict().optional(),
          sopNote: z.object(bilingual).strict().optional(),
          functions: z.array(fn).min(1),
          minors: z.array(
            z.union([z.object({ item: text }).strict(), z.object({ sop: z.object(sopRef).strict() }).strict()]),
          ),
        })
        .strict()
        .refine((a) => (a.sop === undefined) !== (a.sopNote === undefined), 'an agency has its SOP table or a note'),
    ),
  })
  .strict()
  .superRefine((d, ctx) => {
    for (const [code, a] of Object.entries(d.agencies))
      for (const f of a.functions)
        if ('shared' in f && !(f.shared in d.sharedFunctions))
          ctx.addIssue({ code: 'custom', message: `${code}: unknown shared function ${f.shared}` });
  });
export type SopProfiles = z.infer<typeof schema>;
export type SopProfileEntry = SopProfiles['agencies'][string];

let cache: SopProfiles | undefined;

export function loadSopProfiles(): SopProfiles {
  cache ??= schema.parse(JSON.parse(readFileSync(new URL('../../reports/sop-profiles.json', import.meta.url), 'utf8')));
  return cache;
}

function entryOf(code: AgencyTypeCode): SopProfileEntry {
  const entry = loadSopProfiles().agencies[code];
  // A new agency type (reference.ts) needs its entry in reports/sop-profiles.json.
  if (!entry) throw new Error(`reports/sop-profiles.json has no profile for agency type ${code}`);
  return entry;
}

/** The profile concerns minors when some item of the agency's form or some SOP line about it does. */
export const concernsMinors = (code: AgencyTypeCode): boolean => entryOf(code).minors.length > 0;

const linesLabel = (lang: Lang, [a, b]: readonly [number, number]) => {
  const range = a === b ? String(a) : `${a}–${b}`;
  return lang === 'kk' ? `СОР, ${range}-жол` : `СОП, стр. ${range}`;
};
const cite = (lang: Lang, s: string, lines: readonly [number, number]) => `${s} (${linesLabel(lang, lines)})`;

/** "s12.q1.sites_blocked_by_category" -> "12.1": the question's number as the order prints it. */
const questionNumber = (itemId: string) => itemId.replace(/^s(\d+)\.q(\d+).*$/, '$1.$2');

const agencyName = (code: AgencyTypeCode, lang: Lang) => agencyTypes.find((a) => a.code === code)!.name[lang];

const words = {
  allSubjects: {
    ru: 'Все субъекты противодействия торговле людьми',
    kk: 'Адам саудасына қарсы іс-қимылдың барлық субъектілері',
  },
  to: { ru: 'Кому', kk: 'Кімге' },
  nobodyRefers: {
    ru: 'По СОП другие субъекты не перенаправляют к этому субъекту потенциальных жертв; он информирует и перенаправляет сам (см. выше).',
    kk: 'СОР бойынша басқа субъектілер бұл субъектіге әлеуетті құрбандарды қайта бағыттамайды; ол өзі хабардар етеді және қайта бағыттайды (жоғарыда қараңыз).',
  },
  minors: {
    ru: 'Группы риска, места выявления и признаки, касающиеся несовершеннолетних, включены в профиль, потому что их касаются',
    kk: 'Кәмелетке толмағандарға қатысты тәуекел топтары, анықтау орындары және белгілер профильге енгізілді, себебі оларға мыналар қатысты',
  },
  questions: { ru: 'вопросы опросника', kk: 'сауалнаманың сұрақтары' },
  noMinors: {
    ru: 'Ни вопросы опросника этого субъекта, ни его функции по СОП не касаются несовершеннолетних: группы риска несовершеннолетних в профиль не включены.',
    kk: 'Бұл субъектінің сауалнама сұрақтары да, СОР бойынша функциялары да кәмелетке толмағандарға қатысты емес: кәмелетке толмағандардың тәуекел топтары профильге енгізілмеді.',
  },
} as const;

function minorsBasis(entry: SopProfileEntry, lang: Lang): string {
  if (!entry.minors.length) return words.noMinors[lang];
  const items = [...new Set(entry.minors.flatMap((m) => ('item' in m ? [questionNumber(m.item)] : [])))];
  const lines = entry.minors.flatMap((m) => ('sop' in m ? [linesLabel(lang, m.sop.lines)] : []));
  const parts = [...(items.length ? [`${words.questions[lang]} ${items.join(', ')}`] : []), ...lines];
  return `${words.minors[lang]}: ${parts.join('; ')}.`;
}

/** The SOP's part of one agency type's profile, in one language. */
export function sopProfile(code: AgencyTypeCode, lang: Lang): ProfileSop {
  const data = loadSopProfiles();
  const entry = entryOf(code);
  const functions: IndicatorGroup[] = Object.entries(data.directions)
    .map(([dir, d]) => ({
      title: d[lang],
      items: entry.functions.flatMap((f) => {
        const body = 'shared' in f ? data.sharedFunctions[f.shared]! : f;
        return body.direction === dir ? [cite(lang, body[lang], f.lines)] : [];
      }),
    }))
    .filter((g) => g.items.length > 0);

  const from = (s: SopProfiles['referral'][number]) =>
    s.from === 'all' ? !s.exceptFrom.includes(code) : s.from.includes(code);
  const refersTo = data.referral.filter(from).map((s) => {
    // A legacy type (the undivided local executive body) is named only in its own profile: the others name the levels.
    const named = (t: AgencyTypeCode) =>
      t !== code && (!legacyAgencyTypeCodes.includes(t) || legacyAgencyTypeCodes.includes(code));
    const targets = s.to.filter(named).map((t) => agencyName(t, lang));
    return cite(lang, targets.length ? `${s[lang]} ${words.to[lang]}: ${targets.join('; ')}.` : s[lang], s.lines);
  });
  const referredBy = data.referral
    .filter((s) => s.to.includes(code) && !(s.from !== 'all' && s.from.length === 1 && s.from[0] === code))
    .map((s) => {
      const who = s.from === 'all' ? words.allSubjects[lang] : s.from.map((f) => agencyName(f, lang)).join('; ');
      return cite(lang, `${who}: ${s[lang]}`, s.lines);
    });
  const three = data.threeElements;
  return {
    functions,
    ...(entry.sopNote ? { functionsNote: entry.sopNote[lang] } : {}),
    ...(entry.sop ? { functionsSource: linesLabel(lang, entry.sop.lines) } : {}),
    minorsBasis: minorsBasis(entry, lang),
    threeElements: {
      // "... include a combination of three elements (SOP, p. 404):" -- the citation before the colon.
      title: `${cite(lang, three.intro[lang].replace(/:$/, ''), three.intro.lines)}:`,
      items: three.elements.map((e) => cite(lang, `${e.title[lang]}: ${e[lang]}`, e.lines)),
    },
    refersTo,
    referredBy: referredBy.length ? referredBy : [words.nobodyRefers[lang]],
  };
}
