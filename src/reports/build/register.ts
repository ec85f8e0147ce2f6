// The scoring module's risk register (questionnaires/risk-registers/<version>.json) in
// the builder's RegisterRisk shape: titles, competent agency types, measure titles.
import { loadRegister, registerExists, type RiskRegister } from '../../domain/risk-register.js';
import { agencyTypeCodes, type AgencyTypeCode } from '../../domain/reference.js';
import type { RegisterRisk } from './inputs.js';

const known = new Set<string>(agencyTypeCodes);
export const agencyCodes = (codes: readonly string[]): AgencyTypeCode[] =>
  codes.filter((c): c is AgencyTypeCode => known.has(c));

export function registerRisks(register: RiskRegister): RegisterRisk[] {
  const measures = new Map(register.measures.map((m) => [m.code, { ...m.title, code: m.code }]));
  return register.risks.map((r) => ({
    code: r.code,
    title: r.title,
    agencies: agencyCodes(r.agencyTypes),
    measures: r.measures.map((code) => measures.get(code)).filter((m) => m !== undefined),
  }));
}

/** The register of a version, or [] when it does not exist. */
export function loadRegisterRisks(version: string): RegisterRisk[] {
  return registerExists(version) ? registerRisks(loadRegister(version)) : [];
}
