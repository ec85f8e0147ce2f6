// The expert's likelihood and impact scores (1-5) with comments, per Delphi round.
import { api, get } from '../api.js';
import { render } from '../nav.js';
import { h, select, uid } from '../dom.js';
import { formatNumber, loc, t } from '../i18n.js';
import { notice, stepButton } from '../ui.js';

const SCALE = [1, 2, 3, 4, 5];

/**
 * The expert's scoring form. Each row saves itself once both scores are chosen (no single
 * Save button for 70 drop-downs). In round n > 1 each risk shows round n-1's medians and
 * spread and the expert's own previous scores (Delphi feedback), with the data evidence of
 * the latest ranking when there is one.
 */
export async function scoringPanel(assessment, { jobs }) {
  const base = `/api/v1/assessments/${assessment.id}`;
  const round = assessment.currentRound;
  const [register, mine, previous, previousMine, ranking] = await Promise.all([
    get(`/api/v1/risk-registers/${encodeURIComponent(assessment.riskRegisterVersion)}`),
    get(`${base}/scores`).catch(() => ({ scores: [] })),
    round > 1 ? get(`${base}/rounds/${round - 1}/summary`).catch(() => null) : null,
    round > 1 ? get(`${base}/scores?round=${round - 1}`).catch(() => ({ scores: [] })) : null,
    get(`${base}/ranking`).catch(() => null),
  ]);
  const existing = new Map(mine.scores.map((s) => [s.riskCode, s]));
  const before = new Map((previous?.risks ?? []).map((r) => [r.riskCode, r]));
  const myBefore = new Map((previousMine?.scores ?? []).map((s) => [s.riskCode, s]));
  const evidence = new Map((ranking?.risks ?? []).map((r) => [r.riskCode, r.evidence]));
  const out = h('div', { 'aria-live': 'polite' });
  const editable = assessment.status !== 'finalised';
  const pending = new Set();
  const inputs = register.risks.map((risk) => {
    const s = existing.get(risk.code);
    const scale = (label, value) =>
      select([['', '—'], ...SCALE.map((n) => [String(n), t(`scale.${n}`)])], value ? String(value) : '', {
        id: uid(),
        disabled: !editable,
        'aria-label': `${label}: ${loc(risk.title)}`,
      });
    const row = {
      risk,
      likelihood: scale(t('scoring.likelihood'), s?.likelihood),
      impact: scale(t('scoring.impact'), s?.impact),
      comment: h('textarea', {
        rows: 1,
        value: s?.comment ?? '',
        disabled: !editable,
        'aria-label': `${t('scoring.comment')}: ${loc(risk.title)}`,
      }),
      state: h('span', { class: 'row-state', role: 'status' }, s ? t('scoring.rowSaved') : ''),
      timer: null,
    };
    const schedule = () => {
      if (!row.likelihood.value || !row.impact.value) {
        row.state.textContent = t('scoring.rowIncomplete');
        return;
      }
      pending.add(row);
      row.state.textContent = t('scoring.rowPending');
      clearTimeout(row.timer);
      row.timer = setTimeout(() => saveRow(row), 600);
    };
    for (const control of [row.likelihood, row.impact]) control.addEventListener('change', schedule);
    row.comment.addEventListener('input', schedule);
    return row;
  });
  async function saveRow(row) {
    try {
      await api('PUT', `${base}/scores`, {
        body: {
          scores: [
            {
              riskCode: row.risk.code,
              likelihood: Number(row.likelihood.value),
              impact: Number(row.impact.value),
              ...(row.comment.value.trim() ? { comment: row.comment.value.trim() } : {}),
            },
          ],
        },
      });
      pending.delete(row);
      row.state.textContent = t('scoring.rowSaved');
    } catch (err) {
      row.state.textContent = t('scoring.rowFailed');
      out.replaceChildren(notice('error', err.message));
    }
  }
  // Leaving with a row still waiting for its save: the browser asks first.
  window.onbeforeunload = () => (pending.size ? true : undefined);

  const feedback = (code) => {
    const b = before.get(code);
    const m = myBefore.get(code);
    const e = evidence.get(code);
    return h(
      'td',
      { class: 'feedback' },
      b
        ? h(
            'div',
            {},
            t('scoring.previousMedian', {
              l: formatNumber(b.medianLikelihood, 1),
              i: formatNumber(b.medianImpact, 1),
              iqrL: formatNumber(b.iqrLikelihood, 1),
              iqrI: formatNumber(b.iqrImpact, 1),
              n: b.nExperts,
            }),
          )
        : null,
      m ? h('div', {}, t('scoring.previousMine', { l: m.likelihood, i: m.impact })) : null,
      e !== undefined && e !== null ? h('div', {}, t('scoring.evidenceValue', { e: formatNumber(e, 1) })) : null,
    );
  };
  const withFeedback = round > 1 || evidence.size > 0;
  const table = h(
    'table',
    { class: 'scoring' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('scoring.risk')),
        withFeedback
          ? h('th', { scope: 'col' }, round > 1 ? t('scoring.feedback', { n: round - 1 }) : t('ranking.evidence'))
          : null,
        h('th', { scope: 'col' }, t('scoring.likelihood')),
        h('th', { scope: 'col' }, t('scoring.impact')),
        h('th', { scope: 'col' }, t('scoring.comment')),
        h('th', { scope: 'col' }, t('scoring.rowState')),
      ),
    ),
    h(
      'tbody',
      {},
      inputs.map((i, n) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${n + 1}. ${loc(i.risk.title)}`),
          withFeedback ? feedback(i.risk.code) : null,
          h('td', {}, i.likelihood),
          h('td', {}, i.impact),
          h('td', {}, i.comment),
          h('td', {}, i.state),
        ),
      ),
    ),
  );
  return h(
    'div',
    {},
    h('h2', {}, t('scoring.title', { n: mine.round ?? round })),
    h('p', { class: 'hint' }, t('scoring.help')),
    out,
    h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('scoring.risk') }, table),
    editable
      ? h(
          'div',
          { class: 'actions' },
          stepButton(t('scoring.newRound'), out, async () => {
            await api('POST', `${base}/rounds`, { ifMatch: assessment.version });
            render();
          }),
          stepButton(t('ranking.compute'), out, async () => {
            jobs.follow((await api('POST', `${base}/ranking`)).data);
          }),
        )
      : null,
  );
}
