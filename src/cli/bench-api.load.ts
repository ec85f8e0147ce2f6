// The load generator of `npm run bench:api`, run as a separate process so that
// autocannon does not share the event loop with the server it measures. It stays up
// for the whole run (warm, like the server): each line on stdin is one round, with
// each target's current ETag, and each round's result is one line on stdout.
// Each connection owns one organisation and carries its ETag from save to save.
// autocannon resets a connection's context when it loops over its request list,
// so the list is one long run of identical saves that a benchmark never exhausts.
import { createInterface } from 'node:readline';
import autocannon, { type Request } from 'autocannon';

export interface Target {
  path: string;
  token: string;
  bodies: [string, string];
}

interface Round {
  url: string;
  connections: number;
  durationSeconds: number;
  targets: Target[];
  etags: string[];
}

interface Context {
  target?: number;
  etag?: string;
  saves?: number;
}

function etagOf(headers: unknown): string | undefined {
  // autocannon passes response headers as a flat [name, value, ...] array or an object.
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2)
      if (String(headers[i]).toLowerCase() === 'etag') return String(headers[i + 1]);
    return undefined;
  }
  return (headers as Record<string, string> | undefined)?.etag;
}

async function run(round: Round) {
  let nextTarget = 0;
  const save: Request = {
    method: 'PUT',
    setupRequest: (req, ctx) => {
      const context = ctx as Context;
      if (context.target === undefined) {
        context.target = nextTarget++ % round.targets.length;
        context.etag = round.etags[context.target];
      }
      const target = round.targets[context.target]!;
      const n = (context.saves = (context.saves ?? 0) + 1);
      return {
        ...req,
        path: target.path,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${target.token}`,
          'if-match': context.etag!,
        },
        body: target.bodies[n % 2],
      };
    },
    onResponse: (status, _body, ctx, headers) => {
      const context = ctx as Context;
      if (status === 200) context.etag = etagOf(headers) ?? context.etag;
    },
  };

  let firstError: string | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: round.url,
        connections: round.connections,
        duration: round.durationSeconds,
        requests: Array.from({ length: 10_000 }, () => save),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('reqError', (err: Error) => {
      firstError ??= err.message;
    });
  });
  return {
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon stops sending when the duration is up but reports its next one-second
    // tick as `duration`: the saves happened within the requested duration.
    seconds: round.durationSeconds,
    firstError,
  };
}

for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(await run(JSON.parse(line) as Round))}\n`);
}
