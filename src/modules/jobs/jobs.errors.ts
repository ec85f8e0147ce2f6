import { conflict, notFound } from '../../shared/errors.js';

export const jobNotFound = () =>
  notFound({ kk: 'Тапсырма табылмады.', ru: 'Задание не найдено.' }, undefined, 'job.not_found');
export const jobFinished = (status: string) =>
  conflict(
    { kk: 'Тапсырма аяқталған, оны тоқтату мүмкін емес.', ru: 'Задание уже завершено, его нельзя отменить.' },
    { status },
    'job.finished',
  );
/** Stored on a job whose instance died more often than its attempts allow. */
export const jobAttemptsExhausted = (attempts: number) =>
  conflict(
    {
      kk: 'Тапсырма бірнеше рет үзілді және тоқтатылды; қайта іске қосыңыз.',
      ru: 'Задание несколько раз прерывалось и остановлено; запустите его снова.',
    },
    { attempts },
    'job.attempts_exhausted',
  );
export const jobCancelled = () =>
  conflict({ kk: 'Тапсырма тоқтатылды.', ru: 'Задание отменено.' }, undefined, 'job.cancelled');
export const jobFailedInternally = () =>
  conflict(
    {
      kk: 'Тапсырма ішкі қатемен аяқталды; қайта іске қосыңыз немесе әкімшіге хабарласыңыз.',
      ru: 'Задание завершилось внутренней ошибкой; запустите его снова или обратитесь к администратору.',
    },
    undefined,
    'job.internal_error',
  );
