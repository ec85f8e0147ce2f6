import { conflict, forbidden, notFound, unprocessable } from '../../shared/errors.js';

export const submissionNotFound = () =>
  notFound(
    { kk: 'Деректер жинағы (сауалнама жауабы) табылмады.', ru: 'Представление данных не найдено.' },
    undefined,
    'submission.not_found',
  );
export const notARecipient = () =>
  notFound(
    { kk: 'Бұл ұйым науқанның алушысы емес.', ru: 'Эта организация не является получателем запроса кампании.' },
    undefined,
    'submission.not_recipient',
  );
export const notYourOrganisation = () =>
  forbidden(
    { kk: 'Тек өз ұйымыңыздың деректерін өзгерте аласыз.', ru: 'Изменять можно только данные своей организации.' },
    undefined,
    'submission.not_own_organisation',
  );
export const organisationInactive = () =>
  forbidden(
    {
      kk: 'Ұйым белсенді емес: оның деректерін өзгертуге болмайды.',
      ru: 'Организация деактивирована: изменять ее данные нельзя.',
    },
    undefined,
    'submission.organisation_inactive',
  );
export const campaignNotOpen = () =>
  conflict(
    { kk: 'Науқан ашық емес: деректерді өзгертуге болмайды.', ru: 'Кампания не открыта: изменять данные нельзя.' },
    undefined,
    'submission.campaign_not_open',
  );
export const submissionLocked = (status: string, revision: number) =>
  conflict(
    {
      kk: 'Жіберілген немесе қабылданған деректерді өзгертуге болмайды.',
      ru: 'Отправленные или принятые данные изменять нельзя.',
    },
    { status, currentVersion: revision },
    'submission.locked',
  );
export const invalidContent = (issues: unknown[]) =>
  unprocessable(
    {
      kk: 'Деректерде қателер бар. Көрсетілген тармақтарды түзетіңіз.',
      ru: 'В данных есть ошибки. Исправьте указанные пункты.',
    },
    { issues },
    'submission.invalid',
  );
export const incomplete = (issues: unknown[]) =>
  unprocessable(
    {
      kk: 'Жіберу мүмкін емес: әр тармаққа жауап немесе деректердің болмау себебі қажет, қателерді түзетіңіз.',
      ru: 'Отправить нельзя: по каждому пункту нужен ответ или причина отсутствия данных, ошибки должны быть исправлены.',
    },
    { issues },
    'submission.incomplete',
  );
export const warningsNotAcknowledged = (issues: unknown[]) =>
  unprocessable(
    { kk: 'Ескертулерді түсініктемемен растаңыз.', ru: 'Подтвердите предупреждения, указав комментарий.' },
    { issues },
    'submission.warnings_unacknowledged',
  );
export const wrongState = (status: string, action: string) =>
  conflict(
    {
      kk: 'Деректердің қазіргі күйінде бұл әрекет мүмкін емес.',
      ru: 'В текущем состоянии представления это действие невозможно.',
    },
    { status, action },
    'submission.state_invalid',
  );
export const deadlinePassed = () =>
  conflict(
    { kk: 'Мерзім өтті: кері қайтарып алу мүмкін емес.', ru: 'Срок истек: отозвать представление нельзя.' },
    undefined,
    'submission.deadline_passed',
  );
export const unknownCommentItems = (itemIds: string[]) =>
  unprocessable(
    {
      kk: 'Түсініктемелер сауалнаманың бар тармақтарына жатуы керек.',
      ru: 'Комментарии должны относиться к существующим пунктам опросника.',
    },
    { itemIds },
    'submission.comment_item_unknown',
  );
export const revisionNotFound = () =>
  notFound({ kk: 'Нұсқа табылмады.', ru: 'Редакция не найдена.' }, undefined, 'submission.revision_not_found');
export const editConflict = (details: {
  currentVersion: number;
  baseVersion: number;
  conflicts: unknown[];
  merged: unknown;
}) =>
  conflict(
    {
      kk: 'Сіз бастаған нұсқадан кейін кейбір тармақтарды басқа біреу (немесе сіз басқа терезеде) өзгертті. Әр тармақ бойынша қай мәнді қалдыратыныңызды таңдаңыз.',
      ru: 'После редакции, с которой вы начали, некоторые пункты изменил кто-то другой (или вы в другом окне). Выберите по каждому пункту, какое значение оставить.',
    },
    details,
    'submission.conflict',
  );
