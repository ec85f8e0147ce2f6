import { createHash } from 'node:crypto';
import { pdfPageCount, pdfText } from '../helpers/pdf-text.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRiskProfilePdf } from '../../src/reports/pdf/profile.js';
import { renderReportPdf } from '../../src/reports/pdf/report.js';
import { conclusionKeys } from '../../src/reports/report.view-model.js';
import { fill, loadSopIndicators, loadTexts } from '../../src/reports/texts.js';
import { KAZAKH_LETTERS, TOP_RISK_TITLE, sampleViewModel } from './sample-view-model.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(['kk', 'ru'] as const)('report PDF (%s)', (lang) => {
  const vm = sampleViewModel(lang);
  const t = loadTexts(lang);
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderReportPdf(vm);
    text = await pdfText(pdf);
  });

  it('renders deterministically', async () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(await renderReportPdf(sampleViewModel(lang)))).toBe(sha256(pdf));
  });

  it('has the official chapter and §14 headings, legal basis and TOC', () => {
    for (const title of [...Object.values(t.chapters), ...conclusionKeys.map((k) => t.conclusionHeadings[k])]) {
      expect(text).toContain(title);
    }
    expect(text).toContain(t.tableOfContents);
    expect(text).toContain('35288');
    expect(text).toContain(t.titlePage.title);
  });

  it('shows the top-ranked risk and page numbers', async () => {
    expect(text).toContain(TOP_RISK_TITLE[lang]);
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(5);
    expect(text).toContain(fill(t.pageOf, { page: 2, pages }));
    expect(text).toContain(fill(t.pageOf, { page: pages, pages }));
    expect(text).toContain(t.suppressed);
  });

  it('keeps the Kazakh-specific letters', () => {
    for (const letter of KAZAKH_LETTERS) expect(text).toContain(letter);
    if (lang === 'kk') expect(text).toContain('Тәуекелдерді бағалау жөніндегі қорытындылар');
  });
});

describe('risk profile PDF', () => {
  it('renders the three parts of §2(5) with SOP indicators, deterministically', async () => {
    const vm = sampleViewModel('ru');
    const doc = { meta: vm.meta, profile: vm.riskProfiles.find((p) => p.agency.code === 'border_service')! };
    const pdf = await renderRiskProfilePdf(doc);
    expect(sha256(await renderRiskProfilePdf(doc))).toBe(sha256(pdf));
    const text = await pdfText(pdf);
    const t = loadTexts('ru');
    for (const h of [t.profile.riskArea, t.profile.indicators, t.profile.mitigation]) expect(text).toContain(h);
    expect(text).toContain('прибытие в составе группы, но представление себя на пограничном контроле');
    expect(text).toContain(doc.profile.agency.name);
    // The SOP's part (issue 22): the three elements, the agency's functions and its referral path, with their lines.
    for (const h of [
      t.profile.threeElements,
      t.profile.functions,
      t.profile.referral,
      t.profile.refersTo,
      t.profile.referredBy,
    ])
      expect(text).toContain(h);
    expect(text).toContain('в пограничном пространстве');
    expect(text).toContain('(СОП, стр. 603)');
  });

  it('prints what every profile shares once in the report, and each profile points to it', async () => {
    const vm = sampleViewModel('kk');
    const text = await pdfText(await renderReportPdf(vm));
    const t = loadTexts('kk');
    const count = (s: string) => text.split(s).length - 1;
    expect(count(t.profile.commonPart)).toBe(1);
    expect(count(t.profile.commonMinors)).toBe(1);
    const minorsGroup = loadSopIndicators().groups.find((g) => g.code === 'risk_groups_minors')!.title.kk;
    expect(count(minorsGroup)).toBe(1);
    expect(count(t.profile.commonPointer)).toBe(vm.riskProfiles.length);
  });
});
