// Indexes over a pipeline input shared by the quality checks, built once per run.
import { getForm, type Form } from '../../domain/questionnaire/forms.js';
import type { PipelineCampaign, PipelineInput, PipelineOrganisation, PipelineSubmission } from './types.js';

export interface QualityContext {
  input: PipelineInput;
  orgById: ReadonlyMap<string, PipelineOrganisation>;
  campaignById: ReadonlyMap<string, PipelineCampaign>;
  years: readonly number[];
  /** Submissions sorted by (year, organisation id): every check iterates in this order. */
  submissions: readonly PipelineSubmission[];
  /** The form an organisation must answer on its campaign's version (conformity is judged against it). */
  formOf(s: PipelineSubmission): Form;
  campaignOf(s: PipelineSubmission): PipelineCampaign;
  orgOf(s: PipelineSubmission): PipelineOrganisation;
}

export function buildContext(input: PipelineInput): QualityContext {
  const orgById = new Map(input.organisations.map((o) => [o.id, o]));
  const campaignById = new Map(input.campaigns.map((c) => [c.id, c]));
  const years = [...new Set(input.campaigns.map((c) => c.year))].sort((a, b) => a - b);
  const submissions = [...input.submissions].sort(
    (a, b) =>
      a.year - b.year || (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0),
  );
  const orgOf = (s: PipelineSubmission) =>
    orgById.get(s.organisationId) ?? {
      id: s.organisationId,
      agencyType: s.agencyType,
      region: 'national',
      nameKk: '',
      nameRu: '',
    };
  const campaignOf = (s: PipelineSubmission) => campaignById.get(s.campaignId)!;
  return {
    input,
    orgById,
    campaignById,
    years,
    submissions,
    orgOf,
    campaignOf,
    formOf: (s) => getForm(campaignOf(s).questionnaireVersion, orgOf(s).agencyType),
  };
}
