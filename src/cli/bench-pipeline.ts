// `npm run bench:pipeline`: the pure pipeline steps at 1x, 10x and 50x national scale
// (quality check, structuring, ranking), each scale in its own child process so that
// peak memory is per scale. Prints time and peak RSS after each step, then the cost
// per submission to show linear growth. Target: 10x in under 10 s and 1 GB.
//   npx tsx src/cli/bench-pipeline.ts [--scales=1,10,50]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { evidenceFromFacts, registerItemIds } from '../modules/scoring/scoring.evidence.js';
import { DEFAULT_RISK_REGISTER_VERSION } from '../modules/assessments/assessments.service.js';
import { getRegister } from '../modules/scoring/scoring.service.js';
import { forEachFact } from '../pipeline/structuring.js';
import type { Fact } from '../pipeline/facts.js';
import { buildRankingResult } from '../pipeline/ranking-result.js';
import { runQuality } from '../pipeline/quality/run.js';
import { generateNationalDataset } from '../synthetic/national.js';
import { syntheticScores } from '../synthetic/scores.js';
import { arg } from './args.js';

interface StepFigure {
  step: string;
  ms: number;
  peakMb: number;
  note: string;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function time<T>(step: string, figures: StepFigure[], fn: () => T, note: (r: T) => string): T {
  const t0 = performance.now();
  const r = fn();
  figures.push({ step, ms: Math.round(performance.now() - t0), peakMb: peakMb(), note: note(r) });
  return r;
}

function child(scale: number): void {
  const figures: StepFigure[] = [];
  const data = time(
    'generate (not a step)',
    figures,
    () => generateNationalDataset({ seed: 'bench', scale }),
    (d) => `${d.organisations.length} orgs, ${d.submissions.length} submissions`,
  );
  time(
    '1 quality',
    figures,
    () => runQuality(data),
    (q) => `${q.findings.length} findings`,
  );
  // Structuring streams facts as the service does (it writes them in batches); the
  // ranking keeps only the facts of the register's items, as its DB query does.
  // The register new assessments get (2024-v2: 54 risks, every SOP group).
  const register = getRegister(arg('register') ?? DEFAULT_RISK_REGISTER_VERSION);
  const wanted = new Set(registerItemIds(register));
  const kept: Fact[] = [];
  time(
    '2 structuring',
    figures,
    () => forEachFact(data, (f) => void (wanted.has(f.itemId) && kept.push(f))),
    (s) => `${s.facts} facts (${kept.length} for ranking)`,
  );
  time(
    '3 ranking',
    figures,
    () => {
      const evidence = evidenceFromFacts(register, kept, data.years[2]!);
      const experts = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
      const scores = syntheticScores(
        'bench',
        register.risks.map((r) => r.code),
        experts,
      ).map((s) => ({ ...s, round: 1 }));
      return buildRankingResult({
        riskRegisterVersion: register.version,
        round: 1,
        scores,
        riskEvidence: new Map(evidence.risks.map((r) => [r.riskCode, r.evidence])),
        regionEvidence: evidence.regions,
      }).result;
    },
    (r) => `${r.risks.length} risks ranked`,
  );
  process.stdout.write(JSON.stringify({ scale, submissions: data.submissions.length, figures }));
}

function main(): void {
  const scaleArg = arg('child');
  if (scaleArg) return child(Number(scaleArg));
  const scales = (arg('scales') ?? '1,10,50').split(',').map(Number);
  const self = fileURLToPath(import.meta.url);
  const results: { scale: number; submissions: number; figures: StepFigure[] }[] = [];
  for (const scale of scales) {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--max-old-space-size=8192',
        self,
        `--child=${scale}`,
        ...(arg('register') ? [`--register=${arg('register')}`] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const r = JSON.parse(out) as (typeof results)[number];
    results.push(r);
    console.log(`\nScale ${scale}x: ${r.submissions} submissions`);
    for (const f of r.figures)
      console.log(
        `  ${f.step.padEnd(22)} ${String(f.ms).padStart(7)} ms   peak RSS ${String(f.peakMb).padStart(5)} MB   ${f.note}`,
      );
    const steps = r.figures.filter((f) => /^\d/.test(f.step));
    console.log(`  ${'steps total'.padEnd(22)} ${String(steps.reduce((a, f) => a + f.ms, 0)).padStart(7)} ms`);
  }
  console.log('\nCost per 1000 submissions (linear growth keeps these flat):');
  for (const r of results) {
    const per = r.figures
      .filter((f) => /^\d/.test(f.step))
      .map((f) => `${f.step.slice(2)} ${((f.ms * 1000) / r.submissions).toFixed(0)} ms`);
    console.log(`  ${String(r.scale).padStart(3)}x: ${per.join(', ')}`);
  }
  const ten = results.find((r) => r.scale === 10);
  if (ten) {
    const total = ten.figures.filter((f) => /^\d/.test(f.step)).reduce((a, f) => a + f.ms, 0);
    const peak = Math.max(...ten.figures.map((f) => f.peakMb));
    console.log(
      `\nTarget 10x: ${total} ms (< 10000) and ${peak} MB peak (< 1024): ${total < 10_000 && peak < 1024 ? 'met' : 'NOT met'}`,
    );
  }
}

main();
