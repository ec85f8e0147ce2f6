// Rules §18-19 for one finalised assessment: the transmittal to the Commission's working body, the
// Commission's decision on each recommendation, the communication to the subjects and who read it.
import { api, get } from '../api.js';
import { field, h, select } from '../dom.js';
import { formatDate, formatDateTime, loc, t } from '../i18n.js';
import { hasRole, render } from '../nav.js';
import { agencyTypes, names } from '../refdata.js';
import { busy, notice, table } from '../ui.js';
import { decisionLine } from './results.js';

const today = () => new Date().toISOString().slice(0, 10);

function transmittalPart(a, c, out) {
  if (c.transmittal) {
    const x = c.transmittal;
    return h(
      'div',
      {},
      h('p', {}, t('commission.sent', { date: formatDate(x.sentOn), number: x.outgoingNumber })),
      x.note ? h('p', {}, x.note) : null,
      table(
        [t('files.what'), t('files.size'), 'SHA-256'],
        x.files.map((f) =>
          h(
            'tr',
            {},
            h('td', {}, f.name),
            h('td', {}, t('files.kb', { n: Math.max(1, Math.round(f.size / 1024)) })),
            h('td', {}, h('code', { class: 'hash' }, f.sha256)),
          ),
        ),
      ),
    );
  }
  if (a.status !== 'finalised') return notice('info', t('commission.notFinalised'));
  if (!hasRole('expert', 'secretariat')) return notice('info', t('commission.notSent'));
  const sentOn = h('input', { type: 'date', required: true, value: today() });
  const number = h('input', { type: 'text', required: true, maxlength: 100 });
  const note = h('textarea', { rows: 2 });
  const b = h('button', { type: 'submit' }, t('commission.send'));
  return h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        busy(b, out, async () => {
          const body = { sentOn: sentOn.value, outgoingNumber: number.value };
          if (note.value.trim()) body.note = note.value;
          await api('POST', `/api/v1/assessments/${a.id}/commission/transmittal`, { body });
          await render();
        });
      },
    },
    h('p', {}, t('commission.sendHelp')),
    h('div', { class: 'row' }, field(t('commission.sentOn'), sentOn), field(t('commission.outgoingNumber'), number)),
    field(t('commission.note'), note),
    b,
  );
}

async function decisionForm(a, out, agencyName) {
  const candidates = await get(`/api/v1/assessments/${a.id}/commission/recommendations`);
  const types = await agencyTypes();
  const meetingOn = h('input', { type: 'date', required: true, value: today() });
  const protocol = h('input', { type: 'text', maxlength: 100 });
  const decisionKk = h('textarea', { rows: 3, required: true, lang: 'kk' });
  const decisionRu = h('textarea', { rows: 3, required: true, lang: 'ru' });
  const rows = candidates.map((c, n) => {
    const status = select(
      ['approved', 'changed', 'rejected'].map((s) => [s, t(`commission.rec.${s}`)]),
      'approved',
    );
    const agencies = h(
      'select',
      { multiple: true, size: 4 },
      types.map((x) => h('option', { value: x.code, selected: c.agencyTypes.includes(x.code) }, loc(x.name))),
    );
    const textKk = h('textarea', { rows: 2, lang: 'kk' }, c.text.kk);
    const textRu = h('textarea', { rows: 2, lang: 'ru' }, c.text.ru);
    const changed = h(
      'div',
      { hidden: true },
      field(t('commission.rec.textKk'), textKk),
      field(t('commission.rec.textRu'), textRu),
    );
    status.addEventListener('change', () => {
      changed.hidden = status.value !== 'changed';
    });
    const el = h(
      'fieldset',
      { class: 'card' },
      h('legend', {}, t('commission.rec.n', { n: n + 1 })),
      h('p', {}, loc(c.text)),
      h('p', { class: 'hint' }, c.agencyTypes.map(agencyName).join('; ')),
      h(
        'div',
        { class: 'row' },
        field(t('commission.rec.status'), status),
        field(t('commission.rec.agencies'), agencies),
      ),
      changed,
    );
    return {
      el,
      value: () => ({
        id: c.id,
        status: status.value,
        ...(status.value === 'changed' ? { text: { kk: textKk.value, ru: textRu.value } } : {}),
        ...(status.value === 'rejected' ? {} : { agencyTypes: [...agencies.selectedOptions].map((o) => o.value) }),
      }),
    };
  });
  const b = h('button', { type: 'submit' }, t('commission.decide'));
  return h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        busy(b, out, async () => {
          const body = {
            meetingOn: meetingOn.value,
            decision: { kk: decisionKk.value, ru: decisionRu.value },
            recommendations: rows.map((r) => r.value()),
          };
          if (protocol.value.trim()) body.protocolNumber = protocol.value;
          await api('POST', `/api/v1/assessments/${a.id}/commission/decision`, { body });
          await render();
        });
      },
    },
    h('div', { class: 'row' }, field(t('commission.meetingOn'), meetingOn), field(t('commission.protocol'), protocol)),
    h(
      'div',
      { class: 'row' },
      field(t('commission.decisionKk'), decisionKk),
      field(t('commission.decisionRu'), decisionRu),
    ),
    h('h3', {}, t('commission.recommendations')),
    rows.map((r) => r.el),
    b,
  );
}

async function decisionPart(a, c, out, agencyName) {
  if (c.decision) {
    const d = c.decision;
    return h(
      'div',
      {},
      h('p', {}, decisionLine(d.meetingOn, d.protocolNumber)),
      h('p', {}, loc(d.decision)),
      table(
        [t('commission.recommendations'), t('commission.rec.status'), t('commission.rec.agencies')],
        d.recommendations.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, loc(r.text)),
            h('td', {}, t(`commission.rec.${r.status}`)),
            h('td', {}, r.agencyTypes.map(agencyName).join('; ')),
          ),
        ),
      ),
    );
  }
  if (!c.transmittal) return notice('info', t('commission.waitTransmittal'));
  if (!hasRole('secretariat')) return notice('info', t('commission.waitDecision'));
  return decisionForm(a, out, agencyName);
}

async function publicationPart(a, c, out, agencyName) {
  if (c.publication) {
    const parts = [notice('success', t('commission.published', { time: formatDateTime(c.publication.publishedAt) }))];
    if (hasRole('secretariat', 'admin')) {
      const r = await get(`/api/v1/assessments/${a.id}/read-receipts`);
      parts.push(
        h('h3', {}, t('commission.receipts')),
        h('p', {}, t('commission.receiptsSummary', { read: r.read, total: r.organisations })),
        table(
          [t('commission.organisation'), t('commission.agency'), t('commission.readers'), t('commission.firstRead')],
          r.rows.map((o) =>
            h(
              'tr',
              { class: o.readers.length ? '' : 'unread' },
              h('td', {}, loc(o.name)),
              h('td', {}, agencyName(o.agencyType)),
              h('td', {}, o.readers.length ? o.readers.map((x) => x.name).join(', ') : t('results.unread')),
              h('td', {}, o.readers.length ? formatDateTime(o.readers[0].firstReadAt) : '—'),
            ),
          ),
        ),
      );
    }
    return h('div', {}, parts);
  }
  if (!c.decision) return notice('info', t('commission.waitDecision'));
  if (!hasRole('secretariat')) return notice('info', t('commission.notPublished'));
  const b = h('button', { type: 'button' }, t('commission.publish'));
  b.addEventListener('click', () =>
    busy(b, out, async () => {
      await api('POST', `/api/v1/assessments/${a.id}/commission/publication`);
      await render();
    }),
  );
  return h('div', {}, h('p', {}, t('commission.publishHelp')), b);
}

export async function commissionPage({ id }) {
  const [a, c] = await Promise.all([get(`/api/v1/assessments/${id}`), get(`/api/v1/assessments/${id}/commission`)]);
  const agencyName = await names(agencyTypes());
  const out = h('div', { 'aria-live': 'polite' });
  return h(
    'section',
    {},
    h('h1', {}, t('commission.title')),
    h(
      'p',
      {},
      loc(a.title),
      ' · ',
      t('assessment.periodValue', { start: a.startYear, end: a.endYear }),
      ' · ',
      t(`commission.status.${c.status}`),
    ),
    out,
    h('article', { class: 'card' }, h('h2', {}, t('commission.transmittal')), transmittalPart(a, c, out)),
    h('article', { class: 'card' }, h('h2', {}, t('commission.decision')), await decisionPart(a, c, out, agencyName)),
    h(
      'article',
      { class: 'card' },
      h('h2', {}, t('commission.publication')),
      await publicationPart(a, c, out, agencyName),
    ),
  );
}
