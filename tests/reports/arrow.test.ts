import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { factsToArrow, factsToCsv, type ExportFact } from '../../src/reports/arrow.js';

const rows: ExportFact[] = [
  { assessment_id: 'ra-2022-2024', year: 2022, organisation_id: 'org-1', agency_type: 'mvd', region: 'almaty', item_id: 's2.q8', dimension: 'sex', category: 'female', value: 14, missing_reason: null },
  { assessment_id: 'ra-2022-2024', year: 2023, organisation_id: 'org-1', agency_type: 'mvd', region: 'almaty', item_id: 's2.q8', dimension: 'sex', category: 'male', value: 2.5, missing_reason: null },
  { assessment_id: 'ra-2022-2024', year: 2024, organisation_id: 'org-2', agency_type: 'mp', region: 'shymkent', item_id: 's6.q1', dimension: '', category: '', value: null, missing_reason: 'outside_competence' },
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

  it('writes an empty table', () => {
    expect(tableFromIPC(factsToArrow([])).numRows).toBe(0);
  });

  it('writes CSV with a header and quoted fields', () => {
    const csv = factsToCsv([...rows, { ...rows[0], category: 'a,"b"' }]).split('\r\n');
    expect(csv[0]).toBe('assessment_id,year,organisation_id,agency_type,region,item_id,dimension,category,value,missing_reason');
    expect(csv[3]).toBe('ra-2022-2024,2024,org-2,mp,shymkent,s6.q1,,,,outside_competence');
    expect(csv[4]).toContain('"a,""b"""');
  });
});
