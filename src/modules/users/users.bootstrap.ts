// The first administrator: from ADMIN_EMAIL/ADMIN_PASSWORD, or in development a
// generated admin@localhost whose password is logged once.
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { countUsers } from './users.repository.js';
import { createUser } from './users.service.js';

export async function ensureFirstAdmin(db: Db, config: Config, log: FastifyBaseLogger): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    await createUser(db, null, {
      email: config.ADMIN_EMAIL,
      name: 'Administrator',
      password: config.ADMIN_PASSWORD,
      roles: ['admin'],
      organisationId: null,
    });
    log.info({ email: config.ADMIN_EMAIL }, 'first administrator created');
    return;
  }
  if (config.NODE_ENV === 'development') {
    const password = randomBytes(12).toString('base64url');
    await createUser(db, null, {
      email: 'admin@localhost',
      name: 'Administrator',
      password,
      roles: ['admin'],
      organisationId: null,
    });
    log.warn(
      { email: 'admin@localhost', password },
      'first administrator created with a generated password (shown once; change it)',
    );
    return;
  }
  if (config.NODE_ENV === 'production')
    log.warn('no users exist: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first administrator');
}
