import { badRequest, conflict, notFound } from '../../shared/errors.js';

export const notFinalised = () =>
  conflict(
    {
      kk: 'Нәтижелерді Комиссияға бағалау аяқталғаннан кейін ғана жіберуге болады.',
      ru: 'Результаты можно направить в Комиссию только после завершения оценки.',
    },
    undefined,
    'commission.not_finalised',
  );
export const transmittalExists = () =>
  conflict(
    {
      kk: 'Нәтижелердің жіберілгені тіркелген; жазба өзгертілмейді.',
      ru: 'Направление результатов уже зарегистрировано; запись не изменяется.',
    },
    undefined,
    'commission.transmittal_exists',
  );
export const transmittalMissing = () =>
  conflict(
    {
      kk: 'Алдымен нәтижелердің Комиссияның жұмыс органына жіберілгенін тіркеңіз.',
      ru: 'Сначала зарегистрируйте направление результатов в рабочий орган Комиссии.',
    },
    undefined,
    'commission.transmittal_missing',
  );
export const noFiles = () =>
  conflict(
    { kk: 'Бағалаудың жарияланатын файлдары жоқ.', ru: 'У оценки нет публикуемых файлов.' },
    undefined,
    'commission.no_files',
  );
export const decisionExists = () =>
  conflict(
    {
      kk: 'Комиссияның шешімі тіркелген; жазба өзгертілмейді.',
      ru: 'Решение Комиссии уже зарегистрировано; запись не изменяется.',
    },
    undefined,
    'commission.decision_exists',
  );
export const decisionMissing = () =>
  conflict(
    {
      kk: 'Нәтижелерді субъектілерге Комиссия қарағаннан кейін ғана жеткізуге болады.',
      ru: 'Довести результаты до субъектов можно только после рассмотрения Комиссией.',
    },
    undefined,
    'commission.decision_missing',
  );
export const alreadyPublished = () =>
  conflict(
    { kk: 'Нәтижелер субъектілерге жеткізілген.', ru: 'Результаты уже доведены до субъектов.' },
    undefined,
    'commission.already_published',
  );
export const meetingBeforeTransmittal = (sentOn: string) =>
  badRequest(
    {
      kk: `Комиссия отырысының күні нәтижелер жіберілген күннен (${sentOn}) бұрын болмауы тиіс.`,
      ru: `Дата заседания Комиссии не может быть раньше даты направления результатов (${sentOn}).`,
    },
    { field: 'meetingOn', sentOn },
    'commission.meeting_before_transmittal',
  );
export const recommendationsInvalid = (issues: { field: string; problem: string; id?: string }[]) =>
  badRequest(
    {
      kk: 'Әр ұсыным бойынша Комиссияның шешімі бір рет көрсетілуі тиіс (өзгертілгенге — жаңа мәтін, мақұлданғанға — жауапты органдар).',
      ru: 'По каждой рекомендации решение Комиссии указывается один раз (для измененной — новый текст, для одобренной — ответственные органы).',
    },
    { issues },
    'commission.recommendations_invalid',
  );
export const notPublished = () =>
  notFound(
    { kk: 'Жарияланған нәтижелер табылмады.', ru: 'Опубликованные результаты не найдены.' },
    undefined,
    'results.not_found',
  );
export const actionNotFound = () =>
  notFound(
    { kk: 'Ұсыным бойынша іс-шара табылмады.', ru: 'Мероприятие по рекомендации не найдено.' },
    undefined,
    'follow_up.action_not_found',
  );
export const followUpDoneRequired = () =>
  badRequest(
    {
      kk: 'Не істелгенін көрсетіңіз: «орындалды» немесе «орындалуда» мәртебесі сипаттаманы талап етеді.',
      ru: 'Укажите, что сделано: для статуса «выполнено» или «выполняется» нужно описание.',
    },
    { field: 'body.done' },
    'follow_up.done_required',
  );
