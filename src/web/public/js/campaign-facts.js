// The request of a campaign (Rules §9) as people read it: requesting body, outgoing number and
// date, the actual term, and the reporting period every form is about (issue 20).
import { h } from './dom.js';
import { formatDate, t } from './i18n.js';

export function requestText(c) {
  if (!c.requestingBody) return t('campaign.notRecorded');
  return t('campaign.requestValue', {
    body: t(`campaign.body.${c.requestingBody}`),
    number: c.outgoingNumber ?? '—',
    date: c.outgoingDate ? formatDate(c.outgoingDate) : '—',
  });
}

export function termText(c) {
  return t(c.term === 'monthly' ? 'campaign.termMonthly' : 'campaign.termCustom', { date: formatDate(c.deadline) });
}

export function periodText(c) {
  return t('campaign.periodValue', { from: formatDate(c.reportingPeriod.from), to: formatDate(c.reportingPeriod.to) });
}

/** dt/dd pairs for a <dl class="facts">. */
export function campaignFacts(c) {
  return [
    h('dt', {}, t('campaign.reportingPeriod')),
    h('dd', { class: 'reporting-period' }, periodText(c)),
    h('dt', {}, t('campaign.request')),
    h('dd', { class: 'request' }, requestText(c)),
    h('dt', {}, t('campaign.term')),
    h('dd', { class: 'term' }, termText(c)),
  ];
}
