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
  // "Иные государственные органы" (Rules §2(6)); the SOP names these. They answer section 1.
  {
    code: 'prosecutor',
    name: { kk: 'Қазақстан Республикасының Бас прокуратурасы', ru: 'Генеральная прокуратура Республики Казахстан' },
  },
  {
    code: 'knb',
    name: {
      kk: 'Қазақстан Республикасының Ұлттық қауіпсіздік комитеті (ҰҚК)',
      ru: 'Комитет национальной безопасности Республики Казахстан (КНБ)',
    },
  },
  {
    code: 'afm',
    name: {
      kk: 'Қазақстан Республикасының Қаржылық мониторинг агенттігі (ҚМА)',
      ru: 'Агентство Республики Казахстан по финансовому мониторингу (АФМ)',
    },
  },
  {
    code: 'ombudsman',
    name: {
      kk: 'Адам құқықтары, бала құқықтары және әлеуметтік осал санаттағы халықтың құқықтары жөніндегі уәкілдер',
      ru: 'Уполномоченные по правам человека, по правам ребёнка и по правам социально уязвимых категорий населения',
    },
  },
  { code: 'other_state_body', name: { kk: 'Өзге мемлекеттік органдар', ru: 'Иные государственные органы' } },
  // Local executive bodies by level: each receives exactly the sections whose header names it.
  {
    code: 'mio_oblast',
    name: { kk: 'Облыстардың жергілікті атқарушы органдары', ru: 'Местные исполнительные органы областей' },
  },
  {
    code: 'mio_city',
    name: {
      kk: 'Республикалық маңызы бар қалалардың және астананың жергілікті атқарушы органдары',
      ru: 'Местные исполнительные органы городов республиканского значения и столицы',
    },
  },
  {
    code: 'mio_oblast_city',
    name: {
      kk: 'Облыстық маңызы бар қалалардың жергілікті атқарушы органдары',
      ru: 'Местные исполнительные органы городов областного значения',
    },
  },
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
  {
    code: 'ngo_special_social_services',
    name: {
      kk: 'Арнаулы әлеуметтік қызметтер көрсететін коммерциялық емес ұйымдар',
      ru: 'Некоммерческие организации, предоставляющие специальные социальные услуги',
    },
  },
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
  // Before issue 20 one type held every local executive body. Kept so that submissions made on
  // it stay readable on their own form; no organisation may be given it any more.
  {
    code: 'mio',
    name: {
      kk: 'Жергілікті атқарушы органдар (ЖАО, деңгейлерге бөлінгенге дейін)',
      ru: 'Местные исполнительные органы (МИО, до разделения по уровням)',
    },
  },
] as const satisfies readonly ReferenceEntry[];

export type AgencyTypeCode = (typeof agencyTypes)[number]['code'];
export const agencyTypeCodes = agencyTypes.map((a) => a.code) as AgencyTypeCode[];

/** Types kept only for earlier submissions: never assigned to an organisation. */
export const legacyAgencyTypeCodes: readonly AgencyTypeCode[] = ['mio'];
export const assignableAgencyTypeCodes = agencyTypeCodes.filter((c) => !legacyAgencyTypeCodes.includes(c));

/** Local executive bodies of every level (and the legacy single type): what "МИО / ЖАО" means in rules and registers. */
export const localExecutiveBodyTypes: readonly AgencyTypeCode[] = ['mio_oblast', 'mio_city', 'mio_oblast_city', 'mio'];

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

/**
 * Whether a list of competent agencies (risk registers, SOP indicators) covers an agency type. Those
 * lists speak of "МИО / ЖАО" and "НКО / КЕҰ" as groups: `mio` covers every level of local executive
 * body, and a non-commercial organisation providing special social services is both an NGO and a provider.
 */
export function coversAgencyType(listed: readonly string[], agencyType: string): boolean {
  if (listed.includes(agencyType)) return true;
  if (localExecutiveBodyTypes.includes(agencyType as AgencyTypeCode)) return listed.includes('mio');
  if (agencyType === 'ngo_special_social_services')
    return listed.includes('ngo') || listed.includes('special_social_services');
  return false;
}
