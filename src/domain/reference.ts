// Reference data seeded into the database (idempotently) and shared with the
// questionnaire's respondent mapping. Codes are stable: they appear in data files,
// submissions, facts and reports. Names follow the SOP's list of subjects.
import type { Bilingual } from '../shared/lang.js';

export interface ReferenceEntry {
  code: string;
  name: Bilingual;
}

export const agencyTypes = [
  {
    code: 'mvd',
    name: {
      kk: 'Қазақстан Республикасы Ішкі істер министрлігі (ІІМ)',
      ru: 'Министерство внутренних дел Республики Казахстан (МВД)',
    },
  },
  {
    code: 'mtszn',
    name: {
      kk: 'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі (ЕХӘҚМ)',
      ru: 'Министерство труда и социальной защиты населения Республики Казахстан (МТСЗН)',
    },
  },
  {
    code: 'labour_inspection',
    name: { kk: 'ЕХӘҚМ Мемлекеттік еңбек инспекциясы комитеті', ru: 'Комитет государственной инспекции труда МТСЗН' },
  },
  {
    code: 'border_service',
    name: {
      kk: 'Қазақстан Республикасы Ұлттық қауіпсіздік комитетінің Шекара қызметі (ҰҚК ШҚ)',
      ru: 'Пограничная служба Комитета национальной безопасности Республики Казахстан (ПС КНБ)',
    },
  },
  {
    code: 'mz',
    name: {
      kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігі (ДСМ)',
      ru: 'Министерство здравоохранения Республики Казахстан (МЗ)',
    },
  },
  {
    code: 'mp',
    name: {
      kk: 'Қазақстан Республикасы Оқу-ағарту министрлігі (ОАМ)',
      ru: 'Министерство просвещения Республики Казахстан (МП)',
    },
  },
  {
    code: 'mid',
    name: {
      kk: 'Қазақстан Республикасы Сыртқы істер министрлігі (СІМ)',
      ru: 'Министерство иностранных дел Республики Казахстан (МИД)',
    },
  },
  {
    code: 'mts',
    name: {
      kk: 'Қазақстан Республикасы Туризм және спорт министрлігі (ТСМ)',
      ru: 'Министерство туризма и спорта Республики Казахстан (МТС)',
    },
  },
  {
    code: 'mki',
    name: {
      kk: 'Қазақстан Республикасы Мәдениет және ақпарат министрлігі (МАМ)',
      ru: 'Министерство культуры и информации Республики Казахстан (МКИ)',
    },
  },
  { code: 'mio', name: { kk: 'Жергілікті атқарушы органдар (ЖАО)', ru: 'Местные исполнительные органы (МИО)' } },
  { code: 'health_org', name: { kk: 'Денсаулық сақтау ұйымдары', ru: 'Организации здравоохранения' } },
  { code: 'education_org', name: { kk: 'Білім беру ұйымдары', ru: 'Организации образования' } },
  {
    code: 'child_rights_org',
    name: { kk: 'Балалардың құқықтарын қорғау жөніндегі ұйымдар', ru: 'Организации по защите прав детей' },
  },
  {
    code: 'special_social_services',
    name: { kk: 'Арнаулы әлеуметтік қызметтер көрсетушілер', ru: 'Поставщики специальных социальных услуг' },
  },
  { code: 'ngo', name: { kk: 'Коммерциялық емес ұйымдар (КЕҰ)', ru: 'Некоммерческие организации (НКО)' } },
  { code: 'tourism_operator', name: { kk: 'Туроператорлар мен турагенттер', ru: 'Туроператоры и турагенты' } },
  {
    code: 'employment_agency',
    name: {
      kk: 'Жеке жұмыспен қамту агенттіктері және жұмысқа орналастыру жөніндегі делдалдар',
      ru: 'Частные агентства занятости и посредники по трудоустройству',
    },
  },
  {
    code: 'international_org',
    name: { kk: 'Аккредиттелген халықаралық ұйымдар', ru: 'Аккредитованные международные организации' },
  },
] as const satisfies readonly ReferenceEntry[];

export type AgencyTypeCode = (typeof agencyTypes)[number]['code'];
export const agencyTypeCodes = agencyTypes.map((a) => a.code) as AgencyTypeCode[];

/** The 17 oblasts, the three cities of republican significance, and three non-territorial levels. */
export const regions = [
  { code: 'abai', name: { kk: 'Абай облысы', ru: 'Абайская область' } },
  { code: 'akmola', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область' } },
  { code: 'aktobe', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область' } },
  { code: 'almaty_region', name: { kk: 'Алматы облысы', ru: 'Алматинская область' } },
  { code: 'atyrau', name: { kk: 'Атырау облысы', ru: 'Атырауская область' } },
  { code: 'east_kazakhstan', name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область' } },
  { code: 'zhambyl', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область' } },
  { code: 'zhetysu', name: { kk: 'Жетісу облысы', ru: 'Область Жетісу' } },
  { code: 'karaganda', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область' } },
  { code: 'kostanay', name: { kk: 'Қостанай облысы', ru: 'Костанайская область' } },
  { code: 'kyzylorda', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область' } },
  { code: 'mangystau', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область' } },
  { code: 'pavlodar', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область' } },
  { code: 'north_kazakhstan', name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область' } },
  { code: 'turkistan', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область' } },
  { code: 'ulytau', name: { kk: 'Ұлытау облысы', ru: 'Область Ұлытау' } },
  { code: 'west_kazakhstan', name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область' } },
  { code: 'astana', name: { kk: 'Астана қаласы', ru: 'город Астана' } },
  { code: 'almaty', name: { kk: 'Алматы қаласы', ru: 'город Алматы' } },
  { code: 'shymkent', name: { kk: 'Шымкент қаласы', ru: 'город Шымкент' } },
  { code: 'national', name: { kk: 'Республикалық деңгей', ru: 'Республиканский уровень' } },
  { code: 'transport', name: { kk: 'Көліктегі полиция', ru: 'Полиция на транспорте' } },
  { code: 'abroad', name: { kk: 'Шетелдегі мекемелер', ru: 'Загранучреждения' } },
] as const satisfies readonly ReferenceEntry[];

export type RegionCode = (typeof regions)[number]['code'];
export const regionCodes = regions.map((r) => r.code) as RegionCode[];
/** The 20 territorial regions (oblasts and cities) used for regional rankings. */
export const territorialRegionCodes = regionCodes.filter((c) => !['national', 'transport', 'abroad'].includes(c));
