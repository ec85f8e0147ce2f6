// A user's own notification preferences: the language of their notices and the e-mail opt-out.
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../shared/context.js';
import { audit } from '../audit/audit.repository.js';
import { findUserById, setUserPreferences } from '../users/users.repository.js';

export async function getPreferences(db: DbOrTx, userId: string) {
  const u = await findUserById(db, userId);
  return { lang: u?.lang ?? 'ru', emailNotifications: u?.emailNotifications ?? true };
}

export async function setPreferences(
  db: Db,
  actor: Actor,
  patch: { lang?: 'kk' | 'ru'; emailNotifications?: boolean },
) {
  return db.transaction(async (tx) => {
    const before = await getPreferences(tx, actor.user.id);
    const after = { ...before, ...patch };
    await setUserPreferences(tx, actor.user.id, after);
    await audit(tx, actor, 'user.preferences', { type: 'user', id: actor.user.id }, { before, after });
    return after;
  });
}
