// Results communicated to the subjects (Rules §19): the published final report and, for a focal
// point, its own agency type's risk profile, in either language; the Commission's decision; the
// recommendations the subject's agency type is to act on, with a link to the follow-up form.
import { download, get } from '../api.js';
import { h } from '../dom.js';
import { formatDate, loc, t } from '../i18n.js';
import { hasRole, link, session } from '../nav.js';
import { agencyTypes, names } from '../refdata.js';
import { busy, notice, table } from '../ui.js';

/** When and under which protocol the Commission considered the results. */
export const decisionLine = (date, number) =>
  number
    ? t('results.decision', { date: formatDate(date), n: number })
    : t('results.decisionNoNumber', { date: formatDate(date) });

// The report first, then the profile.
const order = (f) => `${f.kind === 'report' ? 0 : 1}${f.format}${f.lang}`;

function fileRow(result, file, out, agencyName) {
  const b = h('button', { type: 'button', class: 'secondary' }, t('files.download'));
  b.setAttribute('aria-label', t('files.downloadName', { name: file.name }));
  b.addEventListener('click', () =>
    busy(b, out, async () => {
      await download(`/api/v1/results/${result.id}/files/${file.name}`, file.name);
      read.textContent = t('results.read');
    }),
  );
  const read = h(
    'span',
    { class: file.read ? 'badge status-accepted' : 'badge' },
    file.read ? t('results.read') : t('results.unread'),
  );
  const what =
    file.kind === 'report'
      ? t(file.format === 'pdf' ? 'files.reportPdf' : 'files.reportXlsx')
      : t('results.profile', { agency: agencyName(file.agencyType) });
  return h(
    'tr',
    {},
    h('td', {}, what),
    h('td', {}, t(`files.lang.${file.lang}`)),
    h('td', {}, t('files.kb', { n: Math.max(1, Math.round(file.size / 1024)) })),
    h('td', {}, read),
    h('td', {}, b),
  );
}

async function followUpLinks() {
  if (!hasRole('focal_point') || !session.user.organisationId) return null;
  const open = (await get('/api/v1/campaigns')).filter((c) => c.status === 'open');
  if (!open.length) return null;
  return h(
    'ul',
    {},
    open.map((c) =>
      h(
        'li',
        {},
        link(`/follow-up/${c.id}/${session.user.organisationId}`, t('results.followUpLink', { year: c.reportingYear })),
      ),
    ),
  );
}

export async function resultsPage() {
  const results = await get('/api/v1/results');
  const agencyName = await names(agencyTypes());
  const out = h('div', { 'aria-live': 'polite' });
  const links = await followUpLinks();
  const blocks = results.map((r) =>
    h(
      'article',
      { class: 'card' },
      h('h2', {}, loc(r.title)),
      h(
        'p',
        {},
        t('assessment.periodValue', { start: r.startYear, end: r.endYear }),
        ' · ',
        decisionLine(r.decision.meetingOn, r.decision.protocolNumber),
      ),
      h('p', {}, loc(r.decision.text)),
      table(
        [t('files.what'), t('results.language'), t('files.size'), t('results.readStatus'), t('common.actions')],
        [...r.files].sort((a, b) => order(a).localeCompare(order(b))).map((f) => fileRow(r, f, out, agencyName)),
      ),
      h('h3', {}, t('results.actions')),
      r.actions.length
        ? h(
            'ol',
            {},
            r.actions.map((a) => h('li', {}, loc(a.text))),
          )
        : notice('info', t('results.noActions')),
    ),
  );
  return h(
    'section',
    {},
    h('h1', {}, t('results.title')),
    h('p', {}, t('results.intro')),
    out,
    links ? h('div', { class: 'card' }, h('h2', {}, t('results.followUp')), links) : null,
    results.length ? blocks : notice('info', t('results.none')),
  );
}
