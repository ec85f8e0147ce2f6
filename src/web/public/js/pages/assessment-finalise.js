// Finalise: render and store the report files (a background job), then list them for download.
import { api, download, get } from '../api.js';
import { render } from '../nav.js';
import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { agencyTypes, names } from '../refdata.js';
import { busy, notice, table } from '../ui.js';

const POLL_MS = 1000;

/** What a stored file is, for people: the report first, then tables, profiles and data. */
function describe(name, agencyName) {
  let m = /^report-(kk|ru)\.(pdf|xlsx)$/.exec(name);
  if (m) return { order: m[2] === 'pdf' ? 0 : 1, label: t(`files.report_${m[2]}`, { lang: t(`files.lang.${m[1]}`) }) };
  m = /^profile-(.+)-(kk|ru)\.pdf$/.exec(name);
  if (m) return { order: 2, label: t('files.profile', { agency: agencyName(m[1]), lang: t(`files.lang.${m[2]}`) }) };
  return { order: 3, label: t('files.data') };
}

export async function filesTable(assessmentId, out) {
  const [files, agencyName] = await Promise.all([get(`/api/v1/assessments/${assessmentId}/files`).catch(() => []), names(agencyTypes())]);
  if (!files.length) return notice('info', t('files.none'));
  const rows = files.map((f) => ({ f, ...describe(f.name, agencyName) })).sort((a, b) => a.order - b.order || a.f.name.localeCompare(b.f.name));
  return table([t('files.what'), t('files.name'), t('files.size'), t('files.created'), t('common.actions')], rows.map(({ f, label }) => {
    const b = h('button', { type: 'button', class: 'secondary', 'aria-label': t('files.downloadName', { name: f.name }) }, t('files.download'));
    b.addEventListener('click', () => busy(b, out, () => download(`/api/v1/assessments/${assessmentId}/files/${encodeURIComponent(f.name)}`, f.name)));
    return h('tr', {}, h('td', {}, label), h('td', {}, f.name), h('td', {}, t('files.kb', { n: Math.max(1, Math.round(f.size / 1024)) })), h('td', {}, formatDateTime(f.createdAt)), h('td', {}, b));
  }));
}

export async function finalisePanel(assessment) {
  const out = h('div', { 'aria-live': 'polite' });
  const progress = h('p', { role: 'status' });
  const parts = [h('h2', {}, t('finalise.title'))];
  if (assessment.status !== 'finalised') {
    const b = h('button', { type: 'button' }, t('finalise.run'));
    // Finalisation is irreversible: a confirmation says what it produces first.
    const confirm = h('div', { class: 'confirm', role: 'group', 'aria-label': t('finalise.confirmTitle'), hidden: true },
      h('p', {}, h('strong', {}, t('finalise.confirmTitle'))), h('p', {}, t('finalise.confirmText')));
    const yes = h('button', { type: 'button' }, t('finalise.confirm'));
    const no = h('button', { type: 'button', class: 'secondary' }, t('finalise.cancel'));
    confirm.append(h('div', { class: 'actions' }, yes, no));
    b.addEventListener('click', () => { confirm.hidden = false; b.hidden = true; yes.focus(); });
    no.addEventListener('click', () => { confirm.hidden = true; b.hidden = false; b.focus(); });
    yes.addEventListener('click', () => busy(yes, out, async () => {
      let { data: job } = await api('POST', `/api/v1/assessments/${assessment.id}/finalise`);
      while (job.status === 'queued' || job.status === 'running') {
        progress.textContent = t('finalise.progress', { pct: Math.round((job.progress ?? 0) * (job.progress <= 1 ? 100 : 1)) });
        await new Promise((r) => setTimeout(r, POLL_MS));
        job = await get(`/api/v1/jobs/${job.id}`);
      }
      if (job.status === 'failed') { out.replaceChildren(notice('error', t('finalise.failed'), ' ', job.message ?? '')); return; }
      render();
    }));
    parts.push(h('p', {}, t('finalise.help')), b, confirm, progress);
  } else {
    parts.push(notice('success', t('finalise.done', { time: formatDateTime(assessment.finalisedAt) })));
  }
  parts.push(out, h('h3', {}, t('files.title')), await filesTable(assessment.id, out));
  return h('div', {}, parts);
}
