import { describe, expect, it } from 'vitest';
import { buildDrafts, buildReportViewModel } from '../../../src/reports/build/build.js';
import { draftMarker, isDraftText, themeCounts } from '../../../src/reports/build/drafts.js';
import { formatNumber } from '../../../src/reports/format.js';
import { conclusionKeys } from '../../../src/reports/report.view-model.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

const input = { ...syntheticAssessmentInput({ seed: 9, regions: ['almaty', 'astana', 'turkistan'] }), narrative: {} };

describe('generated analysis drafts', () => {
  it('cover the description and the nine points in kk and ru, deterministically, marked as drafts', () => {
    const a = buildDrafts(input);
    expect(a.map((d) => d.chapter)).toEqual(['description', ...conclusionKeys.map((k) => `conclusions.${k}`)]);
    expect(buildDrafts(structuredClone(input))).toEqual(a);
    for (const d of a) {
      expect(isDraftText(d.textKk) && isDraftText(d.textRu)).toBe(true);
      expect(d.textKk.split('\n\n').length).toBe(d.textRu.split('\n\n').length);
    }
  });

  it('give the same figures as the tables, with the change over the three years', () => {
    const vm = buildReportViewModel(input, 'ru', { publish: false });
    const nature = vm.conclusions.find((c) => c.key === 'nature')!;
    expect(nature.draft).toBe(true);
    expect(nature.paragraphs[0]).toBe(draftMarker('ru'));
    const key = nature.tables.find((t) => t.id === 'key_indicators')!;
    const [label, first, , last] = key.rows[1]!; // registered crimes
    const text = nature.paragraphs.join(' ');
    expect(text).toContain(
      `${String(label)}: ${formatNumber(first as number)} в ${input.years[0]} г., ${formatNumber(last as number)} в ${input.years[2]} г.`,
    );
    expect(text).toMatch(/(рост|снижение) на \d+,\d%|без изменений/);
    expect(vm.conclusions.find((c) => c.key === 'likelihood_by_territory')!.paragraphs.join(' ')).toContain(
      'Потенциальные жертвы, обратившиеся в загранучреждения',
    );
    expect(vm.conclusions.find((c) => c.key === 'effective_prevention')!.paragraphs.join(' ')).toContain(
      'Снижение спроса',
    );
  });

  it("yield to the experts' text once one is written", () => {
    const vm = buildReportViewModel(
      { ...input, narrative: { 'conclusions.sources': { kk: 'Мәтін.', ru: 'Текст экспертов.' } } },
      'ru',
      { publish: false },
    );
    const sources = vm.conclusions.find((c) => c.key === 'sources')!;
    expect(sources.paragraphs).toEqual(['Текст экспертов.']);
    expect(sources.draft).toBe(false);
  });

  it('count themes in the free-text answers and invent none', () => {
    const texts = [
      {
        year: input.years[0],
        itemId: 's16.q5.new_forms_methods',
        agencyType: 'ngo',
        region: 'almaty',
        text: 'Вербовка через Telegram и Instagram под видом трудоустройства.',
      },
      {
        year: input.years[1],
        itemId: 's16.q5.new_forms_methods',
        agencyType: 'ngo',
        region: 'almaty',
        text: 'Изымают паспорта у работников.',
      },
      {
        year: input.years[2],
        itemId: 's12.q3.platforms',
        agencyType: 'mki',
        region: 'national',
        text: 'Совсем другое.',
      },
      {
        year: input.years[2],
        itemId: 's1.q10.problem_issues',
        agencyType: 'mvd',
        region: 'almaty',
        text: 'Не относится к пункту 7.',
      },
    ];
    const t = themeCounts(texts, 'recruitment_and_control', input.years);
    expect(t.n).toBe(3);
    expect(Object.fromEntries(t.counts.map(([th, n]) => [th.code, n]))).toEqual({
      online: 1,
      employment: 1,
      documents: 1,
    });
    expect(t.other).toBe(1);
    expect(t.questions).toEqual(['12.3', '16.5']);
    const none = buildReportViewModel({ ...input, texts: [] }, 'ru', { publish: false });
    expect(none.conclusions.find((c) => c.key === 'recruitment_and_control')!.paragraphs).toContain(
      'Свободных ответов по этому пункту нет.',
    );
  });
});
