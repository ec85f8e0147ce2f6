import { badRequest, conflict, forbidden, notFound } from '../../shared/errors.js';

export const assessmentNotFound = () =>
  notFound({ kk: 'Бағалау табылмады.', ru: 'Оценка не найдена.' }, undefined, 'assessment.not_found');
export const yearsInvalid = (startYear: number) =>
  badRequest(
    {
      kk: `Бағалау үш есепті жылды қамтиды: аяқталу жылы ${startYear + 2} болуы тиіс.`,
      ru: `Оценка охватывает три отчетных года: год окончания должен быть ${startYear + 2}.`,
    },
    { field: 'endYear', expected: startYear + 2 },
    'assessment.years_invalid',
  );
export const unknownCampaigns = (ids: string[]) =>
  badRequest(
    { kk: 'Кейбір жинау науқандары жоқ.', ru: 'Некоторые кампании сбора данных не существуют.' },
    { field: 'campaignIds', ids },
    'assessment.campaigns_unknown',
  );
export const campaignsOutOfRange = (ids: string[]) =>
  badRequest(
    { kk: 'Науқанның есепті жылы бағалау кезеңіне кірмейді.', ru: 'Отчетный год кампании не входит в период оценки.' },
    { field: 'campaignIds', ids },
    'assessment.campaign_out_of_range',
  );
export const campaignsSuperseded = (ids: string[]) =>
  badRequest(
    {
      kk: 'Науқанды түзету науқаны алмастырған: оның орнына түзету науқанын таңдаңыз.',
      ru: 'Кампания заменена корректирующей кампанией: выберите вместо неё корректирующую.',
    },
    { field: 'campaignIds', ids },
    'assessment.campaign_superseded',
  );
export const assessmentFinalised = () =>
  conflict(
    { kk: 'Бағалау аяқталған және өзгертілмейді.', ru: 'Оценка завершена и не может быть изменена.' },
    undefined,
    'assessment.finalised',
  );
export const stepNotRun = (step: 'quality' | 'structuring') =>
  conflict(
    step === 'quality'
      ? {
          kk: 'Алдымен сапа мен толықтықты тексеруді іске қосыңыз.',
          ru: 'Сначала запустите проверку качества и полноты.',
        }
      : { kk: 'Алдымен деректерді құрылымдауды іске қосыңыз.', ru: 'Сначала запустите структурирование данных.' },
    { step },
    `assessment.${step}_not_run`,
  );
export const findingNotFound = () =>
  notFound({ kk: 'Ескерту табылмады.', ru: 'Замечание не найдено.' }, undefined, 'finding.not_found');
export const findingNotReturnable = (reason: 'no_submission' | 'no_item' | 'status', status?: string) =>
  conflict(
    reason === 'status'
      ? {
          kk: `Сауалнаманы түзетуге қайтару мүмкін емес: оның күйі «${status}» (тек ұсынылған немесе қабылданған сауалнама түзетуге қайтарылады).`,
          ru: `Анкету нельзя вернуть на доработку: ее статус «${status}» (на доработку возвращается только представленная или принятая анкета).`,
        }
      : reason === 'no_submission'
        ? { kk: 'Бұл ескерту нақты сауалнамаға қатысты емес.', ru: 'Это замечание не относится к конкретной анкете.' }
        : {
            kk: 'Бұл ескерту сауалнаманың нақты тармағына қатысты емес.',
            ru: 'Это замечание не относится к конкретному пункту анкеты.',
          },
    { reason, ...(status ? { status } : {}) },
    'finding.not_returnable',
  );
export const cycleOverlap = (other: { id: string; startYear: number; endYear: number }) =>
  conflict(
    {
      kk: `Бағалау 3 жылда 1 рет жүргізіледі: ${other.startYear}–${other.endYear} жылдарды қамтитын бағалау бар, кезеңдер қиылыспауы тиіс.`,
      ru: `Оценка проводится 1 раз в 3 года: уже есть оценка за ${other.startYear}–${other.endYear} годы, периоды не должны пересекаться.`,
    },
    { field: 'startYear', assessmentId: other.id, startYear: other.startYear, endYear: other.endYear },
    'assessment.cycle_overlap',
  );
export const coordinationNotRotated = (neighbourId: string, coordinatingBody: string) =>
  conflict(
    {
      kk: 'Сараптамалық топтың жұмысын уәкілетті мемлекеттік органдар үш жыл сайын кезекпен үйлестіреді: көрші кезеңді де осы орган үйлестіреді. Басқа органды таңдаңыз (әкімші себебін көрсетіп, ережеден ауытқи алады).',
      ru: 'Координация работы экспертной группы осуществляется уполномоченными государственными органами на ротационной основе с периодичностью в три года: соседний цикл координирует тот же орган. Выберите другой орган (администратор может отступить от ротации, указав причину).',
    },
    { field: 'coordinatingBody', coordinatingBody, neighbourAssessmentId: neighbourId },
    'assessment.coordination_not_rotated',
  );
export const coordinationOverrideForbidden = () =>
  forbidden(
    {
      kk: 'Үйлестіру ротациясынан тек әкімші ауытқи алады.',
      ru: 'Отступить от ротации координации может только администратор.',
    },
    { field: 'coordinationOverrideReason' },
    'assessment.coordination_override_forbidden',
  );
export const factsChangedDuringExport = () =>
  conflict(
    {
      kk: 'Жүктеу кезінде деректер қайта құрылымдалды: файлды қайта жүктеңіз.',
      ru: 'Во время выгрузки данные были структурированы заново: скачайте файл ещё раз.',
    },
    undefined,
    'assessment.facts_changed',
  );
