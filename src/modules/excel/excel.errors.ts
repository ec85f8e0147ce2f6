import { AppError, badRequest, unprocessable } from '../../shared/errors.js';
import type { Bilingual } from '../../shared/lang.js';
import { MAX_CELLS, MAX_UNCOMPRESSED_BYTES, MAX_UPLOAD_BYTES, MAX_ZIP_ENTRIES } from './excel.limits.js';

/** One problem of an uploaded workbook, located by cell. */
export interface Problem {
  sheet: string | null;
  cell: string | null;
  itemId: string | null;
  code: string;
  message: Bilingual;
}

const mb = (n: number) => Math.round(n / 1024 / 1024);

export const fileRequired = () =>
  badRequest(
    { kk: 'Excel файлын (.xlsx) жүктеңіз.', ru: 'Загрузите файл Excel (.xlsx).' },
    undefined,
    'excel.file_required',
  );
const SAVE_AS: Bilingual = {
  kk: 'Файлды ашып, .xlsx ретінде сақтаңыз: Excel — «Файл → Сақтау басқаша → Excel жұмыс кітабы (*.xlsx)»; LibreOffice Calc — «Файл → Сохранить как → Excel 2007-365 (.xlsx)», содан кейін қайта жүктеңіз.',
  ru: 'Откройте файл и сохраните его как .xlsx: Excel — «Файл → Сохранить как → Книга Excel (*.xlsx)»; LibreOffice Calc — «Файл → Сохранить как → Excel 2007-365 (.xlsx)», затем загрузите снова.',
};
/** Not an .xlsx; `format` names what it is when we can tell (OpenDocument, legacy .xls). */
export const notXlsx = (format: 'ods' | 'xls' | 'other' = 'other') =>
  new AppError(
    'excel.not_xlsx',
    415,
    format === 'ods'
      ? {
          kk: `Бұл OpenDocument (.ods) кестесі, ал платформа тек .xlsx қабылдайды. ${SAVE_AS.kk}`,
          ru: `Это таблица OpenDocument (.ods), а платформа принимает только .xlsx. ${SAVE_AS.ru}`,
        }
      : format === 'xls'
        ? {
            kk: `Бұл Excel-дің ескі пішімі (.xls), ал платформа тек .xlsx қабылдайды. ${SAVE_AS.kk}`,
            ru: `Это старый формат Excel (.xls), а платформа принимает только .xlsx. ${SAVE_AS.ru}`,
          }
        : {
            kk: `Файл Excel жұмыс кітабы (.xlsx) емес. ${SAVE_AS.kk}`,
            ru: `Файл не является книгой Excel (.xlsx). ${SAVE_AS.ru}`,
          },
    { format },
  );
export const encrypted = () =>
  unprocessable(
    {
      kk: 'Файл құпиясөзбен қорғалған немесе ескі .xls пішімінде. Құпиясөзді алып тастап, .xlsx ретінде сақтаңыз.',
      ru: 'Файл защищен паролем или сохранен в старом формате .xls. Снимите пароль и сохраните как .xlsx.',
    },
    undefined,
    'excel.encrypted',
  );
export const corrupt = () =>
  unprocessable(
    { kk: 'Файл бүлінген, оны оқу мүмкін емес.', ru: 'Файл поврежден и не может быть прочитан.' },
    undefined,
    'excel.corrupt',
  );
export const tooLarge = (what: 'upload' | 'entries' | 'uncompressed' | 'ratio' | 'cells') =>
  new AppError(
    'excel.too_large',
    413,
    {
      kk: `Файл шектеулерден асады (ең көбі ${mb(MAX_UPLOAD_BYTES)} МБ, ашылған күйде ${mb(MAX_UNCOMPRESSED_BYTES)} МБ, ${MAX_ZIP_ENTRIES} бөлік, ${MAX_CELLS} ұяшық).`,
      ru: `Файл превышает ограничения (не более ${mb(MAX_UPLOAD_BYTES)} МБ, ${mb(MAX_UNCOMPRESSED_BYTES)} МБ в распакованном виде, ${MAX_ZIP_ENTRIES} частей, ${MAX_CELLS} ячеек).`,
    },
    { limit: what },
  );
export const notTemplate = () =>
  unprocessable(
    {
      kk: 'Бұл жұмыс кітабы платформаның үлгісі емес (қызметтік парақ жоқ).',
      ru: 'Эта книга не является шаблоном платформы (нет служебного листа).',
    },
    undefined,
    'excel.not_template',
  );
export const wrongTarget = (
  field: 'campaignId' | 'organisationId' | 'questionnaireVersion',
  expected: string,
  found: string,
  file: { organisationName: string; reportingYear: string },
) => {
  const whose = {
    kk: `Файл «${file.organisationName}» ұйымына, ${file.reportingYear} есепті жылына арналған.`,
    ru: `Файл составлен для организации «${file.organisationName}», отчетный год ${file.reportingYear}.`,
  };
  return unprocessable(
    {
      kk:
        field === 'organisationId'
          ? `Жұмыс кітабы басқа ұйымға арналған. ${whose.kk} Осы ұйымның үлгісін жүктеп алыңыз немесе файлды сол ұйымның бетіне жүктеңіз.`
          : field === 'campaignId'
            ? `Жұмыс кітабы басқа науқанға арналған. ${whose.kk} Осы науқанның үлгісін жүктеп алыңыз.`
            : 'Жұмыс кітабы сауалнаманың басқа нұсқасына арналған. Жаңа үлгіні жүктеп алыңыз.',
      ru:
        field === 'organisationId'
          ? `Книга предназначена для другой организации. ${whose.ru} Скачайте шаблон этой организации или загрузите файл на странице той организации.`
          : field === 'campaignId'
            ? `Книга предназначена для другой кампании. ${whose.ru} Скачайте шаблон этой кампании.`
            : 'Книга составлена по другой версии опросника. Скачайте новый шаблон.',
    },
    { field, expected, found, fileOrganisationName: file.organisationName, fileReportingYear: file.reportingYear },
    'excel.wrong_target',
  );
};
export const importInvalid = (problems: Problem[]) =>
  unprocessable(
    {
      kk: 'Жұмыс кітабында қателер бар; ештеңе сақталған жоқ. Көрсетілген ұяшықтарды түзетіңіз.',
      ru: 'В книге есть ошибки; ничего не сохранено. Исправьте указанные ячейки.',
    },
    { problems },
    'excel.invalid',
  );
export const templateOutdated = () =>
  unprocessable(
    {
      kk: 'Бұл үлгінің ескі нұсқасы: оны платформа оқи алмайды. Жаңа үлгіні жүктеп алып, деректерді соған көшіріңіз.',
      ru: 'Это шаблон старого формата: платформа его не читает. Скачайте новый шаблон и перенесите данные в него.',
    },
    undefined,
    'excel.template_outdated',
  );
export const resolutionsInvalid = () =>
  badRequest(
    {
      kk: '«resolutions» өрісі {"<тармақ>": "mine" | "theirs"} түріндегі JSON болуы керек.',
      ru: 'Поле «resolutions» должно быть JSON вида {"<пункт>": "mine" | "theirs"}.',
    },
    { field: 'resolutions' },
    'excel.resolutions_invalid',
  );
