// Narrative chapters of the report, edited side by side in Kazakh and Russian (If-Match per chapter).
import { api, ApiError } from '../api.js';
import { render } from '../nav.js';
import { h, select, uid } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { agencyTypes, names } from '../refdata.js';
import { busy, notice } from '../ui.js';

export async function narrativePanel(assessment, { query }) {
  const base = `/api/v1/assessments/${assessment.id}/narrative`;
  const { data } = await api('GET', base);
  const chapters = data.chapters;
  if (!chapters.length) return notice('info', t('narrative.none'));
  const current = chapters.find((c) => c.chapter === query.get('chapter')) ?? chapters[0];
  const agencyName = await names(agencyTypes());
  const chapterLabel = (code) =>
    code.startsWith('profile.')
      ? t('chapter.profile', { agency: agencyName(code.slice('profile.'.length)) })
      : t(`chapter.${code}`);
  const chooser = select(
    chapters.map((c) => [c.chapter, chapterLabel(c.chapter)]),
    current.chapter,
    {
      id: uid(),
      onchange: (e) => {
        const q = new URLSearchParams(location.search);
        q.set('chapter', e.target.value);
        history.replaceState(null, '', `?${q}`);
        render();
      },
    },
  );
  const kk = h('textarea', {
    rows: 14,
    lang: 'kk',
    id: uid(),
    value: current.textKk,
    disabled: assessment.status === 'finalised',
  });
  const ru = h('textarea', {
    rows: 14,
    lang: 'ru',
    id: uid(),
    value: current.textRu,
    disabled: assessment.status === 'finalised',
  });
  const out = h('div', { 'aria-live': 'polite' });
  let revision = current.revision;
  const save = h('button', { type: 'submit', disabled: assessment.status === 'finalised' }, t('narrative.save'));
  // The generated draft (description and the nine §14 points) fills both texts for the experts to edit and accept.
  const useDraft = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      disabled: assessment.status === 'finalised',
      onclick: () =>
        busy(useDraft, out, async () => {
          const { data: drafts } = await api('GET', `${base}/drafts`);
          const draft = drafts.find((d) => d.chapter === current.chapter);
          if (!draft) {
            out.replaceChildren(notice('info', t('narrative.noDraft')));
            return;
          }
          kk.value = draft.textKk;
          ru.value = draft.textRu;
          out.replaceChildren(notice('info', t('narrative.draftHint')));
        }),
    },
    t('narrative.useDraft'),
  );
  const formEl = h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        busy(save, out, async () => {
          try {
            const { data: saved } = await api('PUT', `${base}/${encodeURIComponent(current.chapter)}`, {
              body: { textKk: kk.value, textRu: ru.value },
              ifMatch: revision,
            });
            revision = saved.revision;
            out.replaceChildren(notice('success', t('narrative.saved', { time: formatDateTime(saved.savedAt) })));
          } catch (err) {
            if (err instanceof ApiError && err.code === 'version.stale') {
              out.replaceChildren(
                notice(
                  'error',
                  t('submission.conflictTitle'),
                  ' ',
                  t('submission.conflictText'),
                  ' ',
                  h('button', { type: 'button', onclick: () => render() }, t('submission.reload')),
                ),
              );
            } else throw err;
          }
        });
      },
    },
    h('div', { class: 'field' }, h('label', { for: chooser.id }, t('narrative.chapter')), chooser),
    h(
      'div',
      { class: 'row two' },
      h('div', { class: 'field' }, h('label', { for: kk.id }, t('narrative.kk')), kk),
      h('div', { class: 'field' }, h('label', { for: ru.id }, t('narrative.ru')), ru),
    ),
    out,
    h('div', { class: 'actions' }, useDraft, ' ', save),
  );
  return h('div', {}, h('h2', {}, t('narrative.title')), formEl);
}
