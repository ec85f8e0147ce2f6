// The load generator of `npm run bench:api`, run as a separate process so that
// autocannon does not share the event loop with the server it measures.
// Each connection owns one organisation and carries its ETag from save to save.
// autocannon resets a connection's context when it loops over its request list,
// so the list is one long run of identical saves that a benchmark never exhausts.
import { readFileSync } from 'node:fs';
import autocannon, { type Request } from 'autocannon';

interface LoadPlan {
  url: string;
  connections: number;
  durationSeconds: number;
  targets: { path: string; token: string; bodies: [string, string]; etag: string }[];
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
let nextTarget = 0;

interface Context {
  target?: number;
  etag?: string;
  saves?: number;
}

function etagOf(headers: unknown): string | undefined {
  // autocannon passes response headers as a flat [name, value, ...] array or an object.
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) if (String(headers[i]).toLowerCase() === 'etag') return String(headers[i + 1]);
    return undefined;
  }
  return (headers as Record<string, string> | undefined)?.etag;
}

const save: Request = {
  method: 'PUT',
  setupRequest: (req, ctx) => {
    const context = ctx as Context;
    if (context.target === undefined) {
      context.target = nextTarget++ % plan.targets.length;
      context.etag = plan.targets[context.target]!.etag;
    }
    const target = plan.targets[context.target]!;
    const n = (context.saves = (context.saves ?? 0) + 1);
    return {
      ...req,
      path: target.path,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}`, 'if-match': context.etag! },
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
    { url: plan.url, connections: plan.connections, duration: plan.durationSeconds, requests: Array.from({ length: 10_000 }, () => save) },
    (err, res) => (err ? reject(err) : resolve(res)),
  );
  instance.on('reqError', (err: Error) => {
    firstError ??= err.message;
  });
});

process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    seconds: result.duration,
    firstError,
  })}\n`,
);
