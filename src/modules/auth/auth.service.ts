// Sign-in: argon2id verification, database-backed limits (they hold across instances),
// audit of every success and failure.
//
// Limits follow OWASP's Authentication Cheat Sheet ("account lockout": lock-outs let anyone
// who knows an address deny its owner; prefer throttling): failures are counted per
// (account, client address) pair and per address, each refused for the rest of the window,
// so a stranger elsewhere cannot lock the owner out. Guessing at one account from many
// addresses meets a slower, account-wide exponential back-off (1 s, 2 s, 4 s... capped)
// once it passes a higher threshold: it delays the owner by seconds, never for the window.
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

type Limits = Pick<
  Config,
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS'
  | 'LOGIN_MAX_FAILURES_PER_IP'
  | 'LOGIN_WINDOW_MINUTES'
  | 'LOGIN_BACKOFF_AFTER_FAILURES'
  | 'LOGIN_BACKOFF_MAX_SECONDS'
>;

/** Seconds until this sign-in may be tried, or 0 when it may be tried now. */
export function signInWait(
  limits: Limits,
  recent: Awaited<ReturnType<typeof countRecentFailures>>,
  now: number,
): number {
  const windowMs = limits.LOGIN_WINDOW_MINUTES * 60_000;
  const until: number[] = [];
  // Refused until the oldest failure counted leaves the window.
  if (recent.byPair >= limits.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS && recent.pairOldest)
    until.push(recent.pairOldest.getTime() + windowMs);
  if (recent.byIp >= limits.LOGIN_MAX_FAILURES_PER_IP && recent.ipOldest)
    until.push(recent.ipOldest.getTime() + windowMs);
  if (recent.byEmail >= limits.LOGIN_BACKOFF_AFTER_FAILURES && recent.emailLatest) {
    const exponent = Math.min(recent.byEmail - limits.LOGIN_BACKOFF_AFTER_FAILURES, 30);
    until.push(recent.emailLatest.getTime() + Math.min(2 ** exponent, limits.LOGIN_BACKOFF_MAX_SECONDS) * 1000);
  }
  const latest = Math.max(0, ...until);
  return latest > now ? Math.ceil((latest - now) / 1000) : 0;
}

export async function login(
  db: Db,
  limits: Limits,
  sign: (payload: TokenPayload) => string,
  input: LoginInput,
): Promise<{ token: string; user: UserView }> {
  const windowMs = limits.LOGIN_WINDOW_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const wait = signInWait(limits, await countRecentFailures(db, input.email, input.ip, since), Date.now());
  if (wait > 0) throw tooManyAttempts(wait);
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.disabled) {
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, input.email, input.ip);
      await audit(
        tx,
        { userId: null, requestId: input.requestId },
        'auth.login_failed',
        { type: 'user', id: user?.id ?? null },
        {
          after: {
            email: input.email.toLowerCase(),
            ip: input.ip,
            reason: !user ? 'unknown_email' : user.disabled ? 'disabled' : 'bad_password',
          },
        },
      );
    });
    throw invalidCredentials();
  }
  await audit(
    db,
    { userId: user.id, requestId: input.requestId },
    'auth.login',
    { type: 'user', id: user.id },
    { after: { ip: input.ip } },
  );
  // Old failures are of no further use; pruning keeps the table small.
  await pruneLoginFailures(db, new Date(Date.now() - 2 * windowMs));
  return { token: sign({ sub: user.id, tv: user.tokenVersion }), user: toUserView(user) };
}
