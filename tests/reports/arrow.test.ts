import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { factsToArrow, factsToCsv, factTableToArrow, toExportFact, type ExportFact } from '../../src/reports/arrow.js';
import { syntheticAssessmentInput } from '../../src/synthetic/assessment.js';

const rows: ExportFact[] = [
  {
    assessment_id: 'ra-2022-2024',
    year: 2022,
    organisation_id: 'org-1',
    agency_type: 'mvd',
    region: 'almaty',
    item_id: 's2.q8',
    dimension: 'sex',
    category: 'female',
    value: 14,
    missing_reason: null,
  },
  {
    assessment_id: 'ra-2022-2024',
    year: 2023,
    organisation_id: 'org-1',
    agency_type: 'mvd',
    region: 'almaty',
    item_id: 's2.q8',
    dimension: 'sex',
    category: 'male',
    value: 2.5,
    missing_reason: null,
  },
  {
    assessment_id: 'ra-2022-2024',
    year: 2024,
    organisation_id: 'org-2',
    agency_type: 'mp',
    region: 'shymkent',
    item_id: 's6.q1',
    dimension: null,
    category: null,
    value: null,
    missing_reason: 'outside_competence',
  },
];

describe('fact table export', () => {
  it('round-trips through Arrow IPC file format', () => {
    const table = tableFromIPC(factsToArrow(rows));
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(rows[0]));
    expect(String(table.schema.fields.find((f) => f.name === 'value')!.type)).toBe('Float64');
    const back = table.toArray().map((r) => ({ ...r.toJSON() }));
    expect(back).toEqual(rows);
  });

  it('dictionary-encodes the code columns, keeps nulls and describes every field', () => {
    const table = tableFromIPC(factsToArrow(rows));
    for (const name of ['item_id', 'agency_type', 'region', 'dimension', 'category', 'missing_reason']) {
      expect(String(table.schema.fields.find((f) => f.name === name)!.type), name).toMatch(/^Dictionary<Int32, Utf8>/);
    }
    expect(table.getChild('dimension')!.get(2)).toBeNull();
    expect(table.getChild('value')!.nullCount).toBe(1);
    for (const f of table.schema.fields) {
      expect(f.metadata.get('label_kk'), f.name).toBeTruthy();
      expect(f.metadata.get('label_ru'), f.name).toBeTruthy();
      expect(f.metadata.get('unit'), f.name).toBeTruthy();
      expect(f.metadata.get('source'), f.name).toBeTruthy();
    }
    expect(table.schema.fields.find((f) => f.name === 'value')!.metadata.get('label_ru')).toBe('Значение');
  });

  it('is much smaller than plain strings for a large fact table', () => {
    const many: ExportFact[] = Array.from({ length: 20_000 }, (_, i) => ({
      ...rows[i % 3]!,
      organisation_id: `org-${i % 300}`,
      item_id: `s${i % 16}.q1.item_${i % 40}`,
    }));
    const bytes = factsToArrow(many).length;
    // 10 columns x 20,000 rows: each code cell is a 4-byte index instead of its string.
    expect(bytes).toBeLessThan(20_000 * 10 * 5);
  });

  it('writes the same table from the facts themselves as from export rows', () => {
    const input = syntheticAssessmentInput({ scale: 0.1, seed: 'arrow' });
    const direct = tableFromIPC(factTableToArrow(input.id, input.facts));
    const viaRows = tableFromIPC(factsToArrow(input.facts.map((f) => toExportFact(input.id, f))));
    expect(direct.numRows).toBe(input.facts.length);
    expect(direct.schema.fields.map((f) => [f.name, String(f.type), [...f.metadata]])).toEqual(
      viaRows.schema.fields.map((f) => [f.name, String(f.type), [...f.metadata]]),
    );
    expect(direct.toArray().map((r) => r.toJSON())).toEqual(viaRows.toArray().map((r) => r.toJSON()));
  });

  it('writes the same bytes for the same table whatever the process built before (fixed dictionary ids)', () => {
    const first = Buffer.from(factsToArrow(rows));
    factsToArrow([...rows, ...rows]);
    expect(Buffer.compare(Buffer.from(factsToArrow(rows)), first)).toBe(0);
  });

  it('writes an empty table', () => {
    expect(tableFromIPC(factsToArrow([])).numRows).toBe(0);
  });

  it('writes CSV with a header and quoted fields', () => {
    const csv = factsToCsv([...rows, { ...rows[0], category: 'a,"b"' }]).split('\r\n');
    expect(csv[0]).toBe(
      'assessment_id,year,organisation_id,agency_type,region,item_id,dimension,category,value,missing_reason',
    );
    expect(csv[3]).toBe('ra-2022-2024,2024,org-2,mp,shymkent,s6.q1,,,,outside_competence');
    expect(csv[4]).toContain('"a,""b"""');
  });
});

describe('fact table read by an independent Arrow reader', () => {
  it('is read by flechette (not apache-arrow) with the dictionaries, nulls and field metadata', async () => {
    const { tableFromIPC: readIndependently } = await import('@uwdata/flechette');
    const table = readIndependently(factsToArrow(rows));
    expect(table.numRows).toBe(3);
    expect(table.toArray()).toEqual(rows);
    const fields = table.schema.fields;
    expect(fields.map((f) => f.name)).toEqual(Object.keys(rows[0]!));
    // typeId -1 is Arrow's Dictionary type.
    expect(fields.find((f) => f.name === 'item_id')!.type.typeId).toBe(-1);
    expect(fields.find((f) => f.name === 'value')!.metadata?.get('unit')).toMatch(/^count/);
  });
});
