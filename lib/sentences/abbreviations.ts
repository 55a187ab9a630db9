/**
 * Swedish abbreviations that end with a period without ending the sentence
 * ("3 kap. 5 §", "bl.a. att", "t.ex. genom", "Dnr. KS 2023/105", "NJA 2019 s. 504").
 * Lower-case, without the final period.
 */
export const SWEDISH_ABBREVIATIONS = [
  'kap', 'prop', 'bl.a', 't.ex', 's.k', 'm.m', 'dnr', 'nr', 'ref', 's', 'jfr', 'resp', 'ang', 'bet', 'd.v.s', 'dvs',
  'o.s.v', 'm.fl', 'fr.o.m', 't.o.m', 'f.d', 'p.g.a', 'pga', 'ca', 'kl', 'tel', 'tfn', 'e.d', 'm.a.o', 'f.n', 'mom',
  'art', 'avd', 'st', 'p', 'uppl', 'red', 'inkl', 'exkl', 'enl', 'forts', 'ff', 'a.a', 'o.d', 'i.st.f', 'vol', 'utg',
  'förf', 'ordf', 'sekr', 'avs', 'bil', 'dir', 'skr', 'rskr', 'mom', 'jur', 'fil', 'tf', 'ev', 'bl', 'resp',
  'nämndsekr', 'tjf', 'ff', 'obs', 'osv', 'mfl', 'sid', 'ex', 'e.kr', 'f.kr', 'fig', 'tab', 'sek', 'mn', 'mnkr', 'tkr',
  'st.', 'fr', 'o', 'u', 'ä', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
];

/** Same list as a set, with and without inner periods ("t.ex" and "tex"). */
export const ABBREVIATION_SET: ReadonlySet<string> = new Set(
  SWEDISH_ABBREVIATIONS.flatMap((a) => [a.replace(/\.$/, ''), a.replace(/\./g, '')]),
);
