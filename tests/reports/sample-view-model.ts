// A realistic report view model for renderer tests, in Kazakh or Russian. A later step
// builds the same shape from the synthetic dataset.
import type { Lang } from '../../src/shared/lang.js';
import { agencyTypes, regions, territorialRegionCodes, type AgencyTypeCode } from '../../src/domain/reference.js';
import type {
  AgencyRef,
  ConclusionKey,
  ConclusionSection,
  HeatMap,
  HeatMapCell,
  RankedRisk,
  ReportTable,
  ReportViewModel,
  RiskLevel,
  RiskProfile,
  TableCell,
} from '../../src/reports/report.view-model.js';
import { loadTexts, sopForAgency } from '../../src/reports/texts.js';
import { sopProfile } from '../../src/reports/sop-profiles.js';

type Bi = { kk: string; ru: string };
const YEARS: [number, number, number] = [2022, 2023, 2024];

/** Deterministic pseudo-random numbers (LCG). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const bands: { level: RiskLevel; min: number; max: number }[] = [
  { level: 'low', min: 1, max: 4 },
  { level: 'medium', min: 5, max: 9 },
  { level: 'high', min: 10, max: 15 },
  { level: 'critical', min: 16, max: 25 },
];
const levelOf = (score: number) => bands.find((b) => Math.round(score) <= b.max)!.level;

const riskDefs: { id: string; title: Bi; l: number; i: number; iqr: [number, number]; agencies: AgencyTypeCode[] }[] = [
  {
    id: 'recruitment_online',
    l: 4.5,
    i: 4.5,
    iqr: [0.5, 1],
    agencies: ['mvd', 'mki', 'border_service', 'mp'],
    title: {
      kk: 'Шетелде жұмысқа орналастыру сылтауымен әлеуметтік желілер мен интернет-ресурстар арқылы арбау',
      ru: 'Вербовка через социальные сети и интернет-ресурсы под видом трудоустройства за рубежом',
    },
  },
  {
    id: 'forced_labour_migrants',
    l: 4,
    i: 5,
    iqr: [1, 0.5],
    agencies: ['mvd', 'labour_inspection', 'mtszn', 'border_service'],
    title: {
      kk: 'Ауыл шаруашылығы мен құрылыстағы еңбек мигранттарының мәжбүрлі еңбегі',
      ru: 'Принудительный труд трудовых мигрантов в сельском хозяйстве и строительстве',
    },
  },
  {
    id: 'sexual_exploitation_minors',
    l: 3.5,
    i: 5,
    iqr: [1, 0.5],
    agencies: ['mvd', 'mp', 'mki'],
    title: {
      kk: 'Кәмелетке толмағандарды, оның ішінде киберкеңістікте жыныстық пайдалану',
      ru: 'Сексуальная эксплуатация несовершеннолетних, в том числе в киберпространстве',
    },
  },
  {
    id: 'interagency',
    l: 4,
    i: 3.5,
    iqr: [1, 1],
    agencies: ['mvd', 'mtszn', 'mio'],
    title: {
      kk: 'Ведомствоаралық өзара іс-қимылдың жеткіліксіздігі (ақпарат алмасу, ынтымақтастық орнату)',
      ru: 'Недостаточное межведомственное взаимодействие (обмен информацией, налаживание сотрудничества)',
    },
  },
  {
    id: 'public_awareness',
    l: 3.5,
    i: 3.5,
    iqr: [1, 1.5],
    agencies: ['mki', 'mp', 'mio'],
    title: {
      kk: 'Адам саудасы проблемасы туралы ақпараттандыру бөлігінде жұртшылықпен жұмыстың жеткіліксіздігі',
      ru: 'Недостаточная работа с общественностью в части информирования о проблеме торговли людьми',
    },
  },
  {
    id: 'training',
    l: 3,
    i: 4,
    iqr: [1, 1],
    agencies: ['mvd', 'labour_inspection', 'border_service', 'mp'],
    title: {
      kk: 'Адам саудасына қарсы іс-қимыл субъектілерін оқытудың жеткіліксіздігі',
      ru: 'Недостаточное обучение субъектов противодействия торговле людьми',
    },
  },
  {
    id: 'monitoring',
    l: 3,
    i: 3,
    iqr: [1.5, 1],
    agencies: ['mvd', 'mtszn'],
    title: {
      kk: 'Адам саудасына қарсы іс-қимыл шараларының тиімділігін бақылау үшін мониторинг және бағалау жүйелерінің болмауы',
      ru: 'Отсутствие систем мониторинга и оценки для контроля эффективности мер противодействия торговле людьми',
    },
  },
  {
    id: 'begging',
    l: 2.5,
    i: 3.5,
    iqr: [2, 1],
    agencies: ['mvd', 'mio', 'mtszn'],
    title: {
      kk: 'Мүгедектігі бар адамдар мен егде жастағы адамдарды қайыршылықта пайдалану',
      ru: 'Эксплуатация в попрошайничестве лиц с инвалидностью и пожилых',
    },
  },
  {
    id: 'funding',
    l: 2.5,
    i: 3,
    iqr: [1, 2],
    agencies: ['mtszn', 'mio'],
    title: {
      kk: 'Адам саудасына қарсы іс-қимыл саласындағы жобаларды жеткіліксіз қаржыландыру',
      ru: 'Недостаточное финансирование проектов в сфере противодействия торговле людьми',
    },
  },
  {
    id: 'legislation',
    l: 2,
    i: 2,
    iqr: [2, 2],
    agencies: ['mvd', 'mtszn'],
    title: {
      kk: 'Адам саудасына қарсы іс-қимыл саласындағы заңнамадағы олқылықтар, халықаралық стандарттарға сәйкессіздік',
      ru: 'Пробелы в законодательстве, несоответствие международным стандартам',
    },
  },
];

export const TOP_RISK_TITLE = riskDefs[0].title;

/** Kazakh-specific letters; the fixture carries them all in both cases. */
export const KAZAKH_LETTERS = [
  'Ә',
  'ә',
  'Ғ',
  'ғ',
  'Қ',
  'қ',
  'Ң',
  'ң',
  'Ө',
  'ө',
  'Ұ',
  'ұ',
  'Ү',
  'ү',
  'Һ',
  'һ',
  'І',
  'і',
];

function register(lang: Lang): RankedRisk[] {
  return riskDefs
    .map((d) => ({ d, score: d.l * d.i }))
    .sort((a, b) => b.score - a.score)
    .map(({ d, score }, n) => ({
      id: d.id,
      rank: n + 1,
      title: d.title[lang],
      level: levelOf(score),
      likelihood: d.l,
      impact: d.i,
      score,
      iqrLikelihood: d.iqr[0],
      iqrImpact: d.iqr[1],
      consensus: Math.max(...d.iqr) <= 1 ? 'high' : Math.max(...d.iqr) <= 1.5 ? 'moderate' : 'low',
    }));
}

export function heatMapOf(risks: RankedRisk[]): HeatMap {
  const steps = [1, 2, 3, 4, 5] as const;
  const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v))) as HeatMapCell['likelihood'];
  const cells = steps.flatMap((likelihood) =>
    steps.map(
      (impact): HeatMapCell => ({
        likelihood,
        impact,
        level: levelOf(likelihood * impact),
        ranks: risks.filter((r) => clamp(r.likelihood) === likelihood && clamp(r.impact) === impact).map((r) => r.rank),
      }),
    ),
  );
  return { cells };
}

const S = { suppressed: true, mark: 'primary' } as const;
/** A count below 10 is suppressed. */
const count = (v: number): TableCell => (v > 0 && v < 10 ? S : v);

function trend(lang: Lang, values: number[]): string {
  const t = loadTexts(lang).trend;
  const [a, , c] = values;
  if (c > a * 1.1) return t.up;
  if (c < a * 0.9) return t.down;
  return t.stable;
}

function yearTable(
  lang: Lang,
  id: string,
  caption: string,
  first: string,
  rows: { label: string; values: number[] }[],
): ReportTable {
  const t = loadTexts(lang);
  return {
    id,
    caption,
    columns: [
      { key: 'category', label: first, align: 'left', width: 2.5 },
      ...YEARS.map((y) => ({ key: `y${y}`, label: String(y), align: 'right' as const, format: 'integer' as const })),
      { key: 'trend', label: t.trend.label, align: 'left' },
    ],
    rows: rows.map((r) => [r.label, ...r.values.map(count), trend(lang, r.values)]),
  };
}

function victimProfile(lang: Lang, code: string, seed: number): ReportTable[] {
  const rnd = random(seed);
  const tr = (b: Bi) => b[lang];
  const dims: { id: string; caption: Bi; first: Bi; cats: Bi[] }[] = [
    {
      id: 'age',
      caption: { kk: 'Жас тобы бойынша құрбандар', ru: 'Жертвы по возрастным группам' },
      first: { kk: 'Жас тобы', ru: 'Возрастная группа' },
      cats: [
        { kk: '18 жасқа дейін', ru: 'до 18 лет' },
        { kk: '18–25', ru: '18–25' },
        { kk: '26–45', ru: '26–45' },
        { kk: '45–60', ru: '45–60' },
        { kk: '60 және одан жоғары', ru: '60 и старше' },
      ],
    },
    {
      id: 'sex',
      caption: { kk: 'Жынысы бойынша құрбандар', ru: 'Жертвы по полу' },
      first: { kk: 'Жынысы', ru: 'Пол' },
      cats: [
        { kk: 'Әйел', ru: 'Женский' },
        { kk: 'Ер', ru: 'Мужской' },
      ],
    },
    {
      id: 'citizenship',
      caption: { kk: 'Азаматтығы бойынша құрбандар', ru: 'Жертвы по гражданству' },
      first: { kk: 'Азаматтығы', ru: 'Гражданство' },
      cats: [
        { kk: 'Қазақстан', ru: 'Казахстан' },
        { kk: 'Өзбекстан', ru: 'Узбекистан' },
        { kk: 'Қырғызстан', ru: 'Кыргызстан' },
        { kk: 'Тәжікстан', ru: 'Таджикистан' },
      ],
    },
    {
      id: 'form',
      caption: { kk: 'Пайдалану түрі бойынша құрбандар', ru: 'Жертвы по формам эксплуатации' },
      first: { kk: 'Пайдалану түрі', ru: 'Форма эксплуатации' },
      cats: [
        { kk: 'Еңбек', ru: 'Трудовая' },
        { kk: 'Жыныстық', ru: 'Сексуальная' },
        { kk: 'Қайыршылыққа тарту', ru: 'Попрошайничество' },
      ],
    },
    {
      id: 'status',
      caption: { kk: 'Әлеуметтік мәртебесі бойынша құрбандар', ru: 'Жертвы по социальному статусу' },
      first: { kk: 'Әлеуметтік мәртебе', ru: 'Социальный статус' },
      cats: [
        { kk: 'Жұмыссыз', ru: 'Безработные' },
        { kk: 'Еңбек мигранты', ru: 'Трудовые мигранты' },
        { kk: 'Білім алушы', ru: 'Обучающиеся' },
        { kk: 'Тұрақты тұрғылықты жері жоқ', ru: 'Без определенного места жительства' },
      ],
    },
  ];
  return dims.map((d) =>
    yearTable(
      lang,
      `victims_${d.id}_${code}`,
      tr(d.caption),
      tr(d.first),
      d.cats.map((c) => ({
        label: tr(c),
        values: YEARS.map(() => Math.floor(rnd() * 60)),
      })),
    ),
  );
}

const agencyRef = (code: AgencyTypeCode, lang: Lang): AgencyRef => ({
  code,
  name: agencyTypes.find((a) => a.code === code)!.name[lang],
});

function profile(lang: Lang, code: AgencyTypeCode, risks: RankedRisk[], mitigation: Bi[], seed: number): RiskProfile {
  const inCompetence = new Set(riskDefs.filter((d) => d.agencies.includes(code)).map((d) => d.id));
  return {
    agency: agencyRef(code, lang),
    riskAreas: risks.filter((r) => inCompetence.has(r.id)),
    victimProfile: victimProfile(lang, code, seed),
    sopIndicators: sopForAgency(code, lang),
    sop: sopProfile(code, lang),
    mitigation: mitigation.map((m) => m[lang]),
  };
}

const narratives: Record<ConclusionKey, Bi[]> = {
  sources: [
    {
      kk: 'Тәуекелдердің негізгі көздері — шекаралас елдердегі экономикалық жағдай, жұмыссыздық және ішкі көші-қон, сондай-ақ еңбек делдалдарының бақыланбайтын қызметі.',
      ru: 'Основными источниками рисков являются экономическая ситуация в сопредельных странах, безработица и внутренняя миграция, а также неконтролируемая деятельность посредников по трудоустройству.',
    },
  ],
  nature: [
    {
      kk: 'Үш жыл ішінде тіркелген қылмыстар мен анықталған құрбандар саны өсті; еңбек және жыныстық пайдалану басым. Төмендегі сурет негізгі көрсеткіштердің серпінін көрсетеді.',
      ru: 'За три года выросло число зарегистрированных преступлений и выявленных жертв; преобладают трудовая и сексуальная эксплуатация. Рисунок ниже показывает динамику основных показателей.',
    },
  ],
  likelihood_by_territory: [
    {
      kk: 'Тәуекел ықтималдығы Алматы, Шымкент қалаларында және Түркістан облысында жоғары; шетелден келетін тәуекелдер негізінен Орталық Азия елдерінен еңбек көші-қонымен байланысты.',
      ru: 'Вероятность рисков наиболее высока в городах Алматы, Шымкент и Туркестанской области; риски из-за рубежа связаны главным образом с трудовой миграцией из стран Центральной Азии.',
    },
  ],
  consequences: [
    {
      kk: 'Салдары: құрбандардың денсаулығына зиян, борыштық тәуелділік, отбасылардың әлеуметтік дезадаптациясы және ұйымдасқан қылмыстың кірістерін заңдастыру.',
      ru: 'Последствия: вред здоровью жертв, долговая зависимость, социальная дезадаптация семей и легализация доходов организованной преступности.',
    },
  ],
  vulnerable_groups: [
    {
      kk: 'Тәуекел топтарына жұмыссыз жастар, еңбек мигранттары, ата-ана қамқорлығынсыз қалған балалар және мүгедектігі бар адамдар жатады.',
      ru: 'К группам риска относятся безработная молодежь, трудовые мигранты, дети, оставшиеся без попечения родителей, и лица с инвалидностью.',
    },
  ],
  schemes_and_methods: [
    {
      kk: 'Схемалар: шетелде жоғары жалақылы жұмыс туралы жалған ұсыныстар, туристік визалар арқылы әкету, жеке үйлер мен шаруа қожалықтарында ұстау.',
      ru: 'Схемы: ложные предложения высокооплачиваемой работы за рубежом, вывоз по туристическим визам, удержание в частных домах и крестьянских хозяйствах.',
    },
  ],
  recruitment_and_control: [
    {
      kk: 'Арбау әлеуметтік желілер мен мессенджерлер арқылы жүзеге асырылады; бақылау құжаттарды алып қоюмен, борыштық құлдықпен және GPS-бақылаумен қамтамасыз етіледі. Кәмелетке толмағандарды арбау онлайн-ойындар арқылы жүргізіледі.',
      ru: 'Вербовка ведется через социальные сети и мессенджеры; контроль обеспечивается изъятием документов, долговой кабалой и слежением с помощью GPS. Несовершеннолетних вербуют через онлайн-игры.',
    },
  ],
  causes_and_conditions: [
    {
      kk: 'Себептері мен шарттары: кірістердің теңсіздігі, халықтың құқықтық сауаттылығының төмендігі және еңбек делдалдарын реттеудің жеткіліксіздігі.',
      ru: 'Причины и условия: неравенство доходов, низкая правовая грамотность населения и недостаточное регулирование деятельности посредников по трудоустройству.',
    },
  ],
  effective_prevention: [
    {
      kk: 'Тиімді профилактика: мектептерде ақпараттық жұмыс, жұмыс берушілерді тексеру, сұранысты төмендету үшін мәжбүрлі еңбек өнімдерін сатып алудан бас тарту.',
      ru: 'Эффективная профилактика: информационная работа в школах, проверки работодателей, снижение спроса через отказ от закупок продукции принудительного труда.',
    },
  ],
};

function conclusions(lang: Lang): ConclusionSection[] {
  const rnd = random(7);
  const t = loadTexts(lang);
  const tr = (b: Bi) => b[lang];
  const regionRows = territorialRegionCodes
    .map((code) => ({
      code,
      name: regions.find((r) => r.code === code)!.name[lang],
      victims: YEARS.map(() => Math.floor(rnd() * 40)),
      score: Math.round((4 + rnd() * 18) * 10) / 10,
    }))
    .sort((a, b) => b.score - a.score);
  const regional: ReportTable = {
    id: 'regions',
    caption: tr({
      kk: 'Өңірлер бойынша тәуекел балы және анықталған құрбандар',
      ru: 'Балл риска и выявленные жертвы по регионам',
    }),
    columns: [
      { key: 'rank', label: t.columns.rank, align: 'center', format: 'integer', width: 0.6 },
      { key: 'region', label: tr({ kk: 'Өңір', ru: 'Регион' }), align: 'left', width: 2.6 },
      ...YEARS.map((y) => ({
        key: `v${y}`,
        label: `${tr({ kk: 'Құрбандар', ru: 'Жертвы' })} ${y}`,
        align: 'right' as const,
        format: 'integer' as const,
      })),
      { key: 'score', label: t.columns.score, align: 'right', format: 'decimal1', width: 0.8 },
      { key: 'level', label: t.columns.level, align: 'left', width: 1.4 },
    ],
    rows: regionRows.map((r, n) => [n + 1, r.name, ...r.victims.map(count), r.score, t.levels[levelOf(r.score)]]),
  };
  const citizenship = yearTable(
    lang,
    'citizenship',
    tr({ kk: 'Адам саудасы құрбандарының азаматтығы', ru: 'Гражданство жертв торговли людьми' }),
    tr({ kk: 'Азаматтығы', ru: 'Гражданство' }),
    [
      { label: tr({ kk: 'Қазақстан Республикасы', ru: 'Республика Казахстан' }), values: [96, 112, 131] },
      { label: tr({ kk: 'Өзбекстан Республикасы', ru: 'Республика Узбекистан' }), values: [41, 38, 52] },
      { label: tr({ kk: 'Қырғыз Республикасы', ru: 'Кыргызская Республика' }), values: [12, 9, 15] },
      { label: tr({ kk: 'Тәжікстан Республикасы', ru: 'Республика Таджикистан' }), values: [4, 11, 7] },
      { label: tr({ kk: 'Өзге елдер', ru: 'Другие страны' }), values: [3, 0, 6] },
    ],
  );
  return (Object.keys(narratives) as ConclusionKey[]).map((key) => ({
    key,
    paragraphs: narratives[key].map(tr),
    tables: key === 'likelihood_by_territory' ? [regional] : key === 'vulnerable_groups' ? [citizenship] : [],
    charts:
      key === 'likelihood_by_territory'
        ? [
            {
              kind: 'bar',
              id: 'regions_chart',
              title: tr({ kk: 'Өңірлердің тәуекел балы бойынша рейтингі', ru: 'Рейтинг регионов по баллу риска' }),
              valueLabel: t.columns.score,
              bars: regionRows.map((r) => ({ label: r.name, value: r.score, level: levelOf(r.score) })),
            },
          ]
        : key === 'nature'
          ? [
              {
                kind: 'line',
                id: 'trends',
                title: tr({ kk: 'Негізгі көрсеткіштердің серпіні', ru: 'Динамика основных показателей' }),
                categories: YEARS.map(String),
                series: [
                  {
                    label: tr({ kk: 'Тіркелген қылмыстар', ru: 'Зарегистрированные преступления' }),
                    values: [118, 134, 152],
                  },
                  { label: tr({ kk: 'Анықталған құрбандар', ru: 'Выявленные жертвы' }), values: [156, 170, 211] },
                  {
                    label: tr({
                      kk: 'Арнаулы әлеуметтік қызметтер алғандар',
                      ru: 'Получили специальные социальные услуги',
                    }),
                    values: [61, null, 98],
                  },
                ],
              },
            ]
          : [],
  }));
}

export function sampleViewModel(lang: Lang): ReportViewModel {
  const t = loadTexts(lang);
  const tr = (b: Bi) => b[lang];
  const risks = register(lang);
  const refs = (...ids: string[]) =>
    risks.filter((r) => ids.includes(r.id)).map(({ id, rank, title, level }) => ({ id, rank, title, level }));
  const scale = (labels: Bi[]) =>
    labels.map((l, n) => ({ value: (n + 1) as 1 | 2 | 3 | 4 | 5, label: String(n + 1), description: tr(l) }));
  return {
    meta: {
      id: 'ra-2022-2024',
      years: YEARS,
      coordinatingBody: agencyRef('mvd', lang).name,
      finalisedAt: '2025-03-14T09:30:00Z',
      language: lang,
    },
    description: {
      scope: [
        tr({
          kk: 'Бағалау 2022–2024 жылдары адам саудасына қарсы іс-қимыл субъектілері жыл сайын ұсынған деректерді, 20 өңірді және шетелдегі мекемелерді қамтиды.',
          ru: 'Оценка охватывает данные, ежегодно представленные субъектами противодействия торговле людьми за 2022–2024 годы, 20 регионов и загранучреждения.',
        }),
      ],
      sources: [
        tr({
          kk: 'Адам саудасына қарсы іс-қимыл саласындағы тәуекелдерді бағалау жөніндегі сауалнамаға субъектілердің жауаптары (2022–2024 жж.)',
          ru: 'Ответы субъектов на опросник по оценке рисков в сфере противодействия торговле людьми (2022–2024 гг.)',
        }),
        tr({
          kk: 'Қазақ әліпбиінің әріптерін тексеру: Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і',
          ru: 'Проверка казахских букв: Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і',
        }),
      ],
      references: [
        tr({
          kk: '[1] БҰҰ Есірткі және қылмыс жөніндегі басқармасының адам саудасы туралы жаһандық баяндамасы, 2024 (БҰҰ)',
          ru: '[1] Глобальный доклад УНП ООН о торговле людьми, 2024 (ООН)',
        }),
        tr({
          kk: '[2] ЕҚЫҰ Демократиялық институттар және адам құқықтары жөніндегі бюросының ұсынымдары (ЕҚЫҰ)',
          ru: '[2] Рекомендации Бюро ОБСЕ по демократическим институтам и правам человека (ОБСЕ)',
        }),
      ],
      participatingOrganisations: 187,
      requestedOrganisations: 204,
      rates: { response: 187 / 204, timeliness: 0.874, completeness: 0.912 },
      method: {
        qualityRules: [
          {
            code: 'Q1',
            text: tr({
              kk: 'Бөлу санаттарының қосындысы жалпы санға тең болуы тиіс',
              ru: 'Сумма категорий разбивки должна равняться итогу',
            }),
          },
          {
            code: 'Q2',
            text: tr({
              kk: '«Иә» жауабы сипаттамамен толықтырылуы тиіс',
              ru: 'Ответ «Да» должен сопровождаться описанием',
            }),
          },
          {
            code: 'Q3',
            text: tr({
              kk: 'Жылдан жылға күрт өзгерістер (±50%) түсіндірілуі тиіс',
              ru: 'Резкие изменения год к году (±50%) должны быть пояснены',
            }),
          },
        ],
        likelihoodScale: scale([
          { kk: 'сирек', ru: 'редко' },
          { kk: 'мүмкін емес', ru: 'маловероятно' },
          { kk: 'мүмкін', ru: 'возможно' },
          { kk: 'ықтимал', ru: 'вероятно' },
          { kk: 'дерлік сөзсіз', ru: 'почти наверняка' },
        ]),
        impactScale: scale([
          { kk: 'елеусіз', ru: 'незначительные' },
          { kk: 'шамалы', ru: 'небольшие' },
          { kk: 'орташа', ru: 'умеренные' },
          { kk: 'елеулі', ru: 'значительные' },
          { kk: 'өте ауыр', ru: 'катастрофические' },
        ]),
        levelBands: bands,
        kendall: { w: 0.684, chiSquare: 73.87, df: 9, p: 0.0000004, experts: 12, risks: 10 },
      },
    },
    conclusions: conclusions(lang),
    recommendations: [
      {
        id: 'rec1',
        text: tr({
          kk: 'Әлеуметтік желілердегі жұмысқа орналастыру туралы хабарландыруларға мониторинг жүргізу және күдікті ресурстарды бұғаттау.',
          ru: 'Проводить мониторинг объявлений о трудоустройстве в социальных сетях и блокировать подозрительные ресурсы.',
        }),
        risks: refs('recruitment_online'),
        agencies: [agencyRef('mvd', lang), agencyRef('mki', lang)],
      },
      {
        id: 'rec2',
        text: tr({
          kk: 'Ауыл шаруашылығы мен құрылыста жұмыс берушілерге бірлескен тексерулерді күшейту.',
          ru: 'Усилить совместные проверки работодателей в сельском хозяйстве и строительстве.',
        }),
        risks: refs('forced_labour_migrants'),
        agencies: [agencyRef('labour_inspection', lang), agencyRef('mvd', lang)],
      },
      {
        id: 'rec3',
        text: tr({
          kk: 'Мектептерде қауіпсіз интернет және кәмелетке толмағандарды арбаудың белгілері туралы сабақтар өткізу.',
          ru: 'Проводить в школах занятия о безопасном интернете и признаках вербовки несовершеннолетних.',
        }),
        risks: refs('sexual_exploitation_minors', 'public_awareness'),
        agencies: [agencyRef('mp', lang), agencyRef('education_org', lang)],
      },
      {
        id: 'rec4',
        text: tr({
          kk: 'Ведомствоаралық ақпарат алмасу тәртібін және ортақ мониторинг жүйесін енгізу.',
          ru: 'Ввести порядок межведомственного обмена информацией и единую систему мониторинга.',
        }),
        risks: refs('interagency', 'monitoring'),
        agencies: [agencyRef('mvd', lang), agencyRef('mtszn', lang)],
      },
    ],
    riskProfiles: [
      profile(
        lang,
        'mvd',
        risks,
        [
          {
            kk: 'Онлайн-арбауды анықтау бойынша жедел-іздестіру іс-шараларын жүргізу',
            ru: 'Проводить оперативно-розыскные мероприятия по выявлению онлайн-вербовки',
          },
          {
            kk: 'Жәбірленушілерді арнаулы әлеуметтік қызметтерге қайта жіберу',
            ru: 'Перенаправлять потерпевших для получения специальных социальных услуг',
          },
        ],
        11,
      ),
      profile(
        lang,
        'border_service',
        risks,
        [
          {
            kk: 'Өткізу пункттерінде тәуекелді бейіндеуді қолдану',
            ru: 'Применять профилирование риска в пунктах пропуска',
          },
        ],
        12,
      ),
      profile(
        lang,
        'mp',
        risks,
        [
          {
            kk: 'Мұғалімдер мен психологтарды белгілерді тануға оқыту',
            ru: 'Обучать педагогов и психологов распознаванию признаков',
          },
        ],
        13,
      ),
    ],
    annexes: {
      riskRegister: risks,
      heatMap: heatMapOf(risks),
      qualityFindings: {
        id: 'quality_findings',
        caption: t.annexes.qualityFindings,
        columns: [
          { key: 'rule', label: tr({ kk: 'Қағида', ru: 'Правило' }), align: 'left', width: 3 },
          { key: 'findings', label: tr({ kk: 'Ескертулер', ru: 'Замечания' }), align: 'right', format: 'integer' },
          { key: 'organisations', label: tr({ kk: 'Ұйымдар', ru: 'Организации' }), align: 'right', format: 'integer' },
          { key: 'resolved', label: tr({ kk: 'Жойылғаны', ru: 'Устранено' }), align: 'right', format: 'percent' },
        ],
        rows: [
          ['Q1', 214, 63, 0.93],
          ['Q2', 88, 41, 0.81],
          ['Q3', 37, S, 0.62],
        ],
      },
      missingReasons: {
        id: 'missing_reasons',
        caption: t.annexes.missingReasons,
        columns: [
          { key: 'reason', label: tr({ kk: 'Себебі', ru: 'Причина' }), align: 'left', width: 3 },
          { key: 'items', label: tr({ kk: 'Көрсеткіштер', ru: 'Показатели' }), align: 'right', format: 'integer' },
          { key: 'share', label: tr({ kk: 'Үлесі', ru: 'Доля' }), align: 'right', format: 'percent' },
        ],
        rows: [
          [tr({ kk: 'Деректер жиналмайды', ru: 'Данные не собираются' }), 412, 0.46],
          [tr({ kk: 'Құзыретке жатпайды', ru: 'Вне компетенции' }), 305, 0.34],
          [tr({ kk: 'Құпия ақпарат', ru: 'Конфиденциальная информация' }), 96, 0.107],
          [tr({ kk: 'Деректер әлі дайын емес', ru: 'Данные еще не готовы' }), 74, 0.083],
          [tr({ kk: 'Басқа', ru: 'Другое' }), S, 0.01],
        ],
      },
    },
  };
}
