// `npm run bench:pipeline`: the assessment steps as users wait for them, through the HTTP API on
// PostgreSQL and on PGlite (src/cli/bench-e2e.ts): quality, structuring (beside a raw COPY of the
// same fact rows), ranking and finalisation, per step the wall time and the server's peak RSS.
// Targets at 10x on PostgreSQL: quality + structuring + ranking < 10 s, structuring <= 2x raw COPY,
// finalisation < 30 s (< 10 s at 1x), server peak RSS < 1 GB.
//   npx tsx src/cli/bench-pipeline.ts [--scales=1,10,50] [--backends=postgres,pglite] [--pg-url=postgres://...]
import { arg } from './args.js';
import { benchEndToEnd, e2eOptions } from './bench-e2e.js';

benchEndToEnd(e2eOptions(arg));
