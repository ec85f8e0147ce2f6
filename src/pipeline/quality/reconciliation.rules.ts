// Cross-agency reconciliation: two agencies report the same flow of people or facts
// from their own side. They count different populations (a referral is not always
// received, a report is not always registered as a crime), so these are RATIO
// warnings (right / left outside [minRatio, maxRatio]), never equality rules.
// The first four come from the issue; the last two are further flows the
// questionnaire allows (labour inspection vs МВД labour-exploitation crimes; NGO
// victims recognised as injured parties vs МВД victims).
import { localExecutiveBodyTypes } from '../../domain/reference.js';
import type { Bilingual } from '../../shared/lang.js';

export interface FlowOperand {
  item: string;
  /** Breakdown category (default: the total). */
  part?: string;
}

export interface FlowSide {
  agencyTypes: readonly string[];
  /** Summed per organisation over the operands that belong to its form. */
  operands: readonly FlowOperand[];
  label: Bilingual;
}

export interface ReconciliationRule {
  id: string;
  /** region: per territorial region and nationwide; national: nationwide only. */
  scope: 'region' | 'national';
  left: FlowSide;
  right: FlowSide;
  minRatio: number;
  maxRatio: number;
}

const socialReceivers = ['mtszn', ...localExecutiveBodyTypes, 'special_social_services'];
/** Non-commercial organisations, those providing special social services included. */
const ngos = ['ngo', 'ngo_special_social_services'];

export const reconciliationRules: readonly ReconciliationRule[] = [
  {
    id: 'mvd_social_referrals',
    scope: 'region',
    left: {
      agencyTypes: ['mvd'],
      operands: [{ item: 's2.q9.victims_referred_services' }],
      label: {
        kk: 'ІІМ арнаулы әлеуметтік қызметтерге жолдаған жәбірленушілер (2.9)',
        ru: 'потерпевшие, перенаправленные МВД для специальных социальных услуг (2.9)',
      },
    },
    right: {
      agencyTypes: [...socialReceivers, ...ngos],
      operands: [
        { item: 's3.q1.referring_subjects', part: 'mvd' },
        { item: 's16.q1.referring_subjects', part: 'mvd' },
      ],
      label: {
        kk: 'әлеуметтік қорғау органдары, арнаулы әлеуметтік қызмет көрсетушілер және КЕҰ ІІМ-нен қабылдаған адамдар (3.1, 16.1)',
        ru: 'лица, поступившие от МВД в органы социальной защиты, к поставщикам специальных социальных услуг и в НКО (3.1, 16.1)',
      },
    },
    minRatio: 0.5,
    maxRatio: 2,
  },
  {
    id: 'police_referrals',
    scope: 'national',
    left: {
      agencyTypes: [
        'mz',
        'health_org',
        'mki',
        'mts',
        ...localExecutiveBodyTypes,
        'mid',
        'border_service',
        ...ngos,
        'mtszn',
        'special_social_services',
        'mp',
        'education_org',
      ],
      operands: [
        { item: 's9.q1.victims_referred_police' },
        { item: 's12.q2.reports_referred_police' },
        { item: 's13.q1.reports_referred_police' },
        { item: 's14.q2.reports_referred_police' },
        { item: 's11.q1.victims_referred_mvd' },
        { item: 's15.q1.victims_referred_mvd' },
        { item: 's16.q1.victims_referred_police' },
        { item: 's3.q1.victims_referred_police' },
        { item: 's6.q1.facts_referred_police' },
      ],
      label: {
        kk: 'субъектілер ішкі істер органдарына жолдаған хабарламалар мен құрбандар',
        ru: 'сообщения и жертвы, перенаправленные субъектами в органы внутренних дел',
      },
    },
    right: {
      agencyTypes: ['mvd'],
      operands: [{ item: 's2.q1.crimes_from_subjects' }],
      label: {
        kk: 'субъектілердің ақпараты бойынша тіркелген қылмыстар (2.1)',
        ru: 'преступления, зарегистрированные по информации субъектов (2.1)',
      },
    },
    minRatio: 0.15,
    maxRatio: 1.5,
  },
  {
    id: 'gobmp_referrals',
    scope: 'region',
    left: {
      agencyTypes: ngos,
      operands: [{ item: 's16.q1.victims_referred_medical' }],
      label: {
        kk: 'КЕҰ ТМККК алу үшін жолдаған құрбандар (16.1)',
        ru: 'жертвы, перенаправленные НКО для получения ГОБМП (16.1)',
      },
    },
    right: {
      agencyTypes: ['mz', 'health_org'],
      operands: [{ item: 's9.q1.referring_subjects', part: 'ngo' }],
      label: {
        kk: 'денсаулық сақтау ұйымдары КЕҰ-дан қабылдаған құрбандар (9.1)',
        ru: 'жертвы, поступившие в организации здравоохранения от НКО (9.1)',
      },
    },
    minRatio: 0.5,
    maxRatio: 2,
  },
  {
    id: 'residence_petitions',
    scope: 'region',
    left: {
      agencyTypes: ngos,
      operands: [{ item: 's16.q2.residence_permit_appeals' }],
      label: {
        kk: 'КЕҰ-ның ЖАО-ға уақытша тұруға рұқсат беру туралы өтініштері (16.2)',
        ru: 'обращения НКО в МИО о разрешении на временное проживание (16.2)',
      },
    },
    right: {
      agencyTypes: localExecutiveBodyTypes,
      operands: [{ item: 's14.q5.residence_permit_petitions' }],
      label: {
        kk: 'ЖАО-ның уақытша тұруға рұқсат беру туралы өтінішхаттары (14.5)',
        ru: 'ходатайства МИО о разрешении на временное проживание (14.5)',
      },
    },
    minRatio: 0.5,
    maxRatio: 2,
  },
  {
    id: 'forced_labour',
    scope: 'region',
    left: {
      agencyTypes: ['labour_inspection'],
      operands: [
        { item: 's4.q1.forced_labour_facts_inspections' },
        { item: 's4.q1.forced_labour_facts_mobile_groups' },
      ],
      label: {
        kk: 'еңбек инспекциясы анықтаған мәжбүрлі еңбек фактілері (4.1)',
        ru: 'факты принудительного труда, выявленные инспекцией труда (4.1)',
      },
    },
    right: {
      agencyTypes: ['mvd'],
      operands: [{ item: 's2.q1.crimes_by_form', part: 'labour_exploitation' }],
      label: {
        kk: 'еңбек қанауы бойынша тіркелген қылмыстар (2.1)',
        ru: 'зарегистрированные преступления в форме трудовой эксплуатации (2.1)',
      },
    },
    minRatio: 0.2,
    maxRatio: 2.5,
  },
  {
    id: 'recognised_victims',
    scope: 'region',
    left: {
      agencyTypes: ngos,
      operands: [{ item: 's16.q1.victims_recognised_with_services' }],
      label: {
        kk: 'КЕҰ көмек көрсеткен, жәбірленуші деп танылған құрбандар (16.1)',
        ru: 'жертвы, получившие услуги НКО и признанные потерпевшими (16.1)',
      },
    },
    right: {
      agencyTypes: ['mvd'],
      operands: [{ item: 's2.q8.victims_total' }],
      label: { kk: 'ІІМ жәбірленуші деп таныған адамдар (2.8)', ru: 'лица, признанные МВД потерпевшими (2.8)' },
    },
    minRatio: 0.8,
    maxRatio: Number.POSITIVE_INFINITY,
  },
];

/** Every item id some reconciliation rule reads. */
export const reconciliationItemIds: ReadonlySet<string> = new Set(
  reconciliationRules.flatMap((r) => [...r.left.operands, ...r.right.operands].map((o) => o.item)),
);
