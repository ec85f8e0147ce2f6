// Recipients of a campaign chosen by region and agency type (not one checkbox per organisation):
// the active organisations of the ticked regions and ticked agency types, counted live, with the
// resulting list to review inside a scrolling region.
import { h, uid } from './dom.js';
import { loc, t } from './i18n.js';

function group(legend, entries, onChange) {
  const boxes = entries.map(([code, label, n]) => ({
    code,
    box: h('input', { type: 'checkbox', id: uid(), checked: true, value: code, onchange: onChange }),
    label: `${label} (${n})`,
  }));
  const all = (checked) => () => {
    for (const b of boxes) b.box.checked = checked;
    onChange();
  };
  return {
    codes: () => new Set(boxes.filter((b) => b.box.checked).map((b) => b.code)),
    el: h(
      'fieldset',
      { class: 'choice-group' },
      h('legend', {}, legend),
      h(
        'div',
        { class: 'choice-actions' },
        h('button', { type: 'button', class: 'secondary', onclick: all(true) }, t('recipients.all')),
        h('button', { type: 'button', class: 'secondary', onclick: all(false) }, t('recipients.none')),
      ),
      h(
        'div',
        { class: 'choices' },
        boxes.map((b) => h('label', { class: 'inline', for: b.box.id }, b.box, b.label)),
      ),
    ),
  };
}

/** { el, selected(): organisation ids } over the active organisations. */
export function recipientPicker(orgs, regionList, agencyList) {
  const active = orgs.filter((o) => o.active);
  const count = (key, code) => active.filter((o) => o[key] === code).length;
  const summary = h('p', { class: 'recipients-summary', role: 'status' });
  const list = h('ul', { class: 'recipient-list' });
  let regions;
  let types;
  const selected = () => {
    const [r, a] = [regions.codes(), types.codes()];
    return active.filter((o) => r.has(o.region) && a.has(o.agencyType));
  };
  const update = () => {
    const chosen = selected();
    summary.textContent = t('recipients.selected', { n: chosen.length, total: active.length });
    list.replaceChildren(...chosen.map((o) => h('li', {}, loc(o.name))));
  };
  const present = (items, key) =>
    items.filter((x) => count(key, x.code) > 0).map((x) => [x.code, loc(x.name), count(key, x.code)]);
  regions = group(t('recipients.byRegion'), present(regionList, 'region'), update);
  types = group(t('recipients.byAgencyType'), present(agencyList, 'agencyType'), update);
  update();
  return {
    selected: () => selected().map((o) => o.id),
    el: h(
      'fieldset',
      { class: 'recipients-picker' },
      h('legend', {}, t('campaign.recipients')),
      h('div', { class: 'recipient-groups' }, regions.el, types.el),
      summary,
      h(
        'details',
        {},
        h('summary', {}, t('recipients.review')),
        h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('recipients.review') }, list),
      ),
    ),
  };
}
