// A submission, section by section. The focal point edits with autosave (If-Match);
// an expert reads it and returns it with item comments or accepts it.
import { api, ApiError, download, hasRoute } from '../api.js';
import { hasRole, link, onLeave, render, session } from '../nav.js';
import { clear, h, uid } from '../dom.js';
import { formatDate, formatDateTime, getLang, loc, t } from '../i18n.js';
import { form as loadForm } from '../refdata.js';
import { busy, notice, showError, statusBadge } from '../ui.js';
import { itemEditor } from './item-editor.js';

const SAVE_DELAY_MS = 800;

export async function submissionPage({ campaignId, organisationId }, query) {
  const base = `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`;
  const { data: sub } = await api('GET', base);
  const form = await loadForm(sub.questionnaireVersion, sub.agencyType);
  const isFocal = hasRole('focal_point') && session.user.organisationId === organisationId;
  const readOnly = !(isFocal && sub.editable);
  const answers = structuredClone(sub.content.answers);
  // rejected: items whose value the server refused (kept on screen with the message, left out of saves so
  // that everything else still gets saved).
  const state = { revision: sub.revision, issues: sub.issues, rejected: new Map(), showMissing: false, timer: null, saving: null, dirty: false, conflict: false };
  const itemSection = new Map();
  for (const s of form.sections) for (const q of s.questions) for (const i of q.items) itemSection.set(i.id, s.number);
  const focusItem = query.get('item');
  let sectionNumber = Number(query.get('section')) || (focusItem ? itemSection.get(focusItem) : null) || form.sections[0].number;

  const saveStatus = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const alerts = h('div', { 'aria-live': 'assertive' });
  const progress = h('progress', { max: 100, value: 0, id: uid() });
  const progressText = h('span', {});
  const sectionNav = h('ol', { class: 'sections' });
  const body = h('div', { class: 'section-body' });
  const messageBoxes = new Map();
  const returnComments = new Map();

  function completeness() {
    let done = 0;
    for (const id of itemSection.keys()) {
      const a = answers[id];
      if (a && !state.rejected.has(id) && (a.value !== undefined || a.missingReason)) done += 1;
    }
    return { done, total: itemSection.size };
  }

  function allIssues() {
    const own = state.issues.filter((i) => !state.rejected.has(i.itemId));
    return [...own, ...[...state.rejected.values()].flat()];
  }

  function issuesFor(itemId) {
    return allIssues().filter((i) => i.itemId === itemId && (state.showMissing || i.code !== 'answer.missing'));
  }

  function refreshIndicators() {
    const { done, total } = completeness();
    progress.value = Math.round((done / total) * 100);
    progressText.textContent = t('submission.completenessValue', { done, total, pct: progress.value });
    for (const [itemId, boxEl] of messageBoxes) {
      const list = issuesFor(itemId);
      boxEl.replaceChildren(...list.map((i) => h('p', { class: `msg ${i.severity}` }, i.messages[getLang()] ?? i.message)));
    }
    sectionNav.replaceChildren(...form.sections.map((s) => {
      const errors = allIssues().filter((i) => itemSection.get(i.itemId) === s.number && (state.showMissing || i.code !== 'answer.missing')).length;
      const returned = sub.comments.filter((c) => itemSection.get(c.itemId) === s.number).length;
      return h('li', {}, h('button', { type: 'button', class: 'link', 'aria-current': s.number === sectionNumber ? 'step' : null, onclick: () => showSection(s.number) },
        `${s.number}. ${loc(s.title)}`, errors ? h('span', { class: 'count error' }, t('submission.issuesCount', { n: errors })) : null,
        returned ? h('span', { class: 'count warning' }, t('submission.commentsCount', { n: returned })) : null));
    }));
  }

  function contentToSave() {
    // A reason not chosen yet is not an answer: leave the item empty until it is.
    const out = {};
    for (const [id, a] of Object.entries(answers)) if (!state.rejected.has(id) && (a.value !== undefined || a.missingReason)) out[id] = a;
    return { answers: out };
  }

  async function save() {
    clearTimeout(state.timer);
    state.timer = null;
    if (state.conflict || !state.dirty) return;
    if (state.saving) { await state.saving; return save(); }
    state.dirty = false;
    saveStatus.textContent = t('submission.saving');
    state.saving = api('PUT', base, { body: { content: contentToSave() }, ifMatch: state.revision })
      .then(({ data }) => {
        state.revision = data.revision;
        state.issues = data.issues;
        saveStatus.textContent = state.rejected.size
          ? t('submission.savedExcept', { n: state.rejected.size })
          : t('submission.savedAt', { time: formatDateTime(new Date().toISOString()) });
      })
      .catch((err) => {
        if (err instanceof ApiError && err.code === 'version.stale') {
          state.conflict = true;
          saveStatus.textContent = t('submission.notSaved');
          alerts.replaceChildren(notice('error', h('strong', {}, t('submission.conflictTitle')), ' ', t('submission.conflictText'), ' ',
            h('button', { type: 'button', onclick: () => render() }, t('submission.reload'))));
        } else if (err instanceof ApiError && Array.isArray(err.details.issues)) {
          // Refused values: show the messages next to the items and save the rest without them.
          let added = false;
          for (const issue of err.details.issues) {
            if (!state.rejected.has(issue.itemId)) { state.rejected.set(issue.itemId, []); added = true; }
            if (!state.rejected.get(issue.itemId).includes(issue)) state.rejected.get(issue.itemId).push(issue);
          }
          saveStatus.textContent = t('submission.notSavedFix');
          state.dirty = true;
          if (added) setTimeout(save, 0);
        } else {
          saveStatus.textContent = t('submission.notSaved');
          state.dirty = true;
          showError(alerts, err);
        }
      })
      .finally(() => { state.saving = null; refreshIndicators(); });
    await state.saving;
  }

  const onChange = (itemId) => {
    state.rejected.delete(itemId);
    state.dirty = true;
    saveStatus.textContent = t('submission.unsaved');
    clearTimeout(state.timer);
    state.timer = setTimeout(save, SAVE_DELAY_MS);
    const { done, total } = completeness();
    progress.value = Math.round((done / total) * 100);
    progressText.textContent = t('submission.completenessValue', { done, total, pct: progress.value });
  };

  function itemBlock(item) {
    const messages = h('div', { class: 'messages', id: `msg-${item.id}` });
    messageBoxes.set(item.id, messages);
    const comments = sub.comments.filter((c) => c.itemId === item.id);
    const block = h('fieldset', { class: `item${comments.length ? ' returned' : ''}`, id: `item-${item.id}`, tabindex: '-1', 'aria-describedby': messages.id },
      h('legend', {}, loc(item.label)),
      item.note ? h('p', { class: 'hint' }, loc(item.note)) : null,
      comments.map((c) => h('div', { class: 'expert-comment', role: 'note' }, h('strong', {}, t('submission.expertComment')), ' ', c.comment,
        h('span', { class: 'meta' }, ` — ${c.authorName ?? ''}, ${formatDateTime(c.createdAt)}`))),
      itemEditor(item, { form, answers, readOnly, onChange }),
      messages);
    if (canReview) {
      const area = h('textarea', { rows: 2, id: uid(), value: returnComments.get(item.id) ?? '',
        oninput: (e) => { if (e.target.value.trim()) returnComments.set(item.id, e.target.value); else returnComments.delete(item.id); } });
      block.append(h('div', { class: 'field review' }, h('label', { for: area.id }, t('review.commentFor')), area));
    }
    return block;
  }

  async function showSection(number) {
    if (!readOnly) await save();
    sectionNumber = number;
    messageBoxes.clear();
    const section = form.sections.find((s) => s.number === number);
    clear(body,
      h('h2', { tabindex: '-1' }, t('submission.section', { n: section.number }), ' ', loc(section.title)),
      section.questions.map((q) => h('div', { class: 'question' },
        h('h3', {}, `${q.number}. ${loc(q.text)}`), q.note ? h('p', { class: 'hint' }, loc(q.note)) : null,
        q.items.map(itemBlock))),
      h('div', { class: 'pager' },
        number > form.sections[0].number ? h('button', { type: 'button', class: 'secondary', onclick: () => showSection(number - 1) }, t('submission.prevSection')) : null,
        number < form.sections[form.sections.length - 1].number ? h('button', { type: 'button', class: 'secondary', onclick: () => showSection(number + 1) }, t('submission.nextSection')) : null));
    refreshIndicators();
    body.querySelector('h2').focus();
  }

  const canReview = hasRole('expert') && sub.status === 'submitted';
  const actions = h('div', { class: 'actions' });
  const actionOut = h('div', { 'aria-live': 'polite' });

  if (isFocal && sub.editable) {
    const submitBtn = h('button', { type: 'button' }, t('submission.submit'));
    submitBtn.addEventListener('click', () => busy(submitBtn, actionOut, () => submit({})));
    actions.append(submitBtn);
  }
  if (isFocal && sub.status === 'submitted') {
    const withdraw = h('button', { type: 'button', class: 'secondary' }, t('submission.withdraw'));
    withdraw.addEventListener('click', () => busy(withdraw, actionOut, async () => { await api('POST', `${base}/withdraw`, { body: {}, ifMatch: state.revision }); render(); }));
    actions.append(withdraw);
  }
  if (canReview) {
    const ret = h('button', { type: 'button', class: 'secondary' }, t('review.return'));
    ret.addEventListener('click', () => busy(ret, actionOut, async () => {
      const comments = [...returnComments].map(([itemId, comment]) => ({ itemId, comment }));
      if (!comments.length) { actionOut.replaceChildren(notice('error', t('review.needComment'))); return; }
      await api('POST', `${base}/return`, { body: { comments }, ifMatch: state.revision });
      render();
    }));
    const accept = h('button', { type: 'button' }, t('review.accept'));
    accept.addEventListener('click', () => busy(accept, actionOut, async () => { await api('POST', `${base}/accept`, { body: {}, ifMatch: state.revision }); render(); }));
    actions.append(accept, ret);
  }

  async function submit(acknowledgements) {
    await save();
    if (state.conflict) return;
    try {
      await api('POST', `${base}/submit`, { body: { acknowledgements }, ifMatch: state.revision });
      render();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (Array.isArray(err.details.issues)) {
        state.issues = err.details.issues;
        state.showMissing = true;
        refreshIndicators();
      }
      if (err.code === 'submission.warnings_unacknowledged') return askAcknowledgements(err.details.issues.filter((i) => i.severity === 'warning'));
      const first = err.details.issues?.[0];
      actionOut.replaceChildren(notice('error', err.message, first ? h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => goToItem(first.itemId) }, t('submission.goToFirstProblem'))) : null));
    }
  }

  function askAcknowledgements(warnings) {
    const inputs = warnings.map((w) => {
      const area = h('textarea', { rows: 2, id: uid(), required: true });
      return { key: w.key, area, el: h('div', { class: 'field' }, h('label', { for: area.id }, w.messages[getLang()] ?? w.message), area) };
    });
    const confirm = h('button', { type: 'submit' }, t('submission.submitWithAck'));
    const formEl = h('form', { class: 'card', onsubmit: (e) => {
      e.preventDefault();
      busy(confirm, actionOut, () => submit(Object.fromEntries(inputs.map((i) => [i.key, i.area.value.trim()]))));
    } }, h('h2', {}, t('submission.warningsTitle')), h('p', {}, t('submission.warningsText')), inputs.map((i) => i.el), confirm);
    actionOut.replaceChildren(formEl);
    inputs[0]?.area.focus();
  }

  async function goToItem(itemId) {
    await showSection(itemSection.get(itemId));
    const el = document.getElementById(`item-${itemId}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }

  const excel = h('div', { class: 'excel' });
  const templatePath = '/api/v1/campaigns/{campaignId}/submissions/{organisationId}/template.xlsx';
  const importPath = '/api/v1/campaigns/{campaignId}/submissions/{organisationId}/import';
  if (isFocal && (await hasRoute('GET', templatePath))) {
    const dl = h('button', { type: 'button', class: 'secondary' }, t('excel.download'));
    const excelOut = h('div', { 'aria-live': 'polite' });
    dl.addEventListener('click', () => busy(dl, excelOut, () => download(`${base}/template.xlsx`, 'template.xlsx')));
    excel.append(h('h2', {}, t('excel.title')), dl);
    if (sub.editable && (await hasRoute('POST', importPath))) {
      const file = h('input', { type: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: uid() });
      const up = h('button', { type: 'button' }, t('excel.upload'));
      up.addEventListener('click', () => busy(up, excelOut, async () => {
        if (!file.files[0]) { excelOut.replaceChildren(notice('error', t('excel.chooseFile'))); return; }
        await save();
        const data = new FormData();
        data.append('file', file.files[0]);
        try {
          await api('POST', `${base}/import`, { formData: data, ifMatch: state.revision });
          render();
        } catch (err) {
          // Cell-level problems: { sheet, cell, itemId, code, message: {kk, ru} } (issues carry messages instead).
          const problems = err.details?.problems ?? err.details?.issues ?? [];
          const text = (p) => (typeof p.message === 'string' ? p.messages?.[getLang()] ?? p.message : loc(p.message));
          excelOut.replaceChildren(notice('error', err.message, h('ul', { class: 'cell-problems' }, problems.slice(0, 200).map((p) =>
            h('li', {}, p.cell ? h('strong', {}, t('excel.cell', { sheet: p.sheet ?? '', cell: p.cell })) : null, p.cell ? ' ' : '', text(p),
              p.itemId && itemSection.has(p.itemId) ? [' ', h('button', { type: 'button', class: 'link', onclick: () => goToItem(p.itemId) }, t('excel.goToItem'))] : null)))));
        }
      }));
      excel.append(h('div', { class: 'field' }, h('label', { for: file.id }, t('excel.file')), file), up);
    }
    excel.append(excelOut);
  }

  const page = h('section', { class: 'submission' },
    h('h1', {}, t('submission.title')), h('p', { class: 'subtitle' }, loc(form.title)),
    h('dl', { class: 'facts' },
      h('dt', {}, t('submission.status')), h('dd', {}, statusBadge(sub.status)),
      h('dt', {}, t('campaign.deadline')), h('dd', {}, formatDate(sub.deadline)),
      h('dt', {}, t('submission.revision')), h('dd', {}, String(sub.revision), ' ', link(`/submissions/${campaignId}/${organisationId}/history`, t('submission.history')))),
    // Completeness, save state and conflicts stay in view while the user scrolls through a section.
    h('div', { class: 'sticky-bar' },
      h('div', { class: 'completeness' }, h('label', { for: progress.id }, t('submission.completeness')), progress, progressText, ' ', saveStatus),
      alerts),
    sub.status === 'returned' && sub.comments.length ? notice('warning', t('submission.returnedNotice', { n: sub.comments.length })) : null,
    readOnly && isFocal ? notice('info', t('submission.readOnly')) : null,
    h('div', { class: 'layout' }, h('nav', { class: 'section-nav', 'aria-label': t('submission.sections') }, sectionNav), body),
    h('div', { class: 'bottom' }, actions, actionOut, excel));

  // Save before leaving the page (language switch, navigation) or the tab.
  const beforeUnload = (e) => { if (state.dirty && !state.conflict) { save(); e.preventDefault(); } };
  window.addEventListener('beforeunload', beforeUnload);
  onLeave(async () => {
    window.removeEventListener('beforeunload', beforeUnload);
    if (!readOnly) await save();
  });
  setTimeout(async () => {
    await showSection(sectionNumber);
    if (focusItem) goToItem(focusItem);
  }, 0);
  return page;
}
