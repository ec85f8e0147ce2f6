// Month names for dates the application formats itself (js/format.js): Kazakh in the
// nominative ("2027 жылғы 2 қаңтар"), Russian in the genitive ("2 января 2027 г.").
export const months = {
  kk: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
};

/** The words around the numbers of a date. */
export const dateWords = { kk: { year: 'жылғы' }, ru: { year: 'г.' } };
