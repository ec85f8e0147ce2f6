// Where quantities are compared: each territorial region on its own, all national,
// transport and foreign-mission bodies together as one non-territorial unit.
import type { Bilingual } from '../../shared/lang.js';
import { regions, territorialRegionCodes } from '../../domain/reference.js';

const territorial = new Set<string>(territorialRegionCodes);

export const isTerritorial = (region: string): boolean => territorial.has(region);
export const unitOf = (region: string): string => (territorial.has(region) ? region : 'non_territorial');

const names = new Map<string, Bilingual>(regions.map((r) => [r.code, r.name]));

/** The region's name for messages (the code when unknown). */
export const regionName = (code: string): Bilingual => names.get(code) ?? { kk: code, ru: code };

/** A number for a message: integers as they are, others with `digits` decimals. */
export const fmt = (n: number, digits = 2): string => (Number.isInteger(n) ? String(n) : n.toFixed(digits));
