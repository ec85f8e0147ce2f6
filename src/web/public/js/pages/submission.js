// A submission, section by section. The focal point edits with autosave (If-Match);
// an expert reads it and returns it with item comments or accepts it.
import { api, ApiError, download, get, hasRoute } from '../api.js';
import { campaignFacts } from '../campaign-facts.js';
import { hasRole, link, onLeave, render, session } from '../nav.js';
import { clear, h, uid } from '../dom.js';
import { formatDate, formatDateTime, getLang, loc, t } from '../i18n.js';
import { countries as loadCountries, form as loadForm } from '../refdata.js';
import { busy, notice, showError, statusBadge } from '../ui.js';
import { annotations, itemEditor } from './item-editor.js';
import { captionKey, questionIsItems } from '../labels.js';

const SAVE_DELAY_MS = 800;

export async function submissionPage({ campaignId, organisationId }, query) {
  const base = `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`;
  const { data: sub } = await api('GET', base);
  const [form, countries, campaign] = await Promise.all([
    loadForm(sub.questionnaireVersion, sub.agencyType),
    loadCountries().catch(() => []),
    get(`/api/v1/campaigns/${campaignId}`).catch(() => null),
  ]);
  const isFocal = hasRole('focal_point') && session.user.organisationId === organisationId;
  const readOnly = !(isFocal && sub.editable);
  const answers = structuredClone(sub.content.answers);
  // rejected: items whose value the server refused (kept on screen with the message, left out of saves so
  // that everything else still gets saved).
  // touched: items edited since the last save was sent (what a merged answer from the server must not overwrite).
  const state = {
    revision: sub.revision,
    issues: sub.issues,
    rejected: new Map(),
    showMissing: false,
    timer: null,
    saving: null,
    dirty: false,
    conflict: false,
    touched: new Set(),
    // Items of the save in flight: their issues are as stale as those of touched items until it answers.
    inflight: new Set(),
  };
  const itemById = new Map();
  for (const s of form.sections) for (const q of s.questions) for (const i of q.items) itemById.set(i.id, i);
  const itemSection = new Map();
  const itemQuestion = new Map();
  for (const s of form.sections)
    for (const q of s.questions)
      for (const i of q.items) {
        itemSection.set(i.id, s.number);
        itemQuestion.set(i.id, q);
      }
  const itemOrder = [...itemSection.keys()];
  // Skip logic (the server's rule, domain/questionnaire/skip.ts): breakdown -> the figure it breaks down.
  const breakdownOf = new Map(Object.entries(form.breakdownOf ?? {}));
  const breakdownsOf = new Map();
  for (const [child, parent] of breakdownOf) breakdownsOf.set(parent, [...(breakdownsOf.get(parent) ?? []), child]);
  /** The item's caption: its label, or a short one where the label would repeat the question. */
  const caption = (item) => {
    const key = captionKey(item, itemQuestion.get(item.id), getLang());
    return key ? t(key) : loc(item.label);
  };
  /** The item named away from its question (conflicts, Excel preview): "1.9. <count caption>". */
  const itemName = (item) => `${itemSection.get(item.id)}.${itemQuestion.get(item.id).number}. ${caption(item)}`;
  const focusItem = query.get('item');
  let sectionNumber =
    Number(query.get('section')) || (focusItem ? itemSection.get(focusItem) : null) || form.sections[0].number;

  const saveStatus = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const statusValue = h('dd', {}, statusBadge(sub.status));
  const revisionValue = h('span', {}, String(sub.revision));
  const alerts = h('div', { 'aria-live': 'assertive' });
  const progress = h('progress', { max: 100, value: 0, id: uid() });
  const progressText = h('span', {});
  const problemsCount = h('span', {});
  const problemsList = h('ol', { class: 'problem-list' });
  const problems = h(
    'details',
    { class: 'problems' },
    h('summary', {}, problemsCount),
    h(
      'div',
      { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('submission.problemsTitle') },
      problemsList,
    ),
  );
  const sectionNav = h('ol', { class: 'sections' });
  const body = h('div', { class: 'section-body' });
  const messageBoxes = new Map();
  const returnComments = new Map();

  const hasEntry = (id) => {
    const a = answers[id];
    return Boolean(a && (a.value !== undefined || a.missingReason));
  };
  /** A breakdown not demanded: its figure is explained by a chosen missing-data reason. */
  const isSkipped = (id) => {
    const parent = breakdownOf.get(id);
    const a = parent ? answers[parent] : undefined;
    return Boolean(a && a.value === undefined && a.missingReason);
  };
  const isStale = (id) => state.touched.has(id) || state.inflight.has(id);

  /**
   * Completeness as submission sees it (the server's readiness, domain/questionnaire/readiness.ts):
   * an item is done only when nothing blocks it. Items edited since the last answer count as
   * typed until the server has checked them.
   */
  function completeness() {
    const blocked = new Set(blockingIssues().map((i) => i.itemId));
    let done = 0;
    let total = 0;
    for (const id of itemOrder) {
      if (isSkipped(id) && !hasEntry(id)) continue;
      total += 1;
      if (hasEntry(id) && !state.rejected.has(id) && !blocked.has(id)) done += 1;
    }
    return { done, total };
  }

  /** Every problem that stops submission (errors, complete mode), in form order; stale ones left out. */
  function blockingIssues() {
    const order = new Map(itemOrder.map((id, n) => [id, n]));
    return allIssues()
      .filter((i) => i.severity === 'error' && (state.rejected.has(i.itemId) || !isStale(i.itemId)))
      .filter((i) => !(i.code === 'answer.missing' && isSkipped(i.itemId)))
      .sort((a, b) => (order.get(a.itemId) ?? 1e9) - (order.get(b.itemId) ?? 1e9));
  }

  function refreshCompleteness() {
    const { done, total } = completeness();
    progress.value = total ? Math.round((done / total) * 100) : 100;
    progressText.textContent = t('submission.completenessValue', { done, total, pct: progress.value });
    const list = blockingIssues();
    problemsCount.textContent = list.length
      ? t('submission.problemsCount', { n: list.length })
      : t('submission.noProblems');
    problems.classList.toggle('none', list.length === 0);
    problemsList.replaceChildren(
      ...list.map((i) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => goToItem(i.itemId) },
            i.messages?.[getLang()] ?? i.message,
          ),
        ),
      ),
    );
  }

  function allIssues() {
    const own = state.issues.filter((i) => !state.rejected.has(i.itemId));
    return [...own, ...[...state.rejected.values()].flat()];
  }

  function issuesFor(itemId) {
    return allIssues().filter((i) => i.itemId === itemId && (state.showMissing || i.code !== 'answer.missing'));
  }

  function refreshIndicators() {
    refreshCompleteness();
    for (const [itemId, boxEl] of messageBoxes) {
      const list = issuesFor(itemId);
      boxEl.replaceChildren(
        ...list.map((i) => h('p', { class: `msg ${i.severity}` }, i.messages[getLang()] ?? i.message)),
      );
    }
    sectionNav.replaceChildren(
      ...form.sections.map((s) => {
        const errors = allIssues().filter(
          (i) => itemSection.get(i.itemId) === s.number && (state.showMissing || i.code !== 'answer.missing'),
        ).length;
        const returned = sub.comments.filter((c) => itemSection.get(c.itemId) === s.number).length;
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-current': s.number === sectionNumber ? 'step' : null,
              onclick: () => showSection(s.number),
            },
            `${s.number}. ${loc(s.title)}`,
            errors ? h('span', { class: 'count error' }, t('submission.issuesCount', { n: errors })) : null,
            returned ? h('span', { class: 'count warning' }, t('submission.commentsCount', { n: returned })) : null,
          ),
        );
      }),
    );
  }

  function contentToSave() {
    // A reason not chosen yet is not an answer: leave the item empty until it is.
    const out = {};
    for (const [id, a] of Object.entries(answers))
      if (!state.rejected.has(id) && (a.value !== undefined || a.missingReason)) out[id] = a;
    return { answers: out };
  }

  /** Takes what the server merged in (other tabs' and colleagues' items) without losing what was typed meanwhile. */
  function adopt(content, ids) {
    let visible = false;
    for (const id of ids) {
      if (state.touched.has(id)) continue;
      if (content.answers[id] === undefined) delete answers[id];
      else answers[id] = content.answers[id];
      if (itemSection.get(id) === sectionNumber) visible = true;
    }
    if (visible) drawSection();
  }

  async function save() {
    clearTimeout(state.timer);
    state.timer = null;
    if (state.conflict || !state.dirty) return;
    if (state.saving) {
      await state.saving;
      return save();
    }
    state.dirty = false;
    state.inflight = new Set(state.touched);
    state.touched.clear();
    saveStatus.textContent = t('submission.saving');
    state.saving = api('PUT', base, { body: { content: contentToSave() }, ifMatch: state.revision })
      .then(({ data }) => {
        state.revision = data.revision;
        state.issues = data.issues;
        // What the page says of the submission is true after every save.
        statusValue.replaceChildren(statusBadge(data.status));
        revisionValue.textContent = String(data.revision);
        // Saved on top of changes made elsewhere since our revision: merged item by item, no conflict.
        if (data.merged) adopt(data.merged.content, data.merged.theirs);
        saveStatus.textContent = state.rejected.size
          ? t('submission.savedExcept', { n: state.rejected.size })
          : data.merged?.theirs.length
            ? t('submission.savedMerged', {
                n: data.merged.theirs.length,
                time: formatDateTime(new Date().toISOString()),
              })
            : t('submission.savedAt', { time: formatDateTime(new Date().toISOString()) });
      })
      .catch((err) => {
        if (err instanceof ApiError && err.code === 'submission.conflict') {
          state.conflict = true;
          saveStatus.textContent = t('submission.notSaved');
          alerts.replaceChildren(conflictPanel(err.details));
        } else if (err instanceof ApiError && err.code === 'version.stale') {
          state.conflict = true;
          saveStatus.textContent = t('submission.notSaved');
          alerts.replaceChildren(
            notice(
              'error',
              h('strong', {}, t('submission.conflictTitle')),
              ' ',
              t('submission.conflictText'),
              ' ',
              h('button', { type: 'button', onclick: () => render() }, t('submission.reload')),
            ),
          );
        } else if (err instanceof ApiError && Array.isArray(err.details.issues)) {
          // Refused values: show the messages next to the items and save the rest without them.
          let added = false;
          for (const issue of err.details.issues) {
            if (!state.rejected.has(issue.itemId)) {
              state.rejected.set(issue.itemId, []);
              added = true;
            }
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
      .finally(() => {
        state.saving = null;
        state.inflight.clear();
        refreshIndicators();
      });
    await state.saving;
  }

  /** A short text of an answer entry, to compare two versions of an item. */
  function describe(entry, item) {
    if (!entry) return t('conflict.empty');
    if (entry.missingReason)
      return `${t('conflict.reason')}: ${loc(form.missingReasons.find((r) => r.code === entry.missingReason)?.label) || entry.missingReason}${entry.missingComment ? ` — ${entry.missingComment}` : ''}`;
    const v = entry.value;
    if (v && typeof v === 'object' && 'answer' in v)
      return `${t(`item.${v.answer}`)}${v.description ? ` — ${v.description}` : ''}`;
    if (v && typeof v === 'object' && 'total' in v) return `${t('conflict.total')}: ${v.total}`;
    if (Array.isArray(v))
      return (
        t('conflict.rows', { n: v.length }) +
        (item?.kind === 'entity_list' ? `: ${v.map((e) => e.name).join(', ')}` : '')
      );
    return String(v);
  }

  /** Per conflicting item: keep mine or keep theirs; then resend on top of the current revision. */
  function conflictPanel(details) {
    const choices = new Map(details.conflicts.map((c) => [c.itemId, 'mine']));
    const rows = details.conflicts.map((c) => {
      const item = itemById.get(c.itemId);
      const name = uid('keep');
      const who = changedBy(c);
      const option = (value, label, text) =>
        keepChoice(name, value, label, text, value === 'mine', () => choices.set(c.itemId, value));
      return h(
        'li',
        { class: 'conflict' },
        h(
          'p',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => goToItem(c.itemId) },
            item ? itemName(item) : c.itemId,
          ),
        ),
        h(
          'div',
          { role: 'radiogroup', 'aria-label': item ? loc(item.label) : c.itemId },
          option('mine', t('conflict.keepMine'), describe(answers[c.itemId], item)),
          option('theirs', t('conflict.keepTheirs'), `${describe(c.current, item)}${who ? ` (${who})` : ''}`),
        ),
      );
    });
    const apply = h(
      'button',
      {
        type: 'button',
        onclick: () => {
          // Everything the others changed and we did not, then the chosen side of each conflicting item.
          const mine = new Map(details.conflicts.map((c) => [c.itemId, answers[c.itemId]]));
          adopt(
            details.merged,
            Object.keys({ ...details.merged.answers, ...answers }).filter((id) => !mine.has(id)),
          );
          for (const c of details.conflicts) {
            const keep = choices.get(c.itemId) === 'mine' ? mine.get(c.itemId) : (c.current ?? undefined);
            if (keep === undefined) delete answers[c.itemId];
            else answers[c.itemId] = keep;
          }
          state.revision = details.currentVersion;
          state.conflict = false;
          state.dirty = true;
          alerts.replaceChildren();
          drawSection();
          save();
        },
      },
      t('conflict.apply'),
    );
    return notice(
      'error',
      h('strong', {}, t('conflict.title')),
      h('p', {}, t('conflict.text')),
      h('ul', { class: 'conflicts' }, rows),
      apply,
    );
  }

  const onChange = (itemId) => {
    state.rejected.delete(itemId);
    state.touched.add(itemId);
    state.dirty = true;
    saveStatus.textContent = t('submission.unsaved');
    clearTimeout(state.timer);
    state.timer = setTimeout(save, SAVE_DELAY_MS);
    // A figure explained or answered again: its breakdowns are (no longer) skipped.
    for (const child of breakdownsOf.get(itemId) ?? []) {
      const el = blocks.get(child);
      if (el && el.classList.contains('skipped') !== (isSkipped(child) && !hasEntry(child)))
        el.replaceWith(itemBlock(itemById.get(child)));
    }
    refreshCompleteness();
  };

  const blocks = new Map();

  function itemBlock(item) {
    const messages = h('div', { class: 'messages', id: `msg-${item.id}` });
    messageBoxes.set(item.id, messages);
    const comments = sub.comments.filter((c) => c.itemId === item.id);
    const skipped = isSkipped(item.id) && !hasEntry(item.id);
    const editor = itemEditor(item, { form, answers, readOnly, onChange, countries });
    const block = h(
      'fieldset',
      {
        class: `item${comments.length ? ' returned' : ''}${skipped ? ' skipped' : ''}`,
        id: `item-${item.id}`,
        tabindex: '-1',
        'aria-describedby': messages.id,
      },
      h('legend', {}, caption(item)),
      annotations(item),
      skipped
        ? h(
            'p',
            { class: 'skip-note' },
            t('submission.skipped', { item: caption(itemById.get(breakdownOf.get(item.id))) }),
          )
        : null,
      comments.map((c) =>
        h(
          'div',
          { class: 'expert-comment', role: 'note' },
          h('strong', {}, t('submission.expertComment')),
          ' ',
          c.comment,
          h('span', { class: 'meta' }, ` — ${c.authorName ?? ''}, ${formatDateTime(c.createdAt)}`),
        ),
      ),
      // Not demanded, but may still be given: folded away, one click to open.
      skipped && !readOnly
        ? h('details', {}, h('summary', {}, t('submission.fillAnyway')), editor)
        : skipped
          ? null
          : editor,
      messages,
    );
    blocks.set(item.id, block);
    if (canComment) {
      const area = h('textarea', {
        rows: 2,
        id: uid(),
        value: returnComments.get(item.id) ?? '',
        oninput: (e) => {
          if (e.target.value.trim()) returnComments.set(item.id, e.target.value);
          else returnComments.delete(item.id);
        },
      });
      block.append(h('div', { class: 'field review' }, h('label', { for: area.id }, t('review.commentFor')), area));
    }
    return block;
  }

  /** Section and item are in the address: reload and the language switch keep the place. */
  function remember(number, itemId) {
    const q = new URLSearchParams(location.search);
    q.set('section', String(number));
    if (itemId) q.set('item', itemId);
    else q.delete('item');
    const next = `${location.pathname}?${q}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  }

  async function showSection(number, { keepItem = false } = {}) {
    if (!readOnly) await save();
    sectionNumber = number;
    remember(number, keepItem ? new URLSearchParams(location.search).get('item') : null);
    drawSection();
    body.querySelector('h2').focus();
  }

  // The item being worked on goes into the address as the focus moves.
  body.addEventListener('focusin', (e) => {
    const el = e.target.closest?.('fieldset.item');
    if (el?.id.startsWith('item-')) remember(sectionNumber, el.id.slice(5));
  });

  function drawSection() {
    messageBoxes.clear();
    blocks.clear();
    const number = sectionNumber;
    // A section the form does not have (an old link, another agency type) opens its first one.
    const index = Math.max(
      0,
      form.sections.findIndex((s) => s.number === number),
    );
    const section = form.sections[index];
    const [prev, next] = [form.sections[index - 1], form.sections[index + 1]];
    clear(
      body,
      h('h2', { tabindex: '-1' }, t('submission.section', { n: section.number }), ' ', loc(section.title)),
      section.respondents ? h('p', { class: 'hint' }, loc(section.respondents)) : null,
      section.questions.map((q) =>
        h(
          'div',
          { class: 'question' },
          // The order's text once: when the items spell the question out, the heading is its number.
          h(
            'h3',
            {},
            questionIsItems(q, getLang()) ? t('submission.questionN', { n: q.number }) : `${q.number}. ${loc(q.text)}`,
          ),
          annotations(q),
          q.items.map(itemBlock),
        ),
      ),
      // Neighbours in the form's own order: a form may hold sections 1, 3 and 5 only.
      h(
        'div',
        { class: 'pager' },
        prev
          ? h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => showSection(prev.number) },
              t('submission.prevSection'),
            )
          : null,
        next
          ? h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => showSection(next.number) },
              t('submission.nextSection'),
            )
          : null,
      ),
    );
    refreshIndicators();
  }

  const canReview = hasRole('expert') && sub.status === 'submitted';
  // Item comments go with a return and with a reopening of an accepted submission (issue 20).
  const canComment = hasRole('expert') && (sub.status === 'submitted' || sub.status === 'accepted');
  const actions = h('div', { class: 'actions' });
  const actionOut = h('div', { 'aria-live': 'polite' });

  // Submit stays in the sticky bar beside the list of problems: reachable from anywhere in the form.
  const submitBox = h('div', { class: 'submit-box' });
  const submitOut = h('div', { 'aria-live': 'polite' });
  if (isFocal && sub.editable) {
    const submitBtn = h('button', { type: 'button', class: 'submit' }, t('submission.submit'));
    submitBtn.addEventListener('click', () => busy(submitBtn, submitOut, () => submit({})));
    submitBox.append(submitBtn, problems, submitOut);
  }
  if (isFocal && sub.status === 'submitted') {
    const withdraw = h('button', { type: 'button', class: 'secondary' }, t('submission.withdraw'));
    withdraw.addEventListener('click', () =>
      busy(withdraw, actionOut, async () => {
        await api('POST', `${base}/withdraw`, { body: {}, ifMatch: state.revision });
        render();
      }),
    );
    actions.append(withdraw);
  }
  if (canReview) {
    const ret = h('button', { type: 'button', class: 'secondary' }, t('review.return'));
    ret.addEventListener('click', () =>
      busy(ret, actionOut, async () => {
        const comments = [...returnComments].map(([itemId, comment]) => ({ itemId, comment }));
        if (!comments.length) {
          actionOut.replaceChildren(notice('error', t('review.needComment')));
          return;
        }
        await api('POST', `${base}/return`, { body: { comments }, ifMatch: state.revision });
        render();
      }),
    );
    const accept = h('button', { type: 'button' }, t('review.accept'));
    accept.addEventListener('click', () =>
      busy(accept, actionOut, async () => {
        await api('POST', `${base}/accept`, { body: {}, ifMatch: state.revision });
        render();
      }),
    );
    actions.append(accept, ret);
  }
  if (hasRole('expert') && sub.status === 'accepted') {
    const reason = h('textarea', { rows: 2, id: uid(), class: 'reopen-reason' });
    const reopen = h('button', { type: 'button', class: 'secondary' }, t('correction.reopen'));
    reopen.addEventListener('click', () =>
      busy(reopen, actionOut, async () => {
        if (!reason.value.trim()) {
          actionOut.replaceChildren(notice('error', t('correction.needReason')));
          return;
        }
        const comments = [...returnComments].map(([itemId, comment]) => ({ itemId, comment }));
        await api('POST', `${base}/reopen`, { body: { reason: reason.value, comments }, ifMatch: state.revision });
        render();
      }),
    );
    actions.append(
      h('div', { class: 'field reopen' }, h('label', { for: reason.id }, t('correction.reason')), reason),
      reopen,
    );
  }

  async function submit(acknowledgements) {
    await save();
    if (state.conflict) return;
    try {
      await api('POST', `${base}/submit`, { body: { acknowledgements }, ifMatch: state.revision });
      render();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'submission.warnings_unacknowledged')
        return askAcknowledgements(err.details.issues.filter((i) => i.severity === 'warning'));
      if (Array.isArray(err.details.issues)) {
        // The refusal lists exactly the blocking problems; they replace what the page knew.
        state.issues = [...err.details.issues, ...state.issues.filter((i) => i.severity === 'warning')];
        state.showMissing = true;
        refreshIndicators();
        problems.open = true;
      }
      actionOut.replaceChildren();
      submitOut.replaceChildren(notice('error', err.message, ' ', t('submission.seeProblems')));
      problemsList.querySelector('button')?.focus();
    }
  }

  function askAcknowledgements(warnings) {
    const inputs = warnings.map((w) => {
      const area = h('textarea', { rows: 2, id: uid(), required: true });
      return {
        key: w.key,
        area,
        el: h('div', { class: 'field' }, h('label', { for: area.id }, w.messages[getLang()] ?? w.message), area),
      };
    });
    const confirm = h('button', { type: 'submit' }, t('submission.submitWithAck'));
    const formEl = h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          busy(confirm, actionOut, () => submit(Object.fromEntries(inputs.map((i) => [i.key, i.area.value.trim()]))));
        },
      },
      h('h2', {}, t('submission.warningsTitle')),
      h('p', {}, t('submission.warningsText')),
      inputs.map((i) => i.el),
      confirm,
    );
    submitOut.replaceChildren();
    actionOut.replaceChildren(formEl);
    formEl.scrollIntoView({ block: 'start' });
    inputs[0]?.area.focus();
  }

  async function goToItem(itemId) {
    if (!itemSection.has(itemId)) return;
    await showSection(itemSection.get(itemId));
    remember(sectionNumber, itemId);
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
    dl.addEventListener('click', () =>
      busy(dl, excelOut, () => download(`${base}/template.xlsx?lang=${getLang()}`, 'template.xlsx')),
    );
    excel.append(h('h2', {}, t('excel.title')), dl);
    if (sub.editable && (await hasRoute('POST', importPath))) {
      const file = h('input', {
        type: 'file',
        accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        id: uid(),
      });
      const up = h('button', { type: 'button' }, t('excel.upload'));
      // Cell-level problems: { sheet, cell, itemId, code, message: {kk, ru}, blocks } (issues carry messages instead).
      const text = (p) => (typeof p.message === 'string' ? (p.messages?.[getLang()] ?? p.message) : loc(p.message));
      const where = (p) =>
        p.cell || p.sheet
          ? [
              h(
                'strong',
                {},
                p.cell ? t('excel.cell', { sheet: p.sheet ?? '', cell: p.cell }) : t('excel.sheet', { sheet: p.sheet }),
              ),
              ' ',
            ]
          : null;
      const toItem = (p) =>
        p.itemId && itemSection.has(p.itemId)
          ? [
              ' ',
              h('button', { type: 'button', class: 'link', onclick: () => goToItem(p.itemId) }, t('excel.goToItem')),
            ]
          : null;
      const problemList = (problems, cls = 'cell-problems') =>
        h(
          'ul',
          { class: cls },
          problems.slice(0, 200).map((p) => h('li', {}, where(p), text(p), toItem(p))),
        );
      const label = (id) => (itemById.has(id) ? itemName(itemById.get(id)) : id);
      const send = (params, ifMatch, resolutions) => {
        const data = new FormData();
        if (resolutions && Object.keys(resolutions).length) data.append('resolutions', JSON.stringify(resolutions));
        data.append('file', file.files[0]);
        return api('POST', `${base}/import${params}`, { formData: data, ifMatch });
      };
      const showRefusal = (err) => {
        if (!(err instanceof ApiError)) throw err;
        excelOut.replaceChildren(
          notice('error', err.message, problemList(err.details?.problems ?? err.details?.issues ?? [])),
        );
      };

      /** The preview (REDCap-style): what changes, what conflicts, what blocks; then confirm exactly that. */
      function showPreview(p) {
        const resolutions = {};
        const blocking = p.problems.filter((x) => x.blocks === 'import');
        const later = p.problems.filter((x) => x.blocks === 'submission');
        const warnings = p.problems.filter((x) => x.blocks === 'none');
        const confirm = h('button', { type: 'button', disabled: blocking.length > 0 }, t('excel.confirm'));
        const conflicts = p.conflicts.map((c) => {
          const name = uid('keep');
          const who = changedBy(c);
          const option = (value, caption, entry) =>
            keepChoice(name, value, caption, describe(entry, itemById.get(c.itemId)), false, () => {
              resolutions[c.itemId] = value;
              confirm.disabled = blocking.length > 0 || p.conflicts.some((x) => !resolutions[x.itemId]);
            });
          return h(
            'li',
            {},
            where(c),
            label(c.itemId),
            h(
              'div',
              { role: 'radiogroup', 'aria-label': label(c.itemId) },
              option('mine', t('conflict.keepWorkbook'), c.incoming),
              option('theirs', t('conflict.keepTheirs'), c.current),
              who ? h('span', { class: 'meta' }, ` (${who})`) : null,
            ),
          );
        });
        if (conflicts.length) confirm.disabled = true;
        confirm.addEventListener('click', () =>
          busy(confirm, excelOut, async () => {
            try {
              const { data } = await send('', p.currentRevision, resolutions);
              if (data.unchanged) excelOut.replaceChildren(notice('info', t('excel.noChanges')));
              else render();
            } catch (err) {
              if (err instanceof ApiError && err.code === 'version.stale')
                excelOut.replaceChildren(notice('error', t('excel.moved')));
              else showRefusal(err);
            }
          }),
        );
        const section = (title, content) => (content ? [h('h3', {}, title), content] : null);
        excelOut.replaceChildren(
          h(
            'div',
            { class: 'card import-preview' },
            h('h3', {}, t('excel.previewTitle')),
            p.unchanged
              ? notice('info', t('excel.noChanges'))
              : h('p', {}, t('excel.previewSummary', { changes: p.changes.length, empty: p.empty.length })),
            section(t('excel.blocking'), blocking.length ? problemList(blocking) : null),
            section(t('excel.conflicts'), conflicts.length ? h('ul', { class: 'conflicts' }, conflicts) : null),
            section(
              t('excel.changes'),
              p.changes.length
                ? h(
                    'table',
                    {},
                    h(
                      'thead',
                      {},
                      h(
                        'tr',
                        {},
                        h('th', { scope: 'col' }, t('excel.item')),
                        h('th', { scope: 'col' }, t('excel.before')),
                        h('th', { scope: 'col' }, t('excel.after')),
                      ),
                    ),
                    h(
                      'tbody',
                      {},
                      p.changes
                        .slice(0, 300)
                        .map((c) =>
                          h(
                            'tr',
                            {},
                            h('td', {}, label(c.itemId)),
                            h('td', {}, describe(c.before, itemById.get(c.itemId))),
                            h('td', {}, describe(c.after, itemById.get(c.itemId))),
                          ),
                        ),
                    ),
                  )
                : null,
            ),
            section(t('excel.blocksSubmission'), later.length ? problemList(later) : null),
            section(t('excel.warnings'), warnings.length ? problemList(warnings) : null),
            section(
              t('excel.emptyItems'),
              p.empty.length
                ? problemList(
                    p.empty.map((e) => ({ ...e, message: { kk: label(e.itemId), ru: label(e.itemId) } })),
                    'empty-items',
                  )
                : null,
            ),
            p.unchanged ? null : confirm,
          ),
        );
      }

      up.addEventListener('click', () =>
        busy(up, excelOut, async () => {
          if (!file.files[0]) {
            excelOut.replaceChildren(notice('error', t('excel.chooseFile')));
            return;
          }
          await save();
          try {
            showPreview((await send('?dryRun=true')).data);
          } catch (err) {
            showRefusal(err);
          }
        }),
      );
      // The browser's own file button speaks the browser's language ("Choose File"): ours speaks the page's.
      const chosen = h('span', { class: 'file-name' }, t('excel.noFile'));
      file.classList.add('sr-only');
      file.addEventListener('change', () => {
        chosen.textContent = file.files[0]?.name ?? t('excel.noFile');
      });
      excel.append(
        h(
          'div',
          { class: 'field' },
          h('label', { for: file.id }, t('excel.file')),
          h(
            'div',
            { class: 'file-picker' },
            file,
            h('label', { for: file.id, class: 'button secondary' }, t('excel.pickFile')),
            chosen,
          ),
        ),
        up,
      );
    }
    excel.append(excelOut);
  }

  const page = h(
    'section',
    { class: 'submission' },
    h('h1', {}, t('submission.title')),
    h('p', { class: 'subtitle' }, loc(form.title)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('submission.status')),
      statusValue,
      campaign ? campaignFacts(campaign) : [h('dt', {}, t('campaign.deadline')), h('dd', {}, formatDate(sub.deadline))],
      h('dt', {}, t('submission.revision')),
      h(
        'dd',
        {},
        revisionValue,
        ' ',
        link(`/submissions/${campaignId}/${organisationId}/history`, t('submission.history')),
      ),
    ),
    // Completeness, save state and conflicts stay in view while the user scrolls through a section.
    h(
      'div',
      { class: 'sticky-bar' },
      h(
        'div',
        { class: 'completeness' },
        h('label', { for: progress.id }, t('submission.completeness')),
        progress,
        progressText,
        ' ',
        saveStatus,
      ),
      submitBox,
      alerts,
    ),
    sub.status === 'returned' && sub.comments.length
      ? notice('warning', t('submission.returnedNotice', { n: sub.comments.length }))
      : null,
    sub.inCorrection && sub.corrections.length
      ? notice('warning', t('correction.notice', { reason: sub.corrections.at(-1).reason }))
      : null,
    sub.corrections.length
      ? h(
          'details',
          { class: 'corrections' },
          h('summary', {}, t('correction.history')),
          h(
            'ul',
            {},
            sub.corrections.map((c) =>
              h(
                'li',
                {},
                t('correction.entry', {
                  date: formatDateTime(c.createdAt),
                  revision: c.acceptedRevision,
                  who: c.requestedByName ?? '—',
                  reason: c.reason,
                }),
              ),
            ),
          ),
        )
      : null,
    readOnly && isFocal ? notice('info', t('submission.readOnly')) : null,
    h(
      'div',
      { class: 'layout' },
      h('nav', { class: 'section-nav', 'aria-label': t('submission.sections') }, sectionNav),
      body,
    ),
    h('div', { class: 'bottom' }, actions, actionOut, excel),
  );

  // Save before leaving the page (language switch, navigation) or the tab.
  const beforeUnload = (e) => {
    if (state.dirty && !state.conflict) {
      save();
      e.preventDefault();
    }
  };
  window.addEventListener('beforeunload', beforeUnload);
  onLeave(async () => {
    window.removeEventListener('beforeunload', beforeUnload);
    if (!readOnly) await save();
  });
  setTimeout(async () => {
    await showSection(sectionNumber, { keepItem: true });
    if (focusItem) goToItem(focusItem);
  }, 0);
  return page;
}

/** Who changed a conflicting item and when, as shown beside "keep theirs". */
function changedBy(c) {
  return [c.changedByName, c.changedAt ? formatDateTime(c.changedAt) : null].filter(Boolean).join(', ');
}

/** One choice of a conflict (keep mine / the workbook's / theirs): a labelled radio with the value it keeps. */
function keepChoice(name, value, caption, text, checked, onChange) {
  return h(
    'label',
    { class: 'inline' },
    h('input', { type: 'radio', name, value, checked, onchange: onChange }),
    h('strong', {}, caption),
    ' ',
    text,
  );
}
