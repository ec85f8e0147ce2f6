// The report names each campaign's request (Rules §9: body, outgoing date and number, term) and
// says "within a month" only when every request kept the Rules' month (issue 20).
import { describe, expect, it } from 'vitest';
import { buildDescription } from '../../../src/reports/build/description.js';
import { participationTable } from '../../../src/reports/tables.js';
import { loadTexts } from '../../../src/reports/texts.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

const input = syntheticAssessmentInput({ seed: 4, regions: ['almaty'] });
const monthly = { year: input.years[0], requestDate: '2025-01-15', deadline: '2025-02-15' };
const request = (r: Partial<NonNullable<typeof input.requests>[number]> = {}) => ({
  ...monthly,
  requestingBody: null,
  outgoingNumber: null,
  outgoingDate: null,
  ...r,
});

describe('the request in the report', () => {
  it('says "within a month" while every request kept the month, and the request term otherwise', () => {
    const kept = buildDescription({ ...input, requests: [request()] }, 'ru');
    expect(kept.rates.term).toBe('monthly');
    expect(participationTable(kept, loadTexts('ru')).rows.map((r) => r[0])).toContain(
      'Доля сведений, представленных в месячный срок',
    );
    const other = buildDescription({ ...input, requests: [request(), request({ deadline: '2025-03-01' })] }, 'kk');
    expect(other.rates.term).toBe('custom');
    const labels = participationTable(other, loadTexts('kk')).rows.map((r) => r[0]);
    expect(labels).toContain('Сұрау салуда белгіленген мерзімде ұсынылған мәліметтердің үлесі');
    expect(labels.join(' ')).not.toContain('Бір ай мерзімде');
  });

  it('lists each recorded request with its body, outgoing date and number, year and deadline', () => {
    const r = request({ requestingBody: 'mtszn', outgoingNumber: '12-3/456', outgoingDate: '2025-01-14' });
    expect(buildDescription({ ...input, requests: [r] }, 'ru').sources).toContain(
      `Запрос МТСЗН (14.01.2025, № 12-3/456): сведения за ${input.years[0]} отчетный год до 15.02.2025`,
    );
    expect(buildDescription({ ...input, requests: [request()] }, 'ru').sources.join(' ')).not.toContain('Запрос');
  });
});
