import { z } from 'zod';
import { text } from '../../shared/text.js';
import { narrativeChapters } from '../../reports/build/narrative-keys.js';

export const assessmentIdParams = z.object({ id: z.uuid() });
export const chapterParams = z.object({ id: z.uuid(), chapter: text(100).min(1) });
export const fileParams = z.object({ id: z.uuid(), name: z.string().regex(/^[a-z0-9_.-]{1,100}$/) });
export const previewQuery = z.object({ lang: z.enum(['kk', 'ru']).default('ru') });

export const narrativeBody = z
  .object({
    textKk: text(100_000),
    textRu: text(100_000),
  })
  .strict();
export type NarrativeBody = z.infer<typeof narrativeBody>;

export const narrativeView = z.object({
  chapter: z.string(),
  revision: z.number().int(),
  textKk: z.string(),
  textRu: z.string(),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type NarrativeView = z.infer<typeof narrativeView>;

/** A generated draft of a chapter to accept; `accepted`: the chapter already has the experts' accepted text. */
export const draftView = z.object({
  chapter: z.string(),
  textKk: z.string(),
  textRu: z.string(),
  revision: z.number().int(),
  accepted: z.boolean(),
});

export const narrativeSchema = z.object({
  status: z.string(),
  /** Chapter keys, in report order. */
  chapters: z
    .array(narrativeView)
    .describe(`chapters: ${narrativeChapters.slice(0, 12).join(', ')}, profile.<agencyType>`),
});

export const fileSchema = z.object({
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Raw data for the expert group only (never listed to the secretariat). */
  restricted: z.boolean(),
  createdAt: z.string(),
});
