// The two official languages and text given in both. Shared by every layer: the
// questionnaire model, error messages, reports and the web front end's API.
import { z } from 'zod';

/** Text in both official languages. Neither may be empty. */
export const bilingual = z.object({ kk: z.string().min(1), ru: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof bilingual>;

export const languages = ['kk', 'ru'] as const;
export type Lang = (typeof languages)[number];
