// Sign-in: argon2id verification, database-backed rate limit per account and per IP
// (works across instances), audit of every success and failure.
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { TokenPayload } from '../../shared/access.js';
import { audit } from '../audit/audit.repository.js';
import { findUserByEmail } from '../users/users.repository.js';
import { toUserView } from '../users/users.service.js';
import type { UserView } from '../users/users.schemas.js';
import { invalidCredentials, tooManyAttempts } from './auth.errors.js';
import { dummyPasswordHash, verifyPassword } from '../users/users.password.js';
import { countRecentFailures, pruneLoginFailures, recordLoginFailure } from './auth.repository.js';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  requestId: string;
}

type Limits = Pick<Config, 'LOGIN_MAX_FAILURES_PER_ACCOUNT' | 'LOGIN_MAX_FAILURES_PER_IP' | 'LOGIN_WINDOW_MINUTES'>;

export async function login(
  db: Db,
  limits: Limits,
  sign: (payload: TokenPayload) => string,
  input: LoginInput,
): Promise<{ token: string; user: UserView }> {
  const windowMs = limits.LOGIN_WINDOW_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const recent = await countRecentFailures(db, input.email, input.ip, since);
  if (recent.byEmail >= limits.LOGIN_MAX_FAILURES_PER_ACCOUNT || recent.byIp >= limits.LOGIN_MAX_FAILURES_PER_IP) {
    throw tooManyAttempts(Math.ceil(windowMs / 1000));
  }
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.disabled) {
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, input.email, input.ip);
      await audit(tx, { userId: null, requestId: input.requestId }, 'auth.login_failed', { type: 'user', id: user?.id ?? null }, { after: { email: input.email.toLowerCase(), ip: input.ip, reason: !user ? 'unknown_email' : user.disabled ? 'disabled' : 'bad_password' } });
    });
    throw invalidCredentials();
  }
  await audit(db, { userId: user.id, requestId: input.requestId }, 'auth.login', { type: 'user', id: user.id }, { after: { ip: input.ip } });
  // Old failures are of no further use; pruning keeps the table small.
  await pruneLoginFailures(db, new Date(Date.now() - 2 * windowMs));
  return { token: sign({ sub: user.id, tv: user.tokenVersion }), user: toUserView(user) };
}

