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

export const importResult = z.object({
  revision: z.number().int(),
  status: z.string(),
  imported: z.object({ answered: z.number().int(), explained: z.number().int(), empty: z.number().int() }),
  warnings: z.array(problemSchema),
});
