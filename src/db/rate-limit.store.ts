// A store for @fastify/rate-limit in the database, so a per-user limit holds across every
// instance behind a load balancer (the plugin's default store counts per process, which
// multiplies the limit by the number of instances). One upsert per limited request: only
// the expensive routes are limited, so the extra round trip is small beside their cost.
import type { Database } from './client.js';

interface Hits {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, result?: Hits) => void;

// The window restarts when it has passed; both CASEs read the row as it was before the update.
const INCREMENT = `
  insert into rate_limit_hits (key, window_start, hits) values ($1, now(), 1)
  on conflict (key) do update set
    hits = case when rate_limit_hits.window_start + $2 * interval '1 millisecond' <= now()
                then 1 else rate_limit_hits.hits + 1 end,
    window_start = case when rate_limit_hits.window_start + $2 * interval '1 millisecond' <= now()
                        then now() else rate_limit_hits.window_start end
  returning hits,
    greatest(0, extract(epoch from (window_start + $2 * interval '1 millisecond' - now())) * 1000)::float8 as ttl`;

const READ = `
  select hits, greatest(0, extract(epoch from (window_start + $2 * interval '1 millisecond' - now())) * 1000)::float8 as ttl
    from rate_limit_hits where key = $1 and window_start + $2 * interval '1 millisecond' > now()`;

/** The store class the plugin instantiates (`store` option); each route counts on its own. */
export function databaseRateLimitStore(database: Database) {
  return class DatabaseRateLimitStore {
    /** The plugin constructs the root store with its options; routes get a child with their scope. */
    private readonly scope: string;
    constructor(_options?: unknown, scope = '') {
      this.scope = scope;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      this.run(INCREMENT, key, timeWindow, callback);
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      this.run(READ, key, timeWindow, callback);
    }

    // At run time the plugin passes its merged options with the route as `routeInfo`.
    child(routeOptions: unknown): DatabaseRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''}`);
    }

    private run(query: string, key: string, timeWindow: number, callback: Callback): void {
      database.query(query, [`${this.scope}|${key}`, timeWindow]).then(
        ({ rows }) => {
          const row = rows[0] as { hits: number; ttl: number } | undefined;
          callback(null, row ? { current: Number(row.hits), ttl: Math.ceil(Number(row.ttl)) } : { current: 0, ttl: 0 });
        },
        (error: Error) => callback(error),
      );
    }
  };
}
