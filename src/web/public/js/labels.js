// Item captions that do not repeat the question: in the order many questions have one item
// whose label is the question's text (questions 1.8, 1.9), or items whose labels together
// make up the question (1.5). The heading keeps the order's text once; the items get a short
// caption by kind, or, when the items spell out the question, the heading shows the number only.
const norm = (s) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/[\s?.:;,!]+$/, '')
    .trim();

/** Whether the question's text is just its items' labels (every label in it, together most of it). */
export function questionIsItems(question, lang) {
  if (question.items.length < 2) return false;
  const q = norm(question.text[lang]);
  const labels = question.items.map((i) => norm(i.label[lang]));
  return labels.every((l) => l && q.includes(l)) && labels.join('').length >= 0.8 * q.replace(/ /g, '').length;
}

/** The dictionary key of a short caption for an item that would repeat its question, or null. */
export function captionKey(item, question, lang) {
  if (questionIsItems(question, lang)) return null;
  const q = norm(question.text[lang]);
  const l = norm(item.label[lang]);
  if (l !== q && !(question.items.length === 1 && q.includes(l))) return null;
  if (item.kind === 'entity_list') return `item.caption.${item.entity}`;
  return `item.caption.${item.kind}`;
}
