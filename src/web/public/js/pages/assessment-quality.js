// Quality check and structuring; findings with links to the item in the submission.
import { api, get } from '../api.js';
import { hasRole, link, render } from '../nav.js';
import { h, select, uid } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { busy, notice, stepButton, table } from '../ui.js';

export async function qualityPanel(assessment, { query, jobs }) {
  const base = `/api/v1/assessments/${assessment.id}`;
  const severity = query.get('severity') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [findings, campaigns] = await Promise.all([
    get(
      `${base}/findings?limit=${PAGE}&offset=${offset}&lang=${getLang()}${severity ? `&severity=${severity}` : ''}`,
    ).catch(() => ({ total: 0, limit: PAGE, offset: 0, items: [] })),
    get('/api/v1/campaigns'),
  ]);
  const campaignFor = (year) =>
    campaigns.find((c) => assessment.campaignIds.includes(c.id) && c.reportingYear === year)?.id ??
    assessment.campaignIds[0];
  const out = h('div', { 'aria-live': 'polite' });
  const editable = assessment.status !== 'finalised';
  const filter = select(
    [['', t('findings.all')], ...['error', 'warning', 'info'].map((s) => [s, t(`severity.${s}`)])],
    severity,
    {
      id: uid(),
      onchange: (e) => {
        const q = new URLSearchParams(location.search);
        q.set('severity', e.target.value);
        q.delete('offset');
        history.replaceState(null, '', `?${q}`);
        render();
      },
    },
  );
  const rows = findings.items.map((f) =>
    h(
      'tr',
      {},
      h('td', {}, h('span', { class: `badge sev-${f.severity}` }, t(`severity.${f.severity}`))),
      h('td', {}, f.year ?? ''),
      h('td', {}, f.messages[getLang()] ?? f.message),
      h(
        'td',
        {},
        f.itemId && f.organisationId
          ? link(
              `/submissions/${campaignFor(f.year)}/${f.organisationId}?item=${encodeURIComponent(f.itemId)}`,
              t('findings.openItem'),
            )
          : '',
      ),
      // A submitted submission goes back for correction; an accepted one is reopened for correction (issue 20).
      h(
        'td',
        {},
        f.itemId && ['submitted', 'accepted'].includes(f.submissionStatus) && editable && hasRole('expert')
          ? returnButton(f)
          : '',
      ),
    ),
  );
  // Sends the finding's text back to the focal point as a comment on the item.
  function returnButton(f) {
    const b = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-label': t('findings.returnN', { n: f.id }) },
      t(f.submissionStatus === 'accepted' ? 'quality.reopen' : 'findings.return'),
    );
    b.addEventListener('click', () =>
      busy(b, out, async () => {
        await api('POST', `${base}/findings/${f.id}/return`);
        out.replaceChildren(notice('success', t('findings.returned')));
        b.disabled = true;
      }),
    );
    return b;
  }
  return h(
    'div',
    {},
    editable
      ? h(
          'div',
          { class: 'actions' },
          stepButton(t('assessment.runQuality'), out, async () => {
            jobs.follow((await api('POST', `${base}/quality`)).data);
          }),
          stepButton(t('assessment.runStructuring'), out, async () => {
            jobs.follow((await api('POST', `${base}/structuring`)).data);
          }),
        )
      : null,
    out,
    h('h2', {}, t('findings.title', { n: findings.total })),
    h('div', { class: 'field' }, h('label', { for: filter.id }, t('findings.severity')), filter),
    findings.items.length
      ? table(
          [t('findings.severity'), t('findings.year'), t('findings.message'), t('findings.item'), t('common.actions')],
          rows,
        )
      : notice('info', t('findings.none')),
    findingsPager(findings),
  );
}

const PAGE = 100;

/** Previous / next pages of the findings, kept in the address. */
function findingsPager(findings) {
  if (findings.total <= findings.limit) return null;
  const to = (offset) => {
    const q = new URLSearchParams(location.search);
    q.set('offset', String(offset));
    return `${location.pathname}?${q}`;
  };
  const last = Math.min(findings.offset + findings.items.length, findings.total);
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('findings.pages') },
    findings.offset > 0 ? link(to(Math.max(0, findings.offset - findings.limit)), t('board.prev')) : null,
    h('span', {}, t('findings.range', { from: findings.offset + 1, to: last, total: findings.total })),
    last < findings.total ? link(to(findings.offset + findings.limit), t('board.next')) : null,
  );
}
