import { agencyTypes } from '../../domain/reference.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../shared/errors.js';

const bodyName = (code: string) => agencyTypes.find((a) => a.code === code)?.name ?? { kk: code, ru: code };

export const notCoordinator = (coordinatingBody: string) =>
  forbidden(
    {
      kk: `Бұл әрекетті сараптамалық топта үйлестіруші органды (${bodyName(coordinatingBody).kk}) білдіретін мүшелер ғана орындай алады.`,
      ru: `Это действие могут выполнять только члены экспертной группы, представляющие координирующий орган (${bodyName(coordinatingBody).ru}).`,
    },
    { coordinatingBody },
    'expert_group.not_coordinator',
  );
export const memberNotFound = () =>
  notFound(
    { kk: 'Сараптамалық топ мүшесі табылмады.', ru: 'Член экспертной группы не найден.' },
    undefined,
    'expert_group.member_not_found',
  );
export const memberAlreadyLeft = () =>
  conflict(
    { kk: 'Бұл мүше топтан шығып кеткен.', ru: 'Этот член уже вышел из состава группы.' },
    undefined,
    'expert_group.member_left',
  );
export const memberUserActive = () =>
  conflict(
    {
      kk: 'Бұл пайдаланушы сараптамалық топтың құрамында бар.',
      ru: 'Этот пользователь уже входит в состав экспертной группы.',
    },
    { field: 'userId' },
    'expert_group.member_exists',
  );
export const memberUserInvalid = () =>
  badRequest(
    {
      kk: 'Топ мүшесінің есептік жазбасы сарапшы рөлі бар белсенді пайдаланушы болуы тиіс.',
      ru: 'Учетная запись члена группы должна быть активным пользователем с ролью эксперта.',
    },
    { field: 'userId' },
    'expert_group.member_user_invalid',
  );
export const organisationInvalid = (field: string) =>
  badRequest(
    { kk: 'Мұндай субъект (ұйым) жоқ.', ru: 'Такого субъекта (организации) нет.' },
    { field },
    'expert_group.organisation_invalid',
  );
export const datesInvalid = (field: string) =>
  badRequest(
    { kk: 'Шығу күні кіру күнінен бұрын болмауы тиіс.', ru: 'Дата выхода не может быть раньше даты включения.' },
    { field },
    'expert_group.dates_invalid',
  );
export const meetingNotFound = () =>
  notFound(
    { kk: 'Сараптамалық топтың отырысы табылмады.', ru: 'Заседание экспертной группы не найдено.' },
    undefined,
    'expert_group.meeting_not_found',
  );
export const attendanceInvalid = (memberIds: string[]) =>
  badRequest(
    {
      kk: 'Қатысу тізімінде отырыс күні топ құрамында болмаған мүшелер бар.',
      ru: 'В списке присутствия есть члены, не входившие в состав группы на дату заседания.',
    },
    { field: 'attendance', memberIds },
    'expert_group.attendance_invalid',
  );
export const decisionRunInvalid = (index: number) =>
  badRequest(
    {
      kk: 'Шешімде көрсетілген кезең осы бағалауға жатпайды.',
      ru: 'Указанный в решении запуск этапа не относится к этой оценке.',
    },
    { field: `decisions.${index}.runId` },
    'expert_group.decision_run_invalid',
  );
export const meetingFileRequired = () =>
  badRequest(
    { kk: 'Отырыс құжатының файлы жүктелмеді.', ru: 'Файл документа заседания не загружен.' },
    { field: 'file' },
    'expert_group.file_required',
  );
export const meetingFileTooLarge = (limit: number) =>
  new AppError(
    'expert_group.file_too_large',
    413,
    { kk: `Файл тым үлкен (ең көбі ${limit} байт).`, ru: `Файл слишком большой (не более ${limit} байт).` },
    { limit },
  );
export const meetingFileNotFound = () =>
  notFound(
    { kk: 'Отырыс құжаты табылмады.', ru: 'Документ заседания не найден.' },
    undefined,
    'expert_group.file_not_found',
  );
export const specialistNotFound = () =>
  notFound(
    { kk: 'Тартылған маман табылмады.', ru: 'Привлеченный специалист не найден.' },
    undefined,
    'specialist.not_found',
  );
export const specialistUserInvalid = () =>
  badRequest(
    {
      kk: 'Жұмыс материалдарына қол жеткізу үшін «маман» рөлі бар белсенді пайдаланушы қажет.',
      ru: 'Для доступа к рабочим материалам нужен активный пользователь с ролью «специалист».',
    },
    { field: 'userId' },
    'specialist.user_invalid',
  );
