// npm run bench:report
// Time and peak memory to build and render the full report (PDF and XLSX, per language)
// from a 10x synthetic assessment held in memory (src/synthetic/national.ts at scale 10,
// structured into facts as the assessments module does). Target: under 5 s per language.
import { parseArgs } from 'node:util';
import { buildReportViewModel } from '../reports/build/build.js';
import { syntheticAssessmentInput } from '../synthetic/assessment.js';
import { renderReportPdf } from '../reports/pdf/report.js';
import { renderReportXlsx } from '../reports/xlsx/report.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '10' } } });
const scale = Number(values.scale);

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

let t = performance.now();
const input = syntheticAssessmentInput({ scale, seed: 1 });
console.log(`synthetic ${scale}x assessment: ${input.facts.length} facts, ${input.ranking.risks.length} risks, generated in ${secs(performance.now() - t)}`);

// CPU seconds beside wall time: on a shared machine the wall time also counts other processes.
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
for (const lang of ['kk', 'ru'] as const) {
  const cpu0 = cpuSeconds();
  t = performance.now();
  const vm = buildReportViewModel(input, lang, { publish: true });
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
