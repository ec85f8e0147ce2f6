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
  badRequest({ kk: 'Excel файлын (.xlsx) жүктеңіз.', ru: 'Загрузите файл Excel (.xlsx).' }, undefined, 'excel.file_required');
export const notXlsx = () =>
  new AppError('excel.not_xlsx', 415, { kk: 'Файл Excel жұмыс кітабы (.xlsx) емес.', ru: 'Файл не является книгой Excel (.xlsx).' });
export const encrypted = () =>
  unprocessable(
    {
      kk: 'Файл құпиясөзбен қорғалған немесе ескі .xls пішімінде. Құпиясөзді алып тастап, .xlsx ретінде сақтаңыз.',
      ru: 'Файл защищен паролем или сохранен в старом формате .xls. Снимите пароль и сохраните как .xlsx.',
    },
    undefined,
    'excel.encrypted',
  );
export const corrupt = () => unprocessable({ kk: 'Файл бүлінген, оны оқу мүмкін емес.', ru: 'Файл поврежден и не может быть прочитан.' }, undefined, 'excel.corrupt');
export const tooLarge = (what: 'entries' | 'uncompressed' | 'ratio' | 'cells') =>
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
    { kk: 'Бұл жұмыс кітабы платформаның үлгісі емес (қызметтік парақ жоқ).', ru: 'Эта книга не является шаблоном платформы (нет служебного листа).' },
    undefined,
    'excel.not_template',
  );
export const wrongTarget = (field: 'campaignId' | 'organisationId' | 'questionnaireVersion', expected: string, found: string) =>
  unprocessable(
    {
      kk:
        field === 'organisationId'
          ? 'Жұмыс кітабы басқа ұйымға арналған. Осы ұйымның үлгісін жүктеп алыңыз.'
          : field === 'campaignId'
            ? 'Жұмыс кітабы басқа науқанға арналған. Осы науқанның үлгісін жүктеп алыңыз.'
            : 'Жұмыс кітабы сауалнаманың басқа нұсқасына арналған. Жаңа үлгіні жүктеп алыңыз.',
      ru:
        field === 'organisationId'
          ? 'Книга предназначена для другой организации. Скачайте шаблон этой организации.'
          : field === 'campaignId'
            ? 'Книга предназначена для другой кампании. Скачайте шаблон этой кампании.'
            : 'Книга составлена по другой версии опросника. Скачайте новый шаблон.',
    },
    { field, expected, found },
    'excel.wrong_target',
  );
export const importInvalid = (problems: Problem[]) =>
  unprocessable(
    { kk: 'Жұмыс кітабында қателер бар; ештеңе сақталған жоқ. Көрсетілген ұяшықтарды түзетіңіз.', ru: 'В книге есть ошибки; ничего не сохранено. Исправьте указанные ячейки.' },
    { problems },
    'excel.invalid',
  );
