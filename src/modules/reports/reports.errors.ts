import { conflict, notFound } from '../../shared/errors.js';

export const rankingMissing = () =>
  conflict(
    { kk: 'Алдымен тәуекелдерді саралау керек.', ru: 'Сначала необходимо выполнить ранжирование рисков.' },
    undefined,
    'report.ranking_missing',
  );
export const finaliseInProgress = (jobId: string) =>
  conflict(
    { kk: 'Есепті қалыптастыру жүріп жатыр.', ru: 'Формирование отчета уже выполняется.' },
    { jobId },
    'report.finalise_in_progress',
  );
export const unknownChapter = (chapter: string) =>
  notFound({ kk: 'Мұндай тарау жоқ.', ru: 'Такого раздела нет.' }, { chapter }, 'report.chapter_unknown');
export const fileNotFound = () =>
  notFound({ kk: 'Файл табылмады.', ru: 'Файл не найден.' }, undefined, 'report.file_not_found');
export const narrativeChanged = () =>
  conflict(
    {
      kk: 'Есепті қалыптастыру кезінде мәтін өзгерді; қайталаңыз.',
      ru: 'Текст изменился во время формирования отчета; повторите.',
    },
    undefined,
    'report.narrative_changed',
  );
/** Finalisation needs an accepted text of every required chapter; `titles` lists the missing ones in each language. */
export const narrativeMissing = (missing: readonly string[], titles: { kk: string; ru: string }) =>
  conflict(
    {
      kk: `Аяқтау үшін әр тараудың сарапшылар қабылдаған мәтіні қажет (қазақ және орыс тілдерінде, жоба белгісінсіз). Жетіспейді: ${titles.kk}.`,
      ru: `Для завершения нужен принятый экспертами текст каждого раздела (на казахском и русском языках, без отметки проекта). Не хватает: ${titles.ru}.`,
    },
    { missing },
    'report.narrative_missing',
  );
/** `exposed`: each cell the attacker narrows, with its range and the range the rule asks for. */
export const disclosureExposed = (
  exposed: readonly { key: string; lo: number; hi: number; need: [number, number] }[],
) =>
  conflict(
    {
      kk: 'Жариялауға болмайды: кестелерден шағын сандарды анықтауға болады. Анықталатын ұяшықтар тізімі қоса берілген.',
      ru: 'Публикация невозможна: по таблицам можно вычислить малые числа. Список раскрываемых ячеек приложен.',
    },
    { exposed },
    'report.disclosure_exposed',
  );
