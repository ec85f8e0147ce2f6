// Administration of users. Every change is audited in the same transaction.
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { organisations } from '../../db/schema.js';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { audit } from '../audit/audit.repository.js';
import { hashPassword } from './users.password.js';
import { emailTaken, focalPointNeedsOrganisation, organisationMissing, userNotFound } from './users.errors.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  updateUserVersioned,
  type UserRow,
} from './users.repository.js';
import type { UserView } from './users.schemas.js';
import type { Role } from '../../shared/access.js';

export function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    organisationId: u.organisationId,
    disabled: u.disabled,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user: never the hash. */
const auditView = (u: UserRow) => ({
  email: u.email,
  name: u.name,
  roles: u.roles,
  organisationId: u.organisationId,
  disabled: u.disabled,
});

async function checkOrganisation(db: DbOrTx, roles: readonly string[], organisationId: string | null): Promise<void> {
  if (roles.includes('focal_point') && !organisationId) throw focalPointNeedsOrganisation();
  if (organisationId) {
    const found = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .limit(1);
    if (found.length === 0) throw organisationMissing();
  }
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  organisationId: string | null;
}

export async function createUser(db: Db, actor: Actor | null, input: NewUser): Promise<UserView> {
  await checkOrganisation(db, input.roles, input.organisationId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      if (await findUserByEmail(tx, input.email)) throw emailTaken();
      const row = await insertUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        roles: [...new Set(input.roles)],
        organisationId: input.organisationId,
      });
      await audit(tx, actor ?? null, 'user.create', { type: 'user', id: row.id }, { after: auditView(row) });
      return toUserView(row);
    });
  } catch (err) {
    // Two concurrent creations of one email: the unique index decides.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export async function getUsers(db: Db): Promise<UserView[]> {
  return (await listUsers(db)).map(toUserView);
}

export async function getUser(db: Db, id: string): Promise<UserView> {
  const row = await findUserById(db, id);
  if (!row) throw userNotFound();
  return toUserView(row);
}

export interface UserPatch {
  name?: string;
  roles?: Role[];
  organisationId?: string | null;
  disabled?: boolean;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  patch: UserPatch,
): Promise<UserView> {
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw userNotFound();
    const roles = patch.roles ?? before.roles;
    const organisationId = patch.organisationId !== undefined ? patch.organisationId : before.organisationId;
    await checkOrganisation(tx, roles, organisationId);
    const after = await updateUserVersioned(tx, id, version, { ...patch, roles: [...new Set(roles)] });
    if (!after) throw staleVersion(before.version);
    await audit(
      tx,
      actor,
      patch.disabled === true ? 'user.disable' : 'user.update',
      { type: 'user', id: id },
      { before: auditView(before), after: auditView(after) },
    );
    return toUserView(after);
  });
}

/** Sets a new password and invalidates every token issued before. */
export async function resetPassword(db: Db, actor: Actor, id: string, password: string): Promise<UserView> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw userNotFound();
    const after = await updateUserVersioned(tx, id, before.version, {
      passwordHash,
      tokenVersion: before.tokenVersion + 1,
    });
    if (!after) throw staleVersion(before.version);
    await audit(tx, actor, 'user.password_reset', { type: 'user', id: id });
    return toUserView(after);
  });
}
