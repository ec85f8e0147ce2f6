// The assessment's long steps (quality, structuring, ranking, finalisation) run as server jobs.
// This panel shows each active job with its progress and a cancel button, polling once a second.
// It reads the active jobs from the server (GET /assessments/:id/jobs?active=true), so a user who
// leaves the page, reloads it or comes back from another device sees them again; when a job ends
// it says how, and the page is rendered again to show the result.
import { api, get } from './api.js';
import { h } from './dom.js';
import { loc, t } from './i18n.js';
import { render } from './nav.js';
import { notice } from './ui.js';

const POLL_MS = 1000;
// How the latest job of each assessment ended, shown again after the page renders the result.
const outcomes = new Map();
const ACTIVE = new Set(['queued', 'running']);

const kindLabel = (kind) => {
  const key = `jobs.kind.${kind}`;
  const text = t(key);
  return text === key ? kind : text;
};

/**
 * The panel of an assessment's jobs. Returns { element, follow(job) }: `follow` adds a job
 * just started (the 202 answer) without waiting for the next poll.
 */
export function jobsPanel(assessmentId) {
  const list = h('ul', { class: 'jobs' });
  const outcome = h('div', { 'aria-live': 'polite' });
  if (outcomes.has(assessmentId)) {
    outcome.append(outcomes.get(assessmentId));
    outcomes.delete(assessmentId);
  }
  const element = h('section', { class: 'jobs-panel', 'aria-label': t('jobs.title') }, list, outcome);
  const shown = new Map();
  let timer = null;

  function row(job) {
    const bar = h('progress', { max: '100', value: '0', 'aria-label': kindLabel(job.kind) });
    const text = h('span', { class: 'job-text' });
    const cancel = h('button', { type: 'button', class: 'secondary' }, t('jobs.cancel'));
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      try {
        update((await api('POST', `/api/v1/jobs/${job.id}/cancel`)).data);
      } catch (err) {
        outcome.replaceChildren(notice('error', err.message));
        cancel.disabled = false;
      }
    });
    const li = h('li', { class: 'job' }, h('strong', {}, kindLabel(job.kind)), ' ', bar, ' ', text, ' ', cancel);
    return { li, bar, text, cancel };
  }

  function update(job) {
    let entry = shown.get(job.id);
    if (!entry) {
      entry = row(job);
      shown.set(job.id, entry);
      list.append(entry.li);
    }
    const pct = Math.round((job.progress ?? 0) * 100);
    entry.bar.value = pct;
    entry.text.textContent = job.cancelRequested
      ? t('jobs.cancelling')
      : [
          t(`jobs.status.${job.status}`, { pct }),
          job.status === 'running' && job.messageText ? loc(job.messageText) : '',
        ]
          .filter(Boolean)
          .join(' · ');
    entry.cancel.hidden = !ACTIVE.has(job.status) || job.cancelRequested;
    if (!ACTIVE.has(job.status)) finished(job, entry);
  }

  function finished(job, entry) {
    shown.delete(job.id);
    entry.li.remove();
    const label = kindLabel(job.kind);
    if (job.status === 'succeeded') {
      // The step's results (findings, ranking, files) are on the page once it renders again.
      outcomes.set(assessmentId, notice('success', t('jobs.succeeded', { kind: label })));
      render();
    } else if (job.status === 'cancelled')
      outcome.replaceChildren(notice('info', t('jobs.cancelled', { kind: label })));
    else
      outcome.replaceChildren(
        notice('error', t('jobs.failed', { kind: label }), ' ', job.error?.message ? loc(job.error.message) : ''),
      );
  }

  let first = true;
  async function poll() {
    timer = null;
    // The user went to another page: stop polling (the jobs go on; coming back shows them again).
    if (!first && !element.isConnected) return;
    first = false;
    try {
      const ids = [...shown.keys()];
      const active = await get(`/api/v1/assessments/${assessmentId}/jobs?active=true`);
      for (const job of active) update(job);
      // Jobs that left the active list ended: read how.
      for (const id of ids) if (!active.some((j) => j.id === id)) update(await get(`/api/v1/jobs/${id}`));
    } catch {
      // A failed poll is retried at the next tick.
    }
    schedule();
  }
  // Quickly while a job runs; slowly otherwise, to notice a job a colleague started.
  const schedule = () => {
    if (!timer) timer = setTimeout(poll, shown.size ? POLL_MS : POLL_MS * 3);
  };

  void poll();
  return {
    element,
    follow(job) {
      update(job);
      schedule();
    },
  };
}
