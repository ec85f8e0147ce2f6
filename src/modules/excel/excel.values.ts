// Cell values as Excel or LibreOffice leave them: numbers typed as text ("1 234,5"),
// formulas with cached results, rich text, booleans, either language's yes/no.
import type ExcelJS from 'exceljs';
import type { Bilingual } from '../../shared/lang.js';
import { NO, YES, bothLabels, yesNoOption } from './excel.layout.js';

export type Plain = string | number | boolean | null;

/** A cell's value reduced to a primitive; empty strings are null. */
export function plain(v: ExcelJS.CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return plain(v.richText.map((t) => t.text).join(''));
  if ('result' in v) return plain(v.result as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if ('text' in v) return plain(v.text as ExcelJS.CellValue);
  return null; // error values (#N/A ...) count as empty
}

/** A number from a number or a text such as "1 234,50"; undefined when it is not one. */
export function toNumber(v: Plain): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/**
 * Floating residue of spreadsheet arithmetic (0.1 + 0.2 = 0.30000000000000004) snapped to
 * cents; a value with real extra decimals (12.345) is left for the validator to refuse.
 */
export function snapNumber(n: number): number {
  const cents = Math.round(n * 100) / 100;
  return Math.abs(cents - n) <= 1e-9 * Math.max(1, Math.abs(n)) ? cents : n;
}

export function toText(v: Plain): string | undefined {
  if (v === null) return undefined;
  return typeof v === 'string' ? v : String(v);
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const yesWords = new Set([YES.kk, YES.ru, yesNoOption(YES), 'yes', 'true', '1', 'иа'].map(norm));
const noWords = new Set([NO.kk, NO.ru, yesNoOption(NO), 'no', 'false', '0', 'жок'].map(norm));

export function toYesNo(v: Plain): 'yes' | 'no' | undefined {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const s = norm(String(v));
  return yesWords.has(s) ? 'yes' : noWords.has(s) ? 'no' : undefined;
}

/** Code of a coded option given as its code, either label or the "kk / ru" drop-down text. */
export function toCode(v: Plain, options: readonly { code: string; label: Bilingual }[]): string | undefined {
  if (v === null) return undefined;
  const s = norm(String(v));
  return options.find((o) => [o.code, o.label.kk, o.label.ru, bothLabels(o.label)].some((x) => norm(x) === s))?.code;
}
