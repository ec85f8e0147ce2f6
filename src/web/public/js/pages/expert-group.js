// The standing expert group (Rules §4-6): its size, meeting frequency and format, the members each
// representing a subject with their role (and the composition's history), and its meetings:
// date, format, agenda, attendance, minutes, decisions linked to the assessment's steps, files.
import { api, download, get } from '../api.js';
import { field, h, select, uid } from '../dom.js';
import { formatDate, loc, t } from '../i18n.js';
import { hasRole, link, render } from '../nav.js';
import { agencyTypes, names, organisations } from '../refdata.js';
import { busy, notice, organisationPicker, table } from '../ui.js';

const ROLES = ['chair', 'deputy_chair', 'secretary', 'member'];
const FORMATS = ['in_person', 'online', 'mixed'];
const STEPS = ['quality', 'structuring', 'scoring', 'ranking', 'narrative', 'finalise', 'transmittal', 'other'];
const today = () => new Date().toISOString().slice(0, 10);

function settingsPart(group, etag, out) {
  const info = h(
    'p',
    {},
    t('group.size', { n: group.plannedSize ?? '—' }),
    ' · ',
    t('group.frequency', { text: group.meetingFrequency ?? '—' }),
    ' · ',
    group.workFormat ? t(`group.format.${group.workFormat}`) : '—',
  );
  if (!hasRole('admin')) return info;
  const size = h('input', { type: 'number', min: 1, max: 500, value: group.plannedSize ?? '' });
  const frequency = h('input', { type: 'text', value: group.meetingFrequency ?? '' });
  const format = select([['', '—'], ...FORMATS.map((f) => [f, t(`group.format.${f}`)])], group.workFormat ?? '');
  const basis = h('input', { type: 'text', value: group.basis ?? '' });
  const b = h('button', { type: 'submit' }, t('group.saveSettings'));
  return h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        busy(b, out, async () => {
          await api('PUT', '/api/v1/expert-group', {
            body: {
              plannedSize: size.value ? Number(size.value) : null,
              meetingFrequency: frequency.value.trim() || null,
              workFormat: format.value || null,
              basis: basis.value.trim() || null,
            },
            ifMatch: etag,
          });
          await render();
        });
      },
    },
    info,
    h(
      'div',
      { class: 'row' },
      field(t('group.plannedSize'), size),
      field(t('group.meetingFrequency'), frequency),
      field(t('group.workFormat'), format),
    ),
    field(t('group.basis'), basis),
    b,
  );
}

function memberRows(members, agencyName, out) {
  return members.map((m) => {
    const actions = [];
    if (hasRole('admin') && !m.leftOn) {
      const date = h('input', { type: 'date', value: today(), 'aria-label': t('group.leftOn') });
      const b = h('button', { type: 'button', class: 'secondary' }, t('group.leave'));
      b.addEventListener('click', () =>
        busy(b, out, async () => {
          await api('POST', `/api/v1/expert-group/members/${m.id}/changes`, { body: { leftOn: date.value } });
          await render();
        }),
      );
      actions.push(date, ' ', b);
    }
    return h(
      'tr',
      {},
      h('td', {}, m.name),
      h('td', {}, loc(m.organisationName)),
      h('td', {}, agencyName(m.agencyType)),
      h('td', {}, t(`group.role.${m.role}`)),
      h('td', {}, formatDate(m.joinedOn), m.leftOn ? ` – ${formatDate(m.leftOn)}` : ''),
      h('td', {}, actions),
    );
  });
}

async function addMemberForm(out) {
  const orgs = await organisations();
  const users = (await get('/api/v1/users')).filter((u) => u.roles.includes('expert') && !u.disabled);
  const name = h('input', { type: 'text', required: true });
  const picker = organisationPicker(orgs, null, { none: false, label: 'member-org' });
  const user = select([['', t('group.noAccount')], ...users.map((u) => [u.id, `${u.name} (${u.email})`])], '');
  user.addEventListener('change', () => {
    const u = users.find((x) => x.id === user.value);
    if (u && !name.value) name.value = u.name;
  });
  const role = select(
    ROLES.map((r) => [r, t(`group.role.${r}`)]),
    'member',
  );
  const joined = h('input', { type: 'date', required: true, value: today() });
  const b = h('button', { type: 'submit' }, t('group.addMember'));
  return h(
    'form',
    {
      class: 'card',
      onsubmit: (e) => {
        e.preventDefault();
        busy(b, out, async () => {
          await api('POST', '/api/v1/expert-group/members', {
            body: {
              name: name.value,
              organisationId: picker.select.value,
              userId: user.value || null,
              role: role.value,
              joinedOn: joined.value,
            },
          });
          await render();
        });
      },
    },
    h('h3', {}, t('group.addMember')),
    field(t('group.account'), user),
    field(t('group.memberName'), name),
    h('div', { class: 'field' }, h('label', { for: picker.select.id }, t('group.organisation')), picker.element),
    h('div', { class: 'row' }, field(t('group.memberRole'), role), field(t('group.joinedOn'), joined)),
    b,
  );
}

function meetingCard(m, assessmentTitle, out) {
  const file = h('input', { type: 'file', 'aria-label': t('group.file') });
  const up = h('button', { type: 'button', class: 'secondary' }, t('group.upload'));
  up.addEventListener('click', () =>
    busy(up, out, async () => {
      if (!file.files?.length) return;
      const formData = new FormData();
      formData.append('file', file.files[0]);
      await api('POST', `/api/v1/expert-group/meetings/${m.id}/files`, { formData });
      await render();
    }),
  );
  const present = m.attendance.filter((a) => a.status === 'present').map((a) => a.name);
  return h(
    'article',
    { class: 'card meeting' },
    h('h3', {}, formatDate(m.heldOn), ' · ', t(`group.format.${m.format}`)),
    m.assessmentId ? h('p', { class: 'hint' }, assessmentTitle(m.assessmentId)) : null,
    h('p', { class: 'pre' }, m.agenda),
    m.minutes ? h('details', {}, h('summary', {}, t('group.minutes')), h('p', { class: 'pre' }, m.minutes)) : null,
    h('p', {}, t('group.present', { n: present.length, names: present.join(', ') || '—' })),
    m.decisions.length
      ? h(
          'ol',
          { 'aria-label': t('group.decisions') },
          m.decisions.map((d) => h('li', {}, d.text, ' ', h('span', { class: 'badge' }, t(`group.step.${d.step}`)))),
        )
      : null,
    m.files.length
      ? h(
          'ul',
          { 'aria-label': t('group.files') },
          m.files.map((f) => {
            const b = h('button', { type: 'button', class: 'link' }, f.name);
            b.addEventListener('click', () =>
              busy(b, out, () => download(`/api/v1/expert-group/meetings/${m.id}/files/${f.name}`, f.name)),
            );
            return h('li', {}, b);
          }),
        )
      : null,
    hasRole('expert', 'admin') ? h('div', { class: 'row' }, file, up) : null,
  );
}

async function meetingForm(members, assessments, out) {
  const heldOn = h('input', { type: 'date', required: true, value: today() });
  const format = select(
    FORMATS.map((f) => [f, t(`group.format.${f}`)]),
    'in_person',
  );
  const assessment = select([['', '—'], ...assessments.map((a) => [a.id, loc(a.title)])], assessments[0]?.id ?? '');
  const agenda = h('textarea', { rows: 3, required: true });
  const minutes = h('textarea', { rows: 4 });
  const decisionText = h('textarea', { rows: 2 });
  const step = select(
    STEPS.map((s) => [s, t(`group.step.${s}`)]),
    'quality',
  );
  const attendance = members.map((m) => {
    const s = select(
      ['present', 'absent', 'excused'].map((x) => [x, t(`group.attendance.${x}`)]),
      'present',
      { id: uid(), 'aria-label': m.name },
    );
    return { m, s };
  });
  const b = h('button', { type: 'submit' }, t('group.saveMeeting'));
  return h(
    'form',
    {
      class: 'card',
      onsubmit: (e) => {
        e.preventDefault();
        busy(b, out, async () => {
          await api('POST', '/api/v1/expert-group/meetings', {
            body: {
              heldOn: heldOn.value,
              format: format.value,
              assessmentId: assessment.value || null,
              agenda: agenda.value,
              minutes: minutes.value.trim() || null,
              decisions: decisionText.value.trim() ? [{ text: decisionText.value, step: step.value }] : [],
              attendance: attendance.map(({ m, s }) => ({ memberId: m.id, status: s.value })),
            },
          });
          await render();
        });
      },
    },
    h('h3', {}, t('group.newMeeting')),
    h(
      'div',
      { class: 'row' },
      field(t('group.heldOn'), heldOn),
      field(t('group.meetingFormat'), format),
      field(t('group.assessment'), assessment),
    ),
    field(t('group.agenda'), agenda),
    field(t('group.minutes'), minutes),
    h('div', { class: 'row' }, field(t('group.decision'), decisionText), field(t('group.decisionStep'), step)),
    attendance.length
      ? h(
          'fieldset',
          {},
          h('legend', {}, t('group.attendanceTitle')),
          attendance.map(({ m, s }) => h('div', { class: 'field' }, h('label', { for: s.id }, m.name), s)),
        )
      : null,
    b,
  );
}

export async function expertGroupPage(_params, query) {
  const { data: group, etag } = await api('GET', '/api/v1/expert-group');
  const history = query.get('history') === 'true';
  const members = history ? await get('/api/v1/expert-group/members?history=true') : group.members;
  const meetings = await get('/api/v1/expert-group/meetings');
  const assessments = hasRole('admin', 'expert') ? await get('/api/v1/assessments') : [];
  const title = (id) => loc(assessments.find((a) => a.id === id)?.title) || '';
  const agencyName = await names(agencyTypes());
  const out = h('div', { 'aria-live': 'polite' });
  const historyLink = link(
    history ? '/expert-group' : '/expert-group?history=true',
    history ? t('group.current') : t('group.history'),
  );
  return h(
    'section',
    {},
    h('h1', {}, t('group.title')),
    h('p', {}, t('group.intro')),
    out,
    h('article', { class: 'card' }, h('h2', {}, t('group.settings')), settingsPart(group, etag ?? 0, out)),
    h(
      'article',
      { class: 'card' },
      h('h2', {}, history ? t('group.historyTitle') : t('group.members')),
      h('p', {}, historyLink),
      members.length
        ? table(
            [
              t('group.memberName'),
              t('group.organisation'),
              t('group.agency'),
              t('group.memberRole'),
              t('group.term'),
              t('common.actions'),
            ],
            memberRows(members, agencyName, out),
          )
        : notice('info', t('group.noMembers')),
      hasRole('admin') && !history ? await addMemberForm(out) : null,
    ),
    h(
      'article',
      { class: 'card' },
      h('h2', {}, t('group.meetings')),
      hasRole('expert', 'admin') ? await meetingForm(group.members, assessments, out) : null,
      meetings.length ? meetings.map((m) => meetingCard(m, title, out)) : notice('info', t('group.noMeetings')),
    ),
  );
}
