import { z } from 'zod';
import { jobStatuses } from '../../domain/states.js';
import { bilingual } from '../../shared/lang.js';

export const jobParams = z.object({ id: z.uuid() });
export const assessmentJobsParams = z.object({ id: z.uuid() });
export const assessmentJobsQuery = z.object({
  /** Only queued and running jobs (what a page returning to the assessment follows). */
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  assessmentId: z.string().nullable(),
  status: z.enum(jobStatuses),
  /** 0..1, moving with the work; 1 once succeeded. */
  progress: z.number(),
  /** What the job is doing: a message code and its parameters as JSON (`structuring.submissions {"done":250,"total":7239}`). */
  message: z.string().nullable(),
  /** The same in Kazakh and Russian. */
  messageText: bilingual.nullable(),
  error: z.unknown().nullable(),
  /** What the job produced (e.g. `runId`, `files`), once succeeded. */
  result: z.record(z.string(), z.unknown()).nullable(),
  attempts: z.number().int(),
  cancelRequested: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobSchema>;
