import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const submissionParams = z.object({ campaignId: z.uuid(), organisationId: z.uuid() });
export const campaignParams = z.object({ id: z.uuid() });
export const langQuery = z.object({ lang: z.enum(['kk', 'ru']).optional() });

export const problemSchema = z.object({
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  itemId: z.string().nullable(),
  code: z.string(),
  message: z.object({ kk: z.string(), ru: z.string() }),
});

export const importQuery = langQuery.extend({
  /** true: read the workbook and answer what an import would do, storing nothing. */
  dryRun: z.enum(['true', 'false']).optional(),
});
/** Multipart field `resolutions` (before the file): how conflicting items are resolved. */
export const resolutionsField = z.record(z.string().max(200), z.enum(['mine', 'theirs']));

const located = { itemId: z.string(), sheet: z.string().nullable(), cell: z.string().nullable() };
const blockingProblem = problemSchema.extend({
  /** What the problem stands in the way of: the import itself, the later submission, or nothing (a warning). */
  blocks: z.enum(['import', 'submission', 'none']),
});
const importCommon = {
  /** Revision the workbook was made from, which it is merged against. */
  baseRevision: z.number().int(),
  /** Per item: the draft's value now -> the value after the import. */
  changes: z.array(
    z.object({ ...located, change: z.enum(['added', 'removed', 'changed']), before: z.unknown(), after: z.unknown() }),
  ),
  problems: z.array(blockingProblem),
  /** Items neither answered nor explained, where to fill them. */
  empty: z.array(z.object(located)),
  /** The workbook changes nothing: no revision is (or was) written. */
  unchanged: z.boolean(),
  imported: z.object({ answered: z.number().int(), explained: z.number().int(), empty: z.number().int() }),
};
export const importPreview = z.object({
  ...importCommon,
  /** Send as If-Match to apply exactly this preview. */
  currentRevision: z.number().int(),
  conflicts: z.array(
    z.object({
      ...located,
      base: z.unknown(),
      current: z.unknown(),
      incoming: z.unknown(),
      changedAt: z.string().nullable(),
      changedBy: z.string().nullable(),
      changedByName: z.string().nullable(),
      changedInRevision: z.number().nullable(),
    }),
  ),
  canImport: z.boolean(),
});
export const importResult = z.object({
  ...importCommon,
  currentRevision: z.number().int(),
  revision: z.number().int(),
  status: z.string(),
});
