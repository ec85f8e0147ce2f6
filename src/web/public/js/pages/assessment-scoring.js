// The expert's likelihood and impact scores (1-5) with comments, per Delphi round.
import { api, get } from '../api.js';
import { render } from '../nav.js';
import { h, select, uid } from '../dom.js';
import { loc, t } from '../i18n.js';
import { busy, notice, stepButton } from '../ui.js';

const SCALE = [1, 2, 3, 4, 5];

export async function scoringPanel(assessment) {
  const base = `/api/v1/assessments/${assessment.id}`;
  const [register, mine] = await Promise.all([get(`/api/v1/risk-registers/${encodeURIComponent(assessment.riskRegisterVersion)}`), get(`${base}/scores`).catch(() => ({ scores: [] }))]);
  const existing = new Map(mine.scores.map((s) => [s.riskCode, s]));
  const out = h('div', { 'aria-live': 'polite' });
  const editable = assessment.status !== 'finalised';
  const inputs = register.risks.map((risk) => {
    const s = existing.get(risk.code);
    const scale = (label, value) => select([['', '—'], ...SCALE.map((n) => [String(n), t(`scale.${n}`)])], value ? String(value) : '', { id: uid(), disabled: !editable, 'aria-label': `${label}: ${loc(risk.title)}` });
    return { risk, likelihood: scale(t('scoring.likelihood'), s?.likelihood), impact: scale(t('scoring.impact'), s?.impact),
      comment: h('textarea', { rows: 1, value: s?.comment ?? '', disabled: !editable, 'aria-label': `${t('scoring.comment')}: ${loc(risk.title)}` }) };
  });
  const save = h('button', { type: 'submit', disabled: !editable }, t('scoring.save'));
  const formEl = h('form', { onsubmit: (e) => {
    e.preventDefault();
    busy(save, out, async () => {
      const scores = inputs.filter((i) => i.likelihood.value && i.impact.value).map((i) => ({ riskCode: i.risk.code, likelihood: Number(i.likelihood.value), impact: Number(i.impact.value),
        ...(i.comment.value.trim() ? { comment: i.comment.value.trim() } : {}) }));
      if (!scores.length) { out.replaceChildren(notice('error', t('scoring.none'))); return; }
      await api('PUT', `${base}/scores`, { body: { scores } });
      out.replaceChildren(notice('success', t('scoring.saved', { n: scores.length })));
    });
  } },
  h('table', { class: 'scoring' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('scoring.risk')), h('th', { scope: 'col' }, t('scoring.likelihood')), h('th', { scope: 'col' }, t('scoring.impact')), h('th', { scope: 'col' }, t('scoring.comment')))),
    h('tbody', {}, inputs.map((i, n) => h('tr', {}, h('th', { scope: 'row' }, `${n + 1}. ${loc(i.risk.title)}`), h('td', {}, i.likelihood), h('td', {}, i.impact), h('td', {}, i.comment))))),
  save);
  return h('div', {}, h('h2', {}, t('scoring.title', { n: mine.round ?? assessment.currentRound })), h('p', { class: 'hint' }, t('scoring.help')), out, formEl,
    editable ? h('div', { class: 'actions' },
      stepButton(t('scoring.newRound'), out, async () => { await api('POST', `${base}/rounds`); render(); }),
      stepButton(t('ranking.compute'), out, async () => { await api('POST', `${base}/ranking`); out.replaceChildren(notice('success', t('ranking.computed'))); })) : null);
}
