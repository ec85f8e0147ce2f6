// Types of a submission content (questionnaires/answers.md). Validation takes `unknown`; these
// types describe well-formed content for producers (synthetic data, imports).

export type YesNoValue = { answer: 'yes' | 'no'; description?: string };
export type BreakdownValue = { total: number; byCategory: Record<string, number> };
export type TableRow = Record<string, number | string>;
export type EntityValue = { name: string; country?: string; note?: string };
export type AnswerValue = YesNoValue | string | number | BreakdownValue | TableRow[] | EntityValue[];

export type AnswerEntry = { value: AnswerValue } | { missingReason: string; missingComment?: string };

export interface SubmissionContent {
  answers: Record<string, AnswerEntry>;
}

/** Content as stored with a revision: drafts are well-formed per item but may be partial. */
export interface StoredContent {
  answers: Record<string, unknown>;
}
