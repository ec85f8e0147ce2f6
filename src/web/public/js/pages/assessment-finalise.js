// Finalise: render and store the report files (a background job), then list them for download.
import { api, download, get } from '../api.js';
import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { agencyTypes, names } from '../refdata.js';
import { busy, notice, table } from '../ui.js';

/** What a stored file is, for people: its group, what it is, and its language if any. */
function describe(name, agencyName) {
  let m = /^report-(kk|ru)\.(pdf|xlsx)$/.exec(name);
  if (m)
    return {
      group: 'report',
      key: m[2],
      label: t(m[2] === 'pdf' ? 'files.reportPdf' : 'files.reportXlsx'),
      lang: m[1],
    };
  m = /^profile-(.+)-(kk|ru)\.pdf$/.exec(name);
  if (m) return { group: 'profiles', key: m[1], label: agencyName(m[1]), lang: m[2] };
  // Raw victim-level data (experts and administrators only) says so.
  return {
    group: 'data',
    key: name,
    label: t(name.includes('-restricted.') ? 'files.restricted' : 'files.data'),
    lang: null,
  };
}

const GROUPS = ['report', 'profiles', 'data'];

/**
 * The stored files grouped (the report, the risk profiles, data), one row per document with a
 * download button per language; human labels, the file name only in the button's label.
 */
export async function filesTable(assessmentId, out) {
  const [files, agencyName] = await Promise.all([
    get(`/api/v1/assessments/${assessmentId}/files`).catch(() => []),
    names(agencyTypes()),
  ]);
  if (!files.length) return notice('info', t('files.none'));
  const docs = new Map();
  for (const f of files) {
    const d = describe(f.name, agencyName);
    const id = `${d.group}|${d.key}`;
    if (!docs.has(id)) docs.set(id, { ...d, files: [] });
    docs.get(id).files.push(f);
  }
  const button = (f, lang) => {
    const text = lang ? t('files.downloadLang', { lang: t(`files.lang.${lang}`) }) : t('files.download');
    // The accessible name starts with the visible text (WCAG 2.5.3) and names the file.
    const b = h('button', { type: 'button', class: 'secondary', 'aria-label': `${text}: ${f.name}` }, text);
    b.addEventListener('click', () =>
      busy(b, out, () => download(`/api/v1/assessments/${assessmentId}/files/${encodeURIComponent(f.name)}`, f.name)),
    );
    return b;
  };
  const sections = GROUPS.map((group) => {
    const list = [...docs.values()].filter((d) => d.group === group).sort((a, b) => a.label.localeCompare(b.label));
    if (!list.length) return null;
    const rows = list.map((d) => {
      const sorted = d.files
        .map((f) => ({ f, lang: describe(f.name, agencyName).lang }))
        .sort((a, b) => (a.lang ?? '').localeCompare(b.lang ?? ''));
      const size = d.files.reduce((n, f) => n + f.size, 0);
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, d.label),
        h(
          'td',
          { class: 'downloads' },
          sorted.map(({ f, lang }) => button(f, lang)),
        ),
        h('td', {}, t('files.kb', { n: Math.max(1, Math.round(size / 1024)) })),
        h('td', {}, formatDateTime(d.files[0].createdAt)),
      );
    });
    // One scrolling region per group, named by the group (the table's own region, renamed).
    const body = table([t('files.what'), t('files.download'), t('files.size'), t('files.created')], rows);
    body.setAttribute('aria-label', t(`files.group.${group}`));
    // Dozens of profiles: folded, so the report stays in view.
    return group === 'profiles'
      ? h(
          'details',
          { class: 'file-group' },
          h('summary', {}, t('files.groupCount', { group: t(`files.group.${group}`), n: list.length })),
          body,
        )
      : h('section', { class: 'file-group' }, h('h3', {}, t(`files.group.${group}`)), body);
  });
  return h('div', {}, sections);
}

export async function finalisePanel(assessment, { etag, jobs }) {
  const out = h('div', { 'aria-live': 'polite' });
  const parts = [h('h2', {}, t('finalise.title'))];
  // A finalisation already under way (started here, elsewhere or before a reload) is not offered again.
  const running =
    assessment.status !== 'finalised' &&
    (await get(`/api/v1/assessments/${assessment.id}/jobs?active=true`).catch(() => [])).some(
      (j) => j.kind === 'report.finalise',
    );
  if (running) {
    parts.push(notice('info', t('finalise.running')));
  } else if (assessment.status !== 'finalised') {
    const b = h('button', { type: 'button' }, t('finalise.run'));
    // Finalisation is irreversible: a confirmation says what it produces first.
    const confirm = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-label': t('finalise.confirmTitle'), hidden: true },
      h('p', {}, h('strong', {}, t('finalise.confirmTitle'))),
      h('p', {}, t('finalise.confirmText')),
    );
    const yes = h('button', { type: 'button' }, t('finalise.confirm'));
    const no = h('button', { type: 'button', class: 'secondary' }, t('finalise.cancel'));
    confirm.append(h('div', { class: 'actions' }, yes, no));
    b.addEventListener('click', () => {
      confirm.hidden = false;
      b.hidden = true;
      yes.focus();
    });
    no.addEventListener('click', () => {
      confirm.hidden = true;
      b.hidden = false;
      b.focus();
    });
    // The job's progress is shown by the assessment's jobs panel, which survives leaving the page.
    yes.addEventListener('click', () =>
      busy(yes, out, async () => {
        const { data: job } = await api('POST', `/api/v1/assessments/${assessment.id}/finalise`, { ifMatch: etag });
        confirm.hidden = true;
        jobs.follow(job);
      }),
    );
    parts.push(h('p', {}, t('finalise.help')), b, confirm);
  } else {
    parts.push(notice('success', t('finalise.done', { time: formatDateTime(assessment.finalisedAt) })));
  }
  parts.push(out, h('h3', {}, t('files.title')), await filesTable(assessment.id, out));
  return h('div', {}, parts);
}
