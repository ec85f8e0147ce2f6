// Every progress message a job handler or the render worker reports has its Kazakh and Russian
// text: the codes are read from the sources, so a new code without texts fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../../src/modules/assessments/assessments.steps.js';
import '../../../src/modules/reports/reports.jobs.js';
import '../../../src/modules/scoring/scoring.service.js';
import { messageText } from '../../../src/modules/jobs/jobs.messages.js';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );

describe('job messages', () => {
  it('has both texts for every code reported in src/modules', () => {
    const codes = new Set<string>();
    for (const file of sources('src/modules'))
      for (const m of readFileSync(file, 'utf8').matchAll(/[pP]rogress\([^,()]+, '([a-z_]+\.[a-z_.]+)'/g))
        codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(10);
    const missing = [...codes].filter((c) => messageText(c)?.ru === c);
    expect(missing).toEqual([]);
    expect(messageText('structuring.submissions {"done":250,"total":7239}')).toEqual({
      kk: 'Деректерді құрылымдау: 7239 мәліметтің 250',
      ru: 'Структурирование данных: 250 из 7239 сведений',
    });
  });
});
