import { badRequest, conflict, notFound } from '../../shared/errors.js';

export const campaignNotFound = () =>
  notFound(
    { kk: 'Жинау науқаны табылмады.', ru: 'Кампания сбора данных не найдена.' },
    undefined,
    'campaign.not_found',
  );
export const unknownQuestionnaireVersion = (version: string) =>
  badRequest(
    { kk: `Сауалнаманың «${version}» нұсқасы жоқ.`, ru: `Версия опросника «${version}» не существует.` },
    { field: 'questionnaireVersion' },
    'campaign.questionnaire_unknown',
  );
export const invalidDate = (field: string) =>
  badRequest({ kk: 'Күн қате көрсетілген.', ru: 'Неверная дата.' }, { field }, 'campaign.date_invalid');
export const deadlineBeforeRequest = () =>
  badRequest(
    { kk: 'Мерзім сұрау күнінен ерте болмауы керек.', ru: 'Срок не может быть раньше даты запроса.' },
    { field: 'deadline' },
    'campaign.deadline_before_request',
  );
export const unknownRecipients = (ids: string[]) =>
  badRequest(
    { kk: 'Кейбір алушы ұйымдар жоқ.', ru: 'Некоторые организации-получатели не существуют.' },
    { field: 'recipients', ids },
    'campaign.recipients_unknown',
  );
export const anotherOpenCampaign = (year: number) =>
  conflict(
    { kk: `${year} есепті жылы үшін ашық науқан бар.`, ru: `За ${year} отчетный год уже есть открытая кампания.` },
    { reportingYear: year },
    'campaign.already_open',
  );
export const invalidTransition = (from: string, to: string) =>
  conflict(
    { kk: 'Науқанның күйін бұлай өзгертуге болмайды.', ru: 'Такой переход состояния кампании недопустим.' },
    { from, to },
    'campaign.transition_invalid',
  );
export const campaignNotDraft = () =>
  conflict(
    {
      kk: 'Науқан ашылғаннан кейін жылды және нұсқаны өзгертуге болмайды.',
      ru: 'После открытия кампании нельзя менять год и версию опросника.',
    },
    undefined,
    'campaign.not_draft',
  );
export const campaignYearTaken = (year: number, campaignId: string | null) =>
  conflict(
    {
      kk: `${year} есепті жылы үшін науқан бар: деректер жыл сайын бір рет жиналады. Түзету науқаны бұрынғысын алмастыратынын көрсетуі керек.`,
      ru: `За ${year} отчетный год кампания уже есть: сбор данных проводится ежегодно один раз. Корректирующая кампания должна явно заменять прежнюю.`,
    },
    { reportingYear: year, campaignId },
    'campaign.year_taken',
  );
export const supersedeInvalid = (reason: 'not_found' | 'other_year' | 'not_closed' | 'already_superseded') =>
  conflict(
    {
      kk: 'Түзету науқаны сол есепті жылдың жабылған, әлі алмастырылмаған науқанын ғана алмастыра алады.',
      ru: 'Корректирующая кампания может заменить только закрытую и ещё не заменённую кампанию того же отчетного года.',
    },
    { field: 'supersedes.campaignId', reason },
    'campaign.supersede_invalid',
  );
