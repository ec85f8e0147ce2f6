// Chapter 1's sections on the cycle around the analysis: the specialists and institutions drawn
// into it (Rules §16), and what the subjects did on the previous assessment's recommendations
// (Rules §19: the results are used in the action plan). Texts: reports/cycle-texts.json.
import { readFileSync } from 'node:fs';
import type { Bilingual, Lang } from '../../shared/lang.js';
import type { CycleSection, ReportTable } from '../report.view-model.js';
import { fill } from '../texts.js';
import type { AssessmentInput } from './inputs.js';
import type { Labels } from './labels.js';

const statuses = ['done', 'in_progress', 'not_started', 'not_applicable'] as const;
const kinds = ['specialist', 'scientific_institution', 'researcher', 'ngo', 'international_organisation'] as const;

interface CycleTexts {
  participantsHeading: string;
  participantsIntro: string;
  participantsCaption: string;
  kind: string;
  name: string;
  field: string;
  organisation: string;
  contribution: string;
  kinds: Record<(typeof kinds)[number], string>;
  followUpHeading: string;
  followUpIntro: string;
  followUpCaption: string;
  agency: string;
  action: string;
  subjects: string;
  statuses: Record<(typeof statuses)[number], string>;
  followUpNote: string;
}

let cached: Record<Lang, CycleTexts> | undefined;
function texts(lang: Lang): CycleTexts {
  cached ??= JSON.parse(readFileSync(new URL('../../../reports/cycle-texts.json', import.meta.url), 'utf8'));
  return cached![lang];
}

export interface ParticipantInput {
  kind: string;
  name: string;
  field: string;
  organisation: string | null;
  contribution: string;
}

export interface FollowUpInput {
  previous: { startYear: number; endYear: number };
  actions: { agencyType: string; text: Bilingual; subjects: number; counts: Record<string, number> }[];
}

function participants(list: ParticipantInput[], t: CycleTexts): CycleSection {
  const table: ReportTable = {
    id: 'participants',
    caption: t.participantsCaption,
    columns: [
      { key: 'kind', label: t.kind, align: 'left', width: 1.5 },
      { key: 'name', label: t.name, align: 'left', width: 2 },
      { key: 'field', label: t.field, align: 'left', width: 1.3 },
      { key: 'organisation', label: t.organisation, align: 'left', width: 1.5 },
      { key: 'contribution', label: t.contribution, align: 'left', width: 2.5 },
    ],
    rows: list.map((p) => [
      t.kinds[p.kind as (typeof kinds)[number]] ?? p.kind,
      p.name,
      p.field,
      p.organisation ?? '',
      p.contribution,
    ]),
    rowCodes: list.map((p) => p.kind),
  };
  return { key: 'participants', heading: t.participantsHeading, paragraphs: [t.participantsIntro], table };
}

function followUp(f: FollowUpInput, t: CycleTexts, lang: Lang, labels: Labels): CycleSection {
  const table: ReportTable = {
    id: 'follow_up',
    caption: t.followUpCaption,
    columns: [
      { key: 'agency', label: t.agency, align: 'left', width: 1.6 },
      { key: 'action', label: t.action, align: 'left', width: 2.6 },
      ...statuses.map((s) => ({
        key: s,
        label: t.statuses[s],
        align: 'right' as const,
        format: 'integer' as const,
        width: 1.35,
      })),
      { key: 'subjects', label: t.subjects, align: 'right', format: 'integer', width: 1.2 },
    ],
    rows: f.actions.map((a) => [
      labels.agency(a.agencyType).name,
      a.text[lang],
      ...statuses.map((s) => a.counts[s] ?? 0),
      a.subjects,
    ]),
    rowCodes: f.actions.map((a) => a.agencyType),
    note: t.followUpNote,
  };
  return {
    key: 'followUp',
    heading: t.followUpHeading,
    paragraphs: [fill(t.followUpIntro, { from: f.previous.startYear, to: f.previous.endYear })],
    table,
  };
}

/** The sections present: a section without data is left out, not printed empty. */
export function buildCycleSections(input: AssessmentInput, lang: Lang, labels: Labels): CycleSection[] {
  const t = texts(lang);
  return [
    ...(input.participants?.length ? [participants(input.participants, t)] : []),
    ...(input.followUp?.actions.length ? [followUp(input.followUp, t, lang, labels)] : []),
  ];
}
