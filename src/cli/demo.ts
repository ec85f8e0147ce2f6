// `npm run demo`: the whole expert-group pipeline on the synthetic national dataset.
// Loads the dataset into the embedded database (DATA_DIR, or a fresh temporary one with
// --fresh; DATABASE_URL if set), creates an assessment over 2025-2027, runs structuring,
// the quality check and (with seeded expert scores) the ranking as the server's jobs do
// (an in-process runner), and prints a summary.
//   npx tsx src/cli/demo.ts [--fresh] [--scale=1] [--seed=national]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase, type Db } from '../db/client.js';
import { dataDirFor } from '../db/location.js';
import { migrateDatabase } from '../db/migrate.js';
import { findOrganisation } from '../modules/organisations/organisations.repository.js';
import { seedReference } from '../modules/reference/reference.seed.js';
import { findUserByEmail } from '../modules/users/users.repository.js';
import { createUser } from '../modules/users/users.service.js';
import { createAssessment, getAssessments } from '../modules/assessments/assessments.service.js';
import { addMember, getMembers } from '../modules/expert-group/expert-group.service.js';
import { listRuns } from '../modules/assessments/assessments.repository.js';
import { QUALITY_JOB, requestStep, STRUCTURING_JOB, toRunView } from '../modules/assessments/assessments.steps.js';
import { getRanking, requestRanking } from '../modules/scoring/scoring.service.js';
import { runJobNow } from './jobs.js';
import type { Role } from '../shared/access.js';
import type { Actor } from '../shared/context.js';
import { loadNationalDataset } from '../synthetic/load.js';
import { generateNationalDataset } from '../synthetic/national.js';
import { saveSyntheticScores } from '../synthetic/save-scores.js';
import { arg } from './args.js';

const fresh = arg('fresh') === 'true';
const scale = Number(arg('scale') ?? 1);
const seed = arg('seed') ?? 'national';

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function demoActor(db: Db, email: string, roles: Role[]): Promise<Actor> {
  const existing = await findUserByEmail(db, email);
  const user =
    existing ??
    (await createUser(db, null, {
      email,
      name: email.split('@')[0]!,
      password: 'demo-password-not-for-production',
      roles,
      organisationId: null,
    }));
  return {
    user: {
      id: user.id,
      email,
      name: user.name,
      roles,
      organisationId: null,
      tokenVersion: existing?.tokenVersion ?? 0,
    },
    requestId: 'demo',
    lang: 'ru',
  };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const pgliteDir = fresh ? mkdtempSync(path.join(tmpdir(), 'ctip-demo-')) : dataDirFor(config);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir });
  const db = database.db;
  console.log(`Database: ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${pgliteDir}`}`);
  try {
    await migrateDatabase(database);
    await seedReference(db);

    let t0 = performance.now();
    const data = generateNationalDataset({ seed, scale });
    console.log(
      `Generated: ${data.organisations.length} organisations, ${data.submissions.length} submissions over ${data.years.join(', ')}, ${data.plants.length} planted anomalies (${seconds(t0)})`,
    );
    t0 = performance.now();
    if (await findOrganisation(db, data.organisations[0]!.id))
      console.log('Dataset already loaded in this database: reusing it.');
    else {
      await loadNationalDataset(db, data);
      console.log(`Loaded into the database (${seconds(t0)})`);
    }

    const admin = await demoActor(db, 'demo-admin@example.kz', ['admin']);
    const experts = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => demoActor(db, `demo-expert-${i}@example.kz`, ['expert'])),
    );
    const lead = experts[0]!;
    // The experts are expert-group members for МВД (Rules §6: the coordinating body's members run the steps).
    const mvd = data.organisations.find((o) => o.agencyType === 'mvd')!;
    const members = await getMembers(db, {});
    for (const e of experts)
      if (!members.some((m) => m.userId === e.user.id))
        await addMember(db, admin, {
          name: e.user.name,
          organisationId: mvd.id,
          userId: e.user.id,
          role: e === lead ? 'chair' : 'member',
          joinedOn: `${data.years[0]}-01-01`,
        });
    // One assessment per three-year cycle (§3): a second run reuses this database's assessment.
    const existing = (await getAssessments(db, admin.user)).find((a) => a.startYear === data.years[0]);
    if (existing?.status === 'finalised') {
      console.log(`Assessment ${existing.id} for these years is finalised; run with --fresh for a new one.`);
      return;
    }
    const assessment =
      existing ??
      (await createAssessment(db, lead, {
        title: {
          kk: `Адам саудасына қарсы іс-қимыл саласындағы тәуекелдерді бағалау ${data.years[0]}-${data.years[2]}`,
          ru: `Оценка рисков в сфере противодействия торговле людьми ${data.years[0]}-${data.years[2]}`,
        },
        startYear: data.years[0]!,
        coordinatingBody: 'mvd',
        campaignIds: data.campaigns.map((c) => c.id),
      }));
    console.log(
      `Assessment ${assessment.id} (${assessment.startYear}-${assessment.endYear}, coordinated by ${assessment.coordinatingBody}, ${assessment.campaignIds.length} campaigns)`,
    );

    t0 = performance.now();
    const runOf = async (kind: string) => {
      const job = await runJobNow(db, await requestStep(db, lead, assessment.id, kind));
      return toRunView((await listRuns(db, assessment.id)).find((r) => r.id === job.result.runId)!);
    };
    const structuring = await runOf(STRUCTURING_JOB);
    const s = structuring.summary as { facts: number; values: number; texts: number; missing: number };
    console.log(
      `\n2. Structuring: ${s.facts} facts (${s.values} values, ${s.texts} texts, ${s.missing} missing with reason) (${seconds(t0)})`,
    );

    t0 = performance.now();
    const quality = await runOf(QUALITY_JOB);
    const q = quality.summary as {
      submissions: number;
      organisations: number;
      findings: number;
      bySeverity: Record<string, number>;
      byCode: Record<string, number>;
    };
    console.log(
      `1. Quality check: ${q.submissions} submissions from ${q.organisations} organisations, ${q.findings} findings (${seconds(t0)})`,
    );
    console.log(
      `   by severity: ${Object.entries(q.bySeverity)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    for (const [code, n] of Object.entries(q.byCode).sort((a, b) => b[1] - a[1]))
      console.log(`   ${String(n).padStart(5)}  ${code}`);
    console.log(`   input hash ${quality.inputHash.slice(0, 16)}…, result hash ${quality.resultHash.slice(0, 16)}…`);

    t0 = performance.now();
    await saveSyntheticScores(db, seed, experts, assessment);
    await runJobNow(db, await requestRanking(db, admin, assessment.id));
    const ranking = await getRanking(db, assessment.id);
    console.log(
      `\n3. Ranking: ${ranking.risks.length} risks scored by ${experts.length} experts, register ${assessment.riskRegisterVersion} (${seconds(t0)})`,
    );
    for (const r of ranking.risks.slice(0, 10))
      console.log(
        `   ${String(r.position).padStart(2)}. ${r.title.ru} — L ${r.medianLikelihood} x I ${r.medianImpact} = ${r.score} (${r.level}), evidence ${r.evidence?.toFixed(1) ?? '—'}`,
      );
    console.log(
      `   Top regions by evidence: ${ranking.regions
        .slice(0, 5)
        .map((r) => `${r.name.ru} (${r.evidence?.toFixed(1) ?? '—'})`)
        .join(', ')}`,
    );
    console.log(`\nStart the API (npm start) and sign in as an admin to browse /api/v1/assessments/${assessment.id}.`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
