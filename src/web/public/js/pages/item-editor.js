// One questionnaire item: an answer editor by kind (see docs/answers.md) or a
// reason for missing data with a comment. Edits write straight into `answers`
// and call onChange; re-rendering is local so the keyboard focus stays put.
import { h, select, uid } from '../dom.js';
import { loc, t } from '../i18n.js';

const numberOrUndefined = (text, integer) => {
  if (text.trim() === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return integer && Number.isInteger(n) ? n : integer ? n : n;
};

function numberInput(value, integer, onInput, label) {
  return h('input', {
    type: 'number',
    inputmode: integer ? 'numeric' : 'decimal',
    step: integer ? '1' : '0.01',
    min: '0',
    value: value ?? '',
    'aria-label': label,
    oninput: (e) => onInput(numberOrUndefined(e.target.value, integer)),
  });
}

function categoriesOf(form, dimension) {
  return form.dimensions.find((d) => d.code === dimension)?.categories ?? [];
}

/** Builds the editor for an item; `ctx` = { form, answers, readOnly, onChange }. */
export function itemEditor(item, ctx) {
  const box = h('div', { class: 'item-body' });
  const answer = () => ctx.answers[item.id];
  const setValue = (value) => {
    if (value === undefined) delete ctx.answers[item.id];
    else ctx.answers[item.id] = { value };
    ctx.onChange(item.id);
  };

  const modeName = uid('mode');
  const mode = () => (answer()?.missingReason !== undefined ? 'missing' : 'answer');
  const modeRadio = (value, label) =>
    h(
      'label',
      { class: 'inline' },
      h('input', {
        type: 'radio',
        name: modeName,
        value,
        checked: mode() === value,
        disabled: ctx.readOnly,
        onchange: () => {
          if (value === 'missing') ctx.answers[item.id] = { missingReason: '' };
          else delete ctx.answers[item.id];
          ctx.onChange(item.id);
          draw();
        },
      }),
      label,
    );

  function valueEditor() {
    const current = answer()?.value;
    const label = loc(item.label);
    switch (item.kind) {
      case 'yes_no': {
        const name = uid('yn');
        const desc = h('textarea', {
          rows: 2,
          value: current?.description ?? '',
          disabled: ctx.readOnly,
          'aria-label': t('item.description'),
          oninput: (e) =>
            setValue({ ...(answer()?.value ?? { answer: 'yes' }), description: e.target.value || undefined }),
        });
        const radio = (v) =>
          h(
            'label',
            { class: 'inline' },
            h('input', {
              type: 'radio',
              name,
              value: v,
              checked: current?.answer === v,
              disabled: ctx.readOnly,
              onchange: () => {
                setValue({ answer: v, ...(v === 'yes' && desc.value ? { description: desc.value } : {}) });
                draw();
              },
            }),
            t(`item.${v}`),
          );
        return h(
          'div',
          {},
          h('div', { role: 'radiogroup', 'aria-label': label }, radio('yes'), radio('no')),
          current?.answer === 'yes'
            ? h('div', { class: 'field' }, h('label', { for: (desc.id = uid()) }, t('item.description')), desc)
            : null,
        );
      }
      case 'text':
        return h('textarea', {
          rows: 3,
          maxlength: item.maxLength,
          value: current ?? '',
          disabled: ctx.readOnly,
          'aria-label': label,
          oninput: (e) => setValue(e.target.value === '' ? undefined : e.target.value),
        });
      case 'count':
      case 'amount': {
        // Read-only means read-only: a submitted or accepted questionnaire, an expert's review.
        const input = numberInput(current, item.kind === 'count', setValue, label);
        input.disabled = ctx.readOnly;
        return input;
      }
      case 'breakdown': {
        const value = () => answer()?.value ?? { total: 0, byCategory: {} };
        const cats = [
          ...categoriesOf(ctx.form, item.dimension),
          { code: 'unknown', label: { kk: t('item.unknownCategory'), ru: t('item.unknownCategory') } },
        ];
        const total = numberInput(
          current?.total,
          true,
          (n) => setValue({ ...value(), total: n ?? 0 }),
          `${label}: ${t('item.total')}`,
        );
        if (ctx.readOnly) total.disabled = true;
        return h(
          'div',
          { class: 'breakdown' },
          h('div', { class: 'field' }, h('label', { for: (total.id = uid()) }, t('item.total')), total),
          h(
            'div',
            { class: 'grid' },
            cats.map((c) => {
              const input = numberInput(
                current?.byCategory?.[c.code],
                true,
                (n) => {
                  const v = value();
                  const byCategory = { ...v.byCategory };
                  if (n === undefined) delete byCategory[c.code];
                  else byCategory[c.code] = n;
                  setValue({ ...v, byCategory });
                },
                loc(c.label),
              );
              input.disabled = ctx.readOnly;
              input.removeAttribute('aria-label');
              input.id = uid();
              return h('div', { class: 'field' }, h('label', { for: input.id }, loc(c.label)), input);
            }),
          ),
        );
      }
      case 'table':
      case 'entity_list':
        return rowsEditor(item, ctx, answer, setValue, draw);
      default:
        return h('p', {}, t('item.unsupported'));
    }
  }

  function missingEditor() {
    const a = answer();
    const reason = select(
      [['', t('item.chooseReason')], ...ctx.form.missingReasons.map((r) => [r.code, loc(r.label)])],
      a.missingReason,
      {
        disabled: ctx.readOnly,
        id: uid(),
        onchange: (e) => {
          ctx.answers[item.id] = { ...answer(), missingReason: e.target.value };
          ctx.onChange(item.id);
        },
      },
    );
    const comment = h('textarea', {
      rows: 2,
      id: uid(),
      value: a.missingComment ?? '',
      disabled: ctx.readOnly,
      oninput: (e) => {
        const next = { ...answer(), missingComment: e.target.value };
        if (!e.target.value) delete next.missingComment;
        ctx.answers[item.id] = next;
        ctx.onChange(item.id);
      },
    });
    return h(
      'div',
      { class: 'missing' },
      h('div', { class: 'field' }, h('label', { for: reason.id }, t('item.missingReason')), reason),
      h('div', { class: 'field' }, h('label', { for: comment.id }, t('item.missingComment')), comment),
    );
  }

  function draw() {
    box.replaceChildren(
      h(
        'div',
        { class: 'mode', role: 'radiogroup', 'aria-label': t('item.mode') },
        modeRadio('answer', t('item.modeAnswer')),
        modeRadio('missing', t('item.modeMissing')),
      ),
      mode() === 'missing' ? missingEditor() : valueEditor(),
    );
  }
  draw();
  return box;
}

/**
 * The order's note and the project's hint of a question or item, styled apart:
 * respondents must be able to tell the order's text from the platform's explanations.
 */
export function annotations(entry) {
  return [
    entry.note
      ? h('p', { class: 'official-note' }, h('strong', {}, `${t('item.officialNote')}. `), loc(entry.note))
      : null,
    entry.hint
      ? h(
          'p',
          { class: 'hint project-hint' },
          h('span', { class: 'hint-label' }, `${t('item.projectHint')}: `),
          loc(entry.hint),
        )
      : null,
  ];
}

function rowsEditor(item, ctx, answer, setValue, redraw) {
  const rows = () => (Array.isArray(answer()?.value) ? answer().value : []);
  const columns =
    item.kind === 'table'
      ? item.columns
      : [
          { id: 'name', kind: 'text', label: { kk: t('item.entityName'), ru: t('item.entityName') } },
          { id: 'country', kind: 'country', label: { kk: t('item.country'), ru: t('item.country') } },
          { id: 'note', kind: 'text', label: { kk: t('item.note'), ru: t('item.note') } },
        ];
  const update = (index, column, v) => {
    const next = rows().map((r) => ({ ...r }));
    if (v === undefined || v === '') delete next[index][column];
    else next[index][column] = v;
    setValue(next);
  };
  const cell = (row, index, col) => {
    const label = `${loc(col.label)} (${t('item.row', { n: index + 1 })})`;
    let input;
    if (col.kind === 'count' || col.kind === 'amount')
      input = numberInput(row[col.id], col.kind === 'count', (n) => update(index, col.id, n), label);
    else if (col.kind === 'choice')
      input = select(
        [['', '—'], ...categoriesOf(ctx.form, col.dimension).map((c) => [c.code, loc(c.label)])],
        row[col.id] ?? '',
        { 'aria-label': label, onchange: (e) => update(index, col.id, e.target.value) },
      );
    else if (col.kind === 'country')
      input = countryInput(row[col.id], ctx.countries ?? [], label, (code) => update(index, col.id, code));
    else
      input = h('input', {
        type: 'text',
        value: row[col.id] ?? '',
        'aria-label': label,
        maxlength: col.maxLength,
        oninput: (e) => update(index, col.id, e.target.value),
      });
    input.disabled = ctx.readOnly;
    return h('td', {}, input);
  };
  const add = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      disabled: ctx.readOnly,
      onclick: () => {
        setValue([...rows(), {}]);
        redraw();
      },
    },
    t('item.addRow'),
  );
  return h(
    'div',
    { class: 'rows' },
    h(
      'div',
      { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': loc(item.label) },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            columns.map((c) => h('th', { scope: 'col' }, loc(c.label))),
            h('th', {}, h('span', { class: 'sr-only' }, t('common.actions'))),
          ),
        ),
        h(
          'tbody',
          {},
          rows().map((row, index) =>
            h(
              'tr',
              {},
              columns.map((c) => cell(row, index, c)),
              h(
                'td',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    disabled: ctx.readOnly,
                    'aria-label': t('item.removeRowN', { n: index + 1 }),
                    onclick: () => {
                      const next = rows().filter((_, i) => i !== index);
                      setValue(next.length ? next : undefined);
                      redraw();
                    },
                  },
                  t('item.removeRow'),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    add,
  );
}

/** "Name (CODE)" in the interface language. */
const countryText = (c) => `${loc(c.name)} (${c.code})`;

/**
 * A country picked from the list or typed as a name (Kazakh or Russian) or ISO code; stored
 * as the alpha-3 code. Text that names no country is kept as typed, so the server's message
 * ("not a country code") appears next to the item.
 */
function countryInput(code, countries, label, onCode) {
  const norm = (s) =>
    s
      .toLowerCase()
      .replace(/\u0451/g, '\u0435')
      .trim();
  const resolve = (text) => {
    const s = text.trim();
    if (!s) return undefined;
    const option = /\(([A-Za-z]{3})\)\s*$/.exec(s);
    if (option) return option[1].toUpperCase();
    const byCode = countries.find((c) => c.code === s.toUpperCase());
    if (byCode) return byCode.code;
    const byName = countries.find((c) => norm(c.name.kk) === norm(s) || norm(c.name.ru) === norm(s));
    return byName ? byName.code : s;
  };
  const known = countries.find((c) => c.code === code);
  return h('input', {
    type: 'text',
    list: countryList(countries),
    value: known ? countryText(known) : (code ?? ''),
    'aria-label': label,
    maxlength: 200,
    onchange: (e) => onCode(resolve(e.target.value)),
  });
}

/** One drop-down list of countries for the whole page (re-made when the language changes). */
function countryList(countries) {
  const id = `country-options-${document.documentElement.lang || 'ru'}`;
  if (!document.getElementById(id))
    document.body.append(
      h(
        'datalist',
        { id },
        countries.map((c) => h('option', { value: countryText(c) })),
      ),
    );
  return id;
}
