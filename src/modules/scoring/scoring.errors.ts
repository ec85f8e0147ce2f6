import { badRequest, conflict, forbidden, notFound } from '../../shared/errors.js';

export const registerNotFound = (version: string) =>
  notFound(
    { kk: `Тәуекелдер тізілімінің «${version}» нұсқасы жоқ.`, ru: `Версия реестра рисков «${version}» не существует.` },
    { version },
    'risk_register.not_found',
  );
export const unknownRiskCodes = (fields: string[], riskCodes: string[]) =>
  badRequest(
    { kk: 'Тізілімде жоқ тәуекел кодтары көрсетілген.', ru: 'Указаны коды рисков, которых нет в реестре.' },
    { fields, riskCodes },
    'scoring.risk_unknown',
  );
export const duplicateRiskCodes = (fields: string[], riskCodes: string[]) =>
  badRequest(
    { kk: 'Бір тәуекел бір сұрауда екі рет бағаланған.', ru: 'Один риск оценен в запросе дважды.' },
    { fields, riskCodes },
    'scoring.risk_duplicate',
  );
export const roundNotFound = (round: number, currentRound: number) =>
  notFound(
    { kk: `${round}-тур жоқ.`, ru: `Тура ${round} не существует.` },
    { round, currentRound },
    'scoring.round_not_found',
  );
export const roundEmpty = (round: number) =>
  conflict(
    {
      kk: `${round}-турда әлі бірде-бір баға жоқ: келесі турды бастауға болмайды.`,
      ru: `В туре ${round} еще нет ни одной оценки: следующий тур начать нельзя.`,
    },
    { round },
    'scoring.round_empty',
  );
export const noScores = () =>
  conflict(
    { kk: 'Сараптамалық бағалар жоқ: саралау мүмкін емес.', ru: 'Нет экспертных оценок: ранжирование невозможно.' },
    undefined,
    'ranking.no_scores',
  );
export const rankingNotFound = () =>
  notFound({ kk: 'Саралау әлі орындалмаған.', ru: 'Ранжирование еще не выполнялось.' }, undefined, 'ranking.not_found');
export const rankingNotPublished = () =>
  forbidden(
    {
      kk: 'Саралау нәтижелері бағалау аяқталғаннан кейін қолжетімді.',
      ru: 'Результаты ранжирования доступны после завершения оценки.',
    },
    undefined,
    'ranking.not_published',
  );
