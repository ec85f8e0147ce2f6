// Which form (questionnaire version, agency type) a submission was last saved on, so a
// draft save can pick its validator without reading the campaign and organisation
// first (one round trip of three per save, npm run bench:api). Only a hint: the save
// statement re-checks the version and agency type, that the campaign is open and that
// the organisation is a recipient, in the same atomic write, and a missing or wrong
// hint falls back to a fresh read. Every instance therefore answers alike whatever it
// holds here; the server stays stateless.
import type { Db } from '../../db/client.js';
import { perDatabase } from '../../db/per-database.js';

export interface FormHint {
  questionnaireVersion: string;
  agencyType: string;
}

// Bounded: a national campaign has a few thousand recipients.
const LIMIT = 20_000;
const hints = perDatabase<FormHint>();

const key = (campaignId: string, organisationId: string) => `${campaignId}/${organisationId}`;

export function formHint(db: Db, campaignId: string, organisationId: string): FormHint | undefined {
  return hints(db).get(key(campaignId, organisationId));
}

export function rememberForm(db: Db, campaignId: string, organisationId: string, form: FormHint): void {
  const map = hints(db);
  if (map.size >= LIMIT) map.clear();
  map.set(key(campaignId, organisationId), {
    questionnaireVersion: form.questionnaireVersion,
    agencyType: form.agencyType,
  });
}
