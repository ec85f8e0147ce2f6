// "Download all": one ZIP of an assessment's published files, streamed as it is built. Files are
// read from the database one at a time and stored without recompression (PDF and XLSX are
// compressed already), so memory holds one file, not the archive. fflate (pure JS, no
// dependencies, already in the tree through pdfkit) writes the ZIP; see README for the choice.
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';
import type { Db } from '../../db/client.js';
import { isRestricted } from '../../reports/build/outputs.js';
import type { AuthUser } from '../../shared/access.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { fileNotFound } from './reports.errors.js';
import { findFile, listFiles } from './reports.repository.js';

const CHUNK = 1 << 20;

/**
 * The published files of an assessment the user may read, as a ZIP stream. The restricted raw
 * fact table is never put in the archive: it is downloaded on its own, and each download audited.
 */
export async function filesArchive(
  db: Db,
  user: AuthUser,
  assessmentId: string,
): Promise<{ fileName: string; stream: Readable }> {
  const assessment = await loadAssessment(db, assessmentId, { readableBy: user });
  const names = (await listFiles(db, assessmentId)).filter((f) => !isRestricted(f.name)).map((f) => f.name);
  if (!names.length) throw fileNotFound();
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) return void out.destroy(err);
    out.write(chunk);
    if (final) out.end();
  });
  const write = async () => {
    for (const name of names) {
      const file = await findFile(db, assessmentId, name);
      if (!file) continue;
      const entry = new ZipPassThrough(name);
      entry.mtime = file.createdAt;
      zip.add(entry);
      const bytes = new Uint8Array(file.content.buffer, file.content.byteOffset, file.content.byteLength);
      if (bytes.length === 0) entry.push(bytes, true);
      for (let at = 0; at < bytes.length; at += CHUNK) {
        entry.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
        // Back-pressure: a slow client holds the next chunk, not the whole archive in memory.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
        if (out.destroyed) return;
      }
    }
    zip.end();
  };
  write().catch((err) => out.destroy(err));
  return { fileName: `assessment-${assessment.startYear}-${assessment.endYear}.zip`, stream: out };
}
