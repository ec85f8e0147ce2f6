// The organisations of the synthetic national dataset: which bodies exist where.
// Unique bodies (ministries, their territorial departments, akimats) do not grow
// with the scale; numerous ones (health, education, NGOs, missions...) do, so cost
// grows linearly with the scale.
import { agencyTypes, regions, territorialRegionCodes } from '../domain/reference.js';
import { createRng } from './random.js';

export interface SyntheticOrganisation {
  id: string;
  agencyType: string;
  region: string;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
}

interface RosterLine {
  agencyType: string;
  /** Head office at the national level (parent of territorial units of the same type). */
  headOffice?: boolean;
  /** Units per territorial region at 1x (or in `regions` only). */
  perRegion?: number;
  onlyRegions?: readonly string[];
  /** Units at a non-territorial level at 1x. */
  extra?: { region: 'national' | 'transport' | 'abroad'; count: number };
  /** Whether per-region and extra counts grow with the scale. */
  scaled: boolean;
  /** Parent type whose head office is the parent of these units. */
  parentType?: string;
}

const borderRegions = [
  'abai',
  'aktobe',
  'almaty_region',
  'atyrau',
  'east_kazakhstan',
  'zhambyl',
  'zhetysu',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'pavlodar',
  'north_kazakhstan',
  'turkistan',
  'west_kazakhstan',
];

const cities = ['astana', 'almaty', 'shymkent'];
const oblasts = territorialRegionCodes.filter((r) => !cities.includes(r));

const roster: readonly RosterLine[] = [
  { agencyType: 'mvd', headOffice: true, perRegion: 1, extra: { region: 'transport', count: 1 }, scaled: false },
  { agencyType: 'mtszn', headOffice: true, perRegion: 1, scaled: false },
  { agencyType: 'labour_inspection', headOffice: true, perRegion: 1, scaled: false },
  { agencyType: 'border_service', headOffice: true, perRegion: 1, onlyRegions: borderRegions, scaled: false },
  { agencyType: 'mz', headOffice: true, scaled: false },
  { agencyType: 'mp', headOffice: true, scaled: false },
  { agencyType: 'mid', headOffice: true, extra: { region: 'abroad', count: 10 }, scaled: true },
  { agencyType: 'mts', headOffice: true, scaled: false },
  { agencyType: 'mki', headOffice: true, scaled: false },
  { agencyType: 'mio_oblast', perRegion: 1, onlyRegions: oblasts, scaled: false },
  { agencyType: 'mio_city', perRegion: 1, onlyRegions: cities, scaled: false },
  { agencyType: 'mio_oblast_city', perRegion: 1, onlyRegions: oblasts, scaled: true },
  { agencyType: 'health_org', perRegion: 2, scaled: true, parentType: 'mz' },
  { agencyType: 'education_org', perRegion: 2, scaled: true, parentType: 'mp' },
  { agencyType: 'child_rights_org', perRegion: 1, scaled: true, parentType: 'mp' },
  { agencyType: 'special_social_services', perRegion: 1, scaled: true },
  { agencyType: 'ngo', perRegion: 2, extra: { region: 'national', count: 3 }, scaled: true },
  { agencyType: 'ngo_special_social_services', perRegion: 1, onlyRegions: cities, scaled: true },
  { agencyType: 'prosecutor', headOffice: true, scaled: false },
  { agencyType: 'knb', headOffice: true, scaled: false },
  { agencyType: 'afm', headOffice: true, scaled: false },
  { agencyType: 'other_state_body', extra: { region: 'national', count: 1 }, scaled: false },
  { agencyType: 'ombudsman', extra: { region: 'national', count: 3 }, scaled: false },
  { agencyType: 'tourism_operator', perRegion: 1, scaled: true },
  { agencyType: 'employment_agency', perRegion: 1, scaled: true },
  { agencyType: 'international_org', extra: { region: 'national', count: 3 }, scaled: true },
];

/** A deterministic UUID (v4 layout) from a key. */
export function uuidFrom(key: string): string {
  const rng = createRng(key);
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const agencyName = new Map<string, { kk: string; ru: string }>(agencyTypes.map((a) => [a.code, a.name]));
const regionName = new Map<string, { kk: string; ru: string }>(regions.map((r) => [r.code, r.name]));

function scaled(n: number, scale: number, grows: boolean): number {
  return grows ? Math.max(1, Math.round(n * scale)) : n;
}

export function buildRoster(
  seed: string,
  scale: number,
  territorial: readonly string[] = territorialRegionCodes,
): SyntheticOrganisation[] {
  const out: SyntheticOrganisation[] = [];
  const heads = new Map<string, string>();
  const add = (agencyType: string, region: string, i: number, parentId: string | null) => {
    const a = agencyName.get(agencyType)!;
    const r = regionName.get(region)!;
    const org = {
      id: uuidFrom(`${seed}/org/${agencyType}/${region}/${i}`),
      agencyType,
      region,
      parentId,
      nameKk: `${a.kk} — ${r.kk} №${i + 1}`,
      nameRu: `${a.ru} — ${r.ru} №${i + 1}`,
    };
    out.push(org);
    return org.id;
  };
  for (const line of roster) if (line.headOffice) heads.set(line.agencyType, add(line.agencyType, 'national', 0, null));
  for (const line of roster) {
    const parent = heads.get(line.parentType ?? line.agencyType) ?? null;
    if (line.perRegion) {
      const where = territorial.filter((r) => !line.onlyRegions || line.onlyRegions.includes(r));
      for (const region of where)
        for (let i = 0; i < scaled(line.perRegion, scale, line.scaled); i++) add(line.agencyType, region, i, parent);
    }
    if (line.extra) {
      const offset = line.headOffice && line.extra.region === 'national' ? 1 : 0;
      for (let i = 0; i < scaled(line.extra.count, scale, line.scaled); i++)
        add(line.agencyType, line.extra.region, i + offset, parent);
    }
  }
  return out;
}
