// Shared page pieces: notices, status badges, error display, busy buttons.
import { h } from './dom.js';
import { t } from './i18n.js';

export function notice(kind, ...content) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, t(`status.${status}`));
}

/** Shows an API error (and its item issues, if any) inside a container. */
export function showError(container, err) {
  const issues = err?.details?.issues;
  container.replaceChildren(
    notice(
      'error',
      err.message,
      Array.isArray(issues) && issues.length && issues[0].message
        ? h(
            'ul',
            {},
            issues.slice(0, 20).map((i) => h('li', {}, i.path ? `${i.path}: ${i.message}` : i.message)),
          )
        : null,
    ),
  );
}

/** Runs an async action with the button disabled, showing errors in `out`. */
export async function busy(button, out, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    if (out) out.replaceChildren();
    return await action();
  } catch (err) {
    if (out) showError(out, err);
    else throw err;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A table that scrolls inside its own labelled region when wider than the screen (phones). */
export function table(headers, rows, attrs = {}) {
  const el = h(
    'table',
    attrs,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h('tbody', {}, rows),
  );
  return h(
    'div',
    {
      class: 'table-scroll',
      role: 'region',
      tabindex: '0',
      'aria-label': headers.filter((x) => typeof x === 'string').join(', '),
    },
    el,
  );
}

/** A button that runs a pipeline step and reloads the page. */
export function stepButton(label, out, action) {
  const b = h('button', { type: 'button' }, label);
  b.addEventListener('click', () => busy(b, out, action));
  return b;
}

/**
 * An organisation picker for hundreds of organisations: a search box that narrows the
 * list below it to the names containing what was typed (either language).
 * Returns the container and the select (whose value is the organisation id).
 */
export function organisationPicker(orgs, value, { none = true, label } = {}) {
  const options = [...(none ? [['', '—']] : []), ...orgs.map((o) => [o.id, `${o.name.ru} / ${o.name.kk}`])];
  const picker = h(
    'select',
    { id: `${label}-select` },
    options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)),
  );
  const search = h('input', { type: 'search', 'aria-label': t('org.search'), placeholder: t('org.search') });
  search.addEventListener('input', () => {
    const needle = search.value.trim().toLocaleLowerCase();
    for (const option of picker.options)
      option.hidden = Boolean(needle) && option.value !== '' && !option.text.toLocaleLowerCase().includes(needle);
  });
  return { element: h('div', { class: 'picker' }, search, picker), select: picker };
}
