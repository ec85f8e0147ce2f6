// npm run bench:report
// Disclosure control at 1x and 10x (protection of the linked set plus the audit of the
// published model, with the number of secondary suppressions as the information lost;
// target: under 10 s at 10x), then time and peak memory to build and render the full report
// (PDF and XLSX, per language) from a 10x synthetic assessment held in memory
// (src/synthetic/national.ts at scale 10, structured into facts as the assessments module
// does), after one uncounted warm-up render. Target: under 5 s per language. Then what users wait for: finalisation through the
// HTTP API on PostgreSQL and PGlite (src/cli/bench-e2e.ts: it loads facts from the database and
// renders every profile too), after the steps it needs; the last line is the 10x summary.
//   npx tsx src/cli/bench-report.ts [--scale=10] [--scales=1,10] [--backends=postgres,pglite] [--pg-url=...]
import { buildReportViewModel, protectReport } from '../reports/build/build.js';
import { auditPublished, disclosureOptions } from '../reports/build/disclosure.js';
import { syntheticAssessmentInput } from '../synthetic/assessment.js';
import { renderReportPdf } from '../reports/pdf/report.js';
import { renderReportXlsx } from '../reports/xlsx/report.js';
import { arg } from './args.js';
import { benchEndToEnd, e2eOptions } from './bench-e2e.js';

const values = { scale: arg('scale') ?? '10', seed: arg('seed') ?? 'national' };
const scale = Number(values.scale);

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

for (const s of [1, 10]) {
  const data = syntheticAssessmentInput({ scale: s, seed: values.seed });
  const t0 = performance.now();
  const protection = protectReport(data);
  const protectedAt = performance.now();
  const published = buildReportViewModel(data, 'ru', { publish: true, protection });
  const builtAt = performance.now();
  const audit = auditPublished(published, protection.relations, disclosureOptions(data));
  // The published model is built for the renders anyway: protection + audit is what disclosure control adds.
  const total = performance.now() - builtAt + (protectedAt - t0);
  const p = protection.audit;
  console.log(
    `disclosure ${s}x: ${p.cells} count cells in ${p.components} linked component(s): ${p.primary} primary, ${p.secondary} secondary suppressions; ` +
      `protection ${secs(protectedAt - t0)} (incl. the raw model) + audit of the published model ${secs(performance.now() - builtAt)} (${audit.solves} LP solves), ` +
      `${audit.exposed.length} exposed = ${secs(total)}` +
      (s === 10 ? ` ${total < 10_000 ? '(target < 10 s: ok)' : '(target < 10 s: MISSED)'}` : ''),
  );
}

let t = performance.now();
const input = syntheticAssessmentInput({ scale, seed: values.seed });
console.log(
  `synthetic ${scale}x assessment: ${input.facts.length} facts, ${input.ranking.risks.length} risks, generated in ${secs(performance.now() - t)}`,
);

// CPU seconds beside wall time: on a shared machine the wall time also counts other processes.
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
// A server renders many reports in one process: one uncounted render of the 1x report first, so the
// figures below are the steady state and not the process's warm-up (JIT, fonts, exceljs), printed apart.
{
  const warm = syntheticAssessmentInput({ scale: 1, seed: values.seed });
  t = performance.now();
  const vm = buildReportViewModel(warm, 'kk', { publish: true });
  await renderReportPdf(vm);
  await renderReportXlsx(vm);
  console.log(`warm-up (not counted): 1x report in kk rendered in ${secs(performance.now() - t)}`);
}
// Finalisation protects once for both languages (measured above).
t = performance.now();
const protection = protectReport(input);
console.log(`protection of the ${scale}x assessment for the renders below: ${secs(performance.now() - t)}`);
for (const lang of ['kk', 'ru'] as const) {
  const cpu0 = cpuSeconds();
  t = performance.now();
  const vm = buildReportViewModel(input, lang, { publish: true, protection });
  const built = performance.now() - t;
  const pdf = await renderReportPdf(vm);
  const pdfDone = performance.now() - t;
  const xlsx = await renderReportXlsx(vm);
  const total = performance.now() - t;
  sample();
  console.log(
    `${lang}: view model ${secs(built)}, + PDF ${secs(pdfDone - built)} (${(pdf.length / 1024).toFixed(0)} KiB), + XLSX ${secs(total - pdfDone)} (${(xlsx.length / 1024).toFixed(0)} KiB) = ${secs(total)} ${total < 5000 ? '(target < 5 s: ok)' : '(target < 5 s: MISSED)'}, CPU ${(cpuSeconds() - cpu0).toFixed(2)} s`,
  );
}
clearInterval(timer);
sample();
console.log(`peak RSS ${mb(peak)}`);

console.log('\nFinalisation through the API (after quality, structuring and ranking):');
benchEndToEnd(e2eOptions(arg));
