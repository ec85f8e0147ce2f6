// The progress board at national scale: recipients filtered (region, agency type, status,
// timeliness, a name search in either language), sorted and paged on the server, so the
// browser receives one page of hundreds of organisations. Pure: the service passes every
// recipient's progress; the roll-ups stay over all of them.
import { completionShare } from '../../domain/questionnaire/completeness.js';
import type { RecipientProgress, RecipientQuery } from './campaigns.schemas.js';

const completenessShare = (r: RecipientProgress) => completionShare(r.completeness) ?? -1;

const statusOrder = ['not_started', 'draft', 'returned', 'submitted', 'accepted'];
const timelinessOrder = ['overdue', 'late', 'pending', 'on_time'];

const compare: Record<RecipientQuery['sort'], (a: RecipientProgress, b: RecipientProgress) => number> = {
  name: (a, b) => a.name.ru.localeCompare(b.name.ru, 'ru'),
  region: (a, b) => a.region.localeCompare(b.region) || a.agencyType.localeCompare(b.agencyType),
  agencyType: (a, b) => a.agencyType.localeCompare(b.agencyType) || a.region.localeCompare(b.region),
  status: (a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status),
  timeliness: (a, b) => timelinessOrder.indexOf(a.timeliness) - timelinessOrder.indexOf(b.timeliness),
  completeness: (a, b) => completenessShare(a) - completenessShare(b),
  submittedAt: (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
};

export interface RecipientPage {
  recipients: RecipientProgress[];
  /** Recipients that match the filters, over all pages. */
  matched: number;
  page: number;
  pageSize: number;
}

export function selectRecipients(all: RecipientProgress[], q: RecipientQuery): RecipientPage {
  const needle = q.q?.trim().toLocaleLowerCase('ru');
  const matching = all.filter(
    (r) =>
      (!q.region || r.region === q.region) &&
      (!q.agencyType || r.agencyType === q.agencyType) &&
      (!q.status || r.status === q.status) &&
      (!q.timeliness || r.timeliness === q.timeliness) &&
      (!needle ||
        r.name.kk.toLocaleLowerCase('kk').includes(needle) ||
        r.name.ru.toLocaleLowerCase('ru').includes(needle)),
  );
  const direction = q.order === 'desc' ? -1 : 1;
  // Ties keep a stable, meaningful order: by name.
  const sorted = matching.sort((a, b) => direction * compare[q.sort](a, b) || compare.name(a, b));
  const start = (q.page - 1) * q.pageSize;
  return {
    recipients: sorted.slice(start, start + q.pageSize),
    matched: matching.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
