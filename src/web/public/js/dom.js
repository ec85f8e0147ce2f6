// A tiny element builder: h('button', { onclick, class: 'x' }, 'text', child).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'for') el.htmlFor = value;
    else if (name === 'value') el.value = value;
    else if (
      name === 'checked' ||
      name === 'selected' ||
      name === 'disabled' ||
      name === 'hidden' ||
      name === 'required'
    )
      el[name] = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let sequence = 0;
/** A unique element id for label/aria wiring. */
export function uid(prefix = 'f') {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** A labelled control: <div class="field"><label>..</label>control</div>. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uid();
  const hintEl = hint ? h('div', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hintEl);
}

export function select(options, value, attrs = {}) {
  return h(
    'select',
    attrs,
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
}
