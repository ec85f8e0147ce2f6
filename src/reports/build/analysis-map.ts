// The reviewed mapping of questionnaire items, risk-register categories and free-text
// answers to the nine points of Rules §14 (reports/analysis-map.json). The report's
// chapter 2, its generated drafts and the grouping of free texts under the §14 headings
// all read it, so the three never disagree on what belongs to which point.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { getVersion } from '../../domain/questionnaire/loader.js';
import { conclusionKeys, type ConclusionKey } from '../report.view-model.js';

const link = z
  .object({
    id: z.string().regex(/^s\d+\.q\d+\.(\*|[a-z0-9_]+)$/),
    reason: z.string().min(20),
    demand: z.boolean().optional(),
  })
  .strict();
const pointSchema = z
  .object({
    key: z.enum(conclusionKeys as unknown as [ConclusionKey, ...ConclusionKey[]]),
    rule: z.string().regex(/^14\.[1-9]$/),
    items: z.array(link).min(1),
    risks: z.object({ categories: z.array(z.string()), reason: z.string().min(20) }).strict(),
    texts: z.array(link).min(1),
  })
  .strict();
const mapSchema = z
  .object({
    about: z.string(),
    questionnaireVersion: z.string(),
    registerVersion: z.string(),
    points: z.array(pointSchema).length(9),
  })
  .strict();

export type AnalysisLink = z.infer<typeof link>;
export type AnalysisPoint = z.infer<typeof pointSchema>;
export type AnalysisMap = z.infer<typeof mapSchema>;

let cache: AnalysisMap | undefined;

export function analysisMap(): AnalysisMap {
  if (!cache) {
    const parsed = mapSchema.parse(
      JSON.parse(readFileSync(new URL('../../../reports/analysis-map.json', import.meta.url), 'utf8')),
    );
    const keys = parsed.points.map((p) => p.key);
    if (keys.join() !== conclusionKeys.join())
      throw new Error(`analysis-map.json: points must be the nine §14 keys in order, got ${keys.join()}`);
    cache = parsed;
  }
  return cache;
}

export function analysisPoint(key: ConclusionKey): AnalysisPoint {
  return analysisMap().points.find((p) => p.key === key)!;
}

/** The item ids a link stands for in a questionnaire version ("s1.q1.*": every item of question 1.1). */
export function expandLink(id: string, versionId: string): string[] {
  const items = [...getVersion(versionId).items.keys()];
  if (!id.endsWith('.*')) return items.includes(id) ? [id] : [];
  const prefix = id.slice(0, -1);
  return items.filter((i) => i.startsWith(prefix));
}

/** The point under which a free-text answer (text item, or the description of a yes/no item) is read, or null. */
export function textPointOf(itemId: string): ConclusionKey | null {
  for (const p of analysisMap().points)
    for (const t of p.texts)
      if (t.id === itemId || (t.id.endsWith('.*') && itemId.startsWith(t.id.slice(0, -1)))) return p.key;
  return null;
}
