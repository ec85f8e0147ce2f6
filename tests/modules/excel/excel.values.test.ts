// Cell values as spreadsheets leave them (no database).
import { describe, expect, it } from 'vitest';
import { plain, snapNumber, toCode, toNumber, toYesNo } from '../../../src/modules/excel/excel.values.js';

describe('cell values', () => {
  it('reduces formulas, rich text and blanks to primitives', () => {
    expect(plain({ formula: 'SUM(D5:D9)', result: 12 })).toBe(12);
    expect(plain({ sharedFormula: 'D5', result: '✓' } as never)).toBe('✓');
    expect(plain({ formula: 'SUM(D5:D9)' } as never)).toBeNull();
    expect(plain({ richText: [{ text: ' Да' }, { text: '' }] })).toBe('Да');
    expect(plain('   ')).toBeNull();
    expect(plain({ error: '#N/A' } as never)).toBeNull();
  });

  it('reads numbers typed as text', () => {
    expect(toNumber(' 1 234,50 '.trim())).toBe(1234.5);
    expect(toNumber('1\u00a0000')).toBe(1000);
    expect(toNumber('-3')).toBe(-3);
    expect(toNumber('12 шт')).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
  });

  it('snaps floating residue to cents but keeps real extra decimals for the validator', () => {
    expect(snapNumber(0.1 + 0.2)).toBe(0.3);
    expect(snapNumber(3.0000000000000004)).toBe(3);
    expect(snapNumber(12.345)).toBe(12.345);
    expect(snapNumber(2.5)).toBe(2.5);
  });

  it('accepts yes/no in either language, alone or paired, any case', () => {
    for (const y of ['Иә', 'Да', 'да', 'Иә / Да', 'ИӘ /  ДА', true]) expect(toYesNo(y)).toBe('yes');
    for (const n of ['Жоқ', 'Нет', 'нет', 'Жоқ / Нет', false]) expect(toYesNo(n)).toBe('no');
    expect(toYesNo('Может быть')).toBeUndefined();
  });

  it('maps a coded option by code, either label or the drop-down text', () => {
    const options = [{ code: 'other', label: { kk: 'Өзге себеп', ru: 'Иная причина' } }];
    for (const v of ['other', 'Өзге себеп', 'иная причина', 'Өзге себеп / Иная причина'])
      expect(toCode(v, options)).toBe('other');
    expect(toCode('Прочее', options)).toBeUndefined();
  });
});
