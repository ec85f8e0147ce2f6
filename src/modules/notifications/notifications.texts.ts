// What each notification says, in Kazakh and Russian, in the order's terms. Pure: the
// producers pass the facts, the recipient's language picks the text.
import type { Bilingual, Lang } from '../../shared/lang.js';

export const notificationKinds = [
  'campaign_opened',
  'deadline_soon',
  'deadline_overdue',
  'submission_returned',
  'submission_accepted',
  'submission_reopened',
  'assessment_finalised',
  'assessment_published',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NotificationFacts {
  reportingYear?: number;
  /** dd.mm.yyyy */
  deadline?: string;
  days?: number;
  organisation?: Bilingual;
  title?: Bilingual;
  reason?: string;
}

interface Text {
  subject: string;
  body: string;
}

const org = (f: NotificationFacts, lang: Lang) => f.organisation?.[lang] ?? '';

const texts: Record<NotificationKind, (f: NotificationFacts, lang: Lang) => Text> = {
  campaign_opened: (f, lang) =>
    lang === 'kk'
      ? {
          subject: `${f.reportingYear} есепті жылы үшін деректер жинау басталды`,
          body: `Уәкілетті мемлекеттік органның сұрау салуы бойынша ${org(f, lang)} адам саудасына қарсы іс-қимыл саласындағы тәуекелдерді бағалау жөніндегі сауалнамаға сәйкес ${f.reportingYear} есепті жылы үшін мәліметтерді ${f.deadline} дейін ұсынады.`,
        }
      : {
          subject: `Начат сбор данных за ${f.reportingYear} отчетный год`,
          body: `По запросу уполномоченного государственного органа ${org(f, lang)} предоставляет сведения за ${f.reportingYear} отчетный год в соответствии с опросником по оценке рисков в сфере противодействия торговле людьми до ${f.deadline}.`,
        },
  deadline_soon: (f, lang) =>
    lang === 'kk'
      ? {
          subject: `Мәліметтерді ұсыну мерзіміне ${f.days} күн қалды`,
          body: `${org(f, lang)}: ${f.reportingYear} есепті жылы үшін сауалнама әлі ұсынылған жоқ. Мерзімі — ${f.deadline}.`,
        }
      : {
          subject: `До срока представления сведений осталось ${f.days} дн.`,
          body: `${org(f, lang)}: анкета за ${f.reportingYear} отчетный год ещё не представлена. Срок — ${f.deadline}.`,
        },
  deadline_overdue: (f, lang) =>
    lang === 'kk'
      ? {
          subject: `Мәліметтерді ұсыну мерзімі өтті (${f.reportingYear} есепті жылы)`,
          body: `${org(f, lang)}: ${f.reportingYear} есепті жылы үшін сауалнама ${f.deadline} мерзімінде ұсынылған жоқ. Мәліметтерді мүмкіндігінше тезірек ұсыныңыз.`,
        }
      : {
          subject: `Срок представления сведений истёк (${f.reportingYear} отчетный год)`,
          body: `${org(f, lang)}: анкета за ${f.reportingYear} отчетный год не представлена в срок ${f.deadline}. Представьте сведения как можно скорее.`,
        },
  submission_returned: (f, lang) =>
    lang === 'kk'
      ? {
          subject: `Сауалнама түзетуге қайтарылды (${f.reportingYear} есепті жылы)`,
          body: `${org(f, lang)}: сараптама тобы ${f.reportingYear} есепті жылы үшін сауалнаманы ескертулермен түзетуге қайтарды.`,
        }
      : {
          subject: `Анкета возвращена на доработку (${f.reportingYear} отчетный год)`,
          body: `${org(f, lang)}: экспертная группа вернула анкету за ${f.reportingYear} отчетный год на доработку с замечаниями.`,
        },
  submission_accepted: (f, lang) =>
    lang === 'kk'
      ? {
          subject: `Сауалнама қабылданды (${f.reportingYear} есепті жылы)`,
          body: `${org(f, lang)}: ${f.reportingYear} есепті жылы үшін сауалнама қабылданды.`,
        }
      : {
          subject: `Анкета принята (${f.reportingYear} отчетный год)`,
          body: `${org(f, lang)}: анкета за ${f.reportingYear} отчетный год принята.`,
        },
  submission_reopened: (f, lang) =>
    lang === 'kk'
      ? {
          subject: `Қабылданған сауалнама түзетуге қайта ашылды (${f.reportingYear} есепті жылы)`,
          body: `${org(f, lang)}: сараптама тобы қабылданған сауалнаманы түзетуге қайта ашты. Себебі: ${f.reason}`,
        }
      : {
          subject: `Принятая анкета открыта для корректировки (${f.reportingYear} отчетный год)`,
          body: `${org(f, lang)}: экспертная группа открыла принятую анкету для корректировки. Причина: ${f.reason}`,
        },
  assessment_finalised: (f, lang) =>
    lang === 'kk'
      ? {
          subject: 'Тәуекелдерді бағалау аяқталды',
          body: `«${f.title?.kk}» тәуекелдерді бағалау аяқталды: есеп пен тәуекел профильдері қолжетімді.`,
        }
      : {
          subject: 'Оценка рисков завершена',
          body: `Оценка рисков «${f.title?.ru}» завершена: отчет и профили риска доступны.`,
        },
  // Rules §19: the results, considered by the Interagency Commission, communicated to the subjects.
  assessment_published: (f, lang) =>
    lang === 'kk'
      ? {
          subject: 'Тәуекелдерді бағалау нәтижелері жеткізілді',
          body: `«${f.title?.kk}» тәуекелдерді бағалаудың Ведомствоаралық комиссия қараған нәтижелері қолжетімді: қорытынды есеп және сіздің органыңыздың тәуекел профилі.`,
        }
      : {
          subject: 'Результаты оценки рисков доведены',
          body: `Доступны результаты оценки рисков «${f.title?.ru}», рассмотренные Межведомственной комиссией: итоговый отчет и профиль риска вашего органа.`,
        },
};

export function notificationText(kind: NotificationKind, facts: NotificationFacts, lang: Lang): Text {
  return texts[kind](facts, lang);
}

/** dd.mm.yyyy of an ISO date. */
export const dottedDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');
