import path from 'node:path';
import type { Config } from '../config.js';

/** Where the embedded database lives when no DATABASE_URL is given. */
export function dataDirFor(config: Pick<Config, 'DATA_DIR'>): string {
  return path.resolve(config.DATA_DIR, 'pglite');
}
