// What a job is doing, in the user's words. A handler reports a message code with parameters
// (`ctx.progress(0.4, 'structuring.submissions', { done: 250, total: 7239 })`); the job stores the
// code and its parameters (`message`, stable for programs), and its view gives the text in Kazakh
// and Russian (`messageText`). Modules register the texts of their codes next to their handlers.
import type { Bilingual } from '../../shared/lang.js';

export type MessageParams = Record<string, string | number>;

const texts = new Map<string, Bilingual>();

export function registerJobMessages(messages: Record<string, Bilingual>): void {
  for (const [code, text] of Object.entries(messages)) texts.set(code, text);
}

registerJobMessages({
  'job.queued': { kk: 'Кезекте', ru: 'В очереди' },
  'job.done': { kk: 'Аяқталды', ru: 'Завершено' },
  'job.cancelled': { kk: 'Тоқтатылды', ru: 'Отменено' },
  'job.failed': { kk: 'Қатемен аяқталды', ru: 'Завершено с ошибкой' },
  'job.attempts_exhausted': { kk: 'Әрекеттер саны таусылды', ru: 'Исчерпано число попыток' },
});

/** The stored form: the code, then its parameters as JSON when there are any. */
export const encodeMessage = (code: string, params?: MessageParams): string =>
  params && Object.keys(params).length ? `${code} ${JSON.stringify(params)}` : code;

function decode(stored: string): { code: string; params: MessageParams } {
  const space = stored.indexOf(' {');
  if (space < 0) return { code: stored, params: {} };
  try {
    return { code: stored.slice(0, space), params: JSON.parse(stored.slice(space + 1)) as MessageParams };
  } catch {
    return { code: stored, params: {} };
  }
}

const fill = (template: string, params: MessageParams) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The message in both languages; a code without registered texts (an older job's) is shown as it is. */
export function messageText(stored: string | null): Bilingual | null {
  if (!stored) return null;
  const { code, params } = decode(stored);
  const text = texts.get(code);
  if (!text) return { kk: stored, ru: stored };
  return { kk: fill(text.kk, params), ru: fill(text.ru, params) };
}
