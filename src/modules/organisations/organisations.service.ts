// Organisations (counter-trafficking subjects and their territorial units).
import type { Db } from '../../db/client.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { audit } from '../audit/audit.repository.js';
import { organisationNotFound, parentInvalid } from './organisations.errors.js';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  subtreeIds,
  updateOrganisationVersioned,
  type OrganisationRow,
} from './organisations.repository.js';
import type { OrganisationView } from './organisations.schemas.js';

export function toOrganisationView(o: OrganisationRow): OrganisationView {
  return {
    id: o.id,
    agencyType: o.agencyType,
    region: o.region,
    parentId: o.parentId,
    name: { kk: o.nameKk, ru: o.nameRu },
    active: o.active,
    version: o.version,
  };
}

/**
 * Organisations whose data a user may read: a focal point its own organisation and
 * its children; other roles everything (null = no restriction).
 */
export async function readableOrganisationIds(db: Db, user: AuthUser): Promise<string[] | null> {
  if (hasRole(user, 'admin', 'expert', 'secretariat')) return null;
  if (!user.organisationId) return [];
  return subtreeIds(db, user.organisationId);
}

export async function getOrganisations(
  db: Db,
  user: AuthUser,
  filter: { agencyType?: string; region?: string; active?: boolean },
) {
  const ids = await readableOrganisationIds(db, user);
  return (await listOrganisations(db, { ...filter, ids: ids ?? undefined })).map(toOrganisationView);
}

export async function getOrganisation(db: Db, user: AuthUser, id: string): Promise<OrganisationView> {
  const ids = await readableOrganisationIds(db, user);
  const row = await findOrganisation(db, id);
  // Outside the caller's scope looks the same as absent.
  if (!row || (ids && !ids.includes(id))) throw organisationNotFound();
  return toOrganisationView(row);
}

interface OrganisationInput {
  agencyType: string;
  region: string;
  parentId: string | null;
  name: { kk: string; ru: string };
  active: boolean;
}

const columns = (i: Partial<OrganisationInput>) => ({
  ...(i.agencyType !== undefined && { agencyType: i.agencyType }),
  ...(i.region !== undefined && { region: i.region }),
  ...(i.parentId !== undefined && { parentId: i.parentId }),
  ...(i.name !== undefined && { nameKk: i.name.kk, nameRu: i.name.ru }),
  ...(i.active !== undefined && { active: i.active }),
});

export async function createOrganisation(db: Db, actor: Actor, input: OrganisationInput): Promise<OrganisationView> {
  return db.transaction(async (tx) => {
    if (input.parentId && !(await findOrganisation(tx, input.parentId))) throw parentInvalid();
    const row = await insertOrganisation(tx, columns(input) as OrganisationInput & { nameKk: string; nameRu: string });
    const view = toOrganisationView(row);
    await audit(tx, actor, 'organisation.create', { type: 'organisation', id: row.id }, { after: view });
    return view;
  });
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  patch: Partial<OrganisationInput>,
): Promise<OrganisationView> {
  return db.transaction(async (tx) => {
    const before = await findOrganisation(tx, id);
    if (!before) throw organisationNotFound();
    if (patch.parentId) {
      // A parent inside the organisation's own subtree would make a cycle.
      if (!(await findOrganisation(tx, patch.parentId)) || (await subtreeIds(tx, id)).includes(patch.parentId))
        throw parentInvalid();
    }
    const after = await updateOrganisationVersioned(tx, id, version, columns(patch));
    if (!after) throw staleVersion(before.version);
    const view = toOrganisationView(after);
    await audit(
      tx,
      actor,
      'organisation.update',
      { type: 'organisation', id: id },
      { before: toOrganisationView(before), after: view },
    );
    return view;
  });
}
