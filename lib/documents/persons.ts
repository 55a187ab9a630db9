/**
 * Politicians as council documents write them: "Gabriel Kroon (SD)",
 * "Jan Jönsson (L) och Anne-Lie Elfvén (L)", "Mirja Räihä Järvinen, Berit Kruse
 * och Karin Hanqvist (alla s)", "Eva-Louise Erlandsson Slorach och Karin Hanqvist (båda s)",
 * "Ann-Margarethe Livh m.fl. (v)".
 */
export const PARTIES: Record<string, string> = {
  s: 'S', m: 'M', v: 'V', c: 'C', l: 'L', kd: 'KD', mp: 'MP', sd: 'SD', fi: 'Fi', fp: 'FP', sp: 'SP',
  pp: 'PP', nyd: 'NYD', kds: 'KDS', fl: 'FL', ssk: 'SSK', fi_: 'Fi',
};

/** Party names that look like a person's name in "X (SD)". */
const PARTY_NAMES = /^(?:Socialdemokraterna|Moderaterna|Vänsterpartiet|Centerpartiet|Liberalerna|Folkpartiet|Kristdemokraterna|Miljöpartiet|Sverigedemokraterna|Feministiskt initiativ|Fi|Alliansen|Rödgröna)$/i;

export const PARTY_FULL: Record<string, string> = {
  socialdemokraterna: 'S', moderaterna: 'M', vansterpartiet: 'V', centerpartiet: 'C', liberalerna: 'L',
  folkpartiet: 'FP', kristdemokraterna: 'KD', miljopartiet: 'MP', sverigedemokraterna: 'SD',
  'feministiskt initiativ': 'Fi',
};

export interface Person {
  name: string;
  party: string;
  start: number;
  end: number;
}

// A name: 2–4 capitalised words (hyphenated allowed), e.g. "Anne-Lie Elfvén", "Mirja Räihä Järvinen".
const WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?`;
const NAME = String.raw`${WORD}(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:af|von|van|de|la|del)[ \t]+)?${WORD}){1,3}`;
const PARTY = String.raw`(?:KDS|NYD|SSK|KD|MP|SD|FP|Fi|FI|S|M|V|C|L|kd|mp|sd|fp|fi|s|m|v|c|l)`;
const LIST = String.raw`(${NAME}(?:(?:,[ \t]*|[ \t]+och[ \t]+|[ \t]*&[ \t]*)${NAME}){0,6})(?:[ \t]+m\.?[ \t]?fl\.?)?[ \t]*\((?:(?:alla|båda|samtliga)[ \t]+)?(${PARTY})\)`;
const ONE_WITH_PARTY = new RegExp(String.raw`(${NAME})(?:[ \t]+m\.?[ \t]?fl\.?)?[ \t]*\((${PARTY})\)`, 'gu');
const GROUP = new RegExp(LIST, 'gu');

function partyOf(p: string): string {
  return PARTIES[p.toLowerCase()] ?? p.toUpperCase();
}

/** Strip leading title words that are capitalised at a sentence start ("I motionen framför Gabriel Kroon"). */
function cleanName(n: string): string {
  const words = n.split(/\s+/);
  // drop leading words that are clearly not names (sentence-initial common words)
  while (words.length > 2 && (/(?:nämnd|nämnden|styrelsen|fullmäktige|förvaltningen|kontoret|staden|kommun|partiet|erna)$/i.test(words[0]) || /^(?:Enligt|Även|Dessutom|Därför|Både|Också|Sedan|När|Där|Som|Här|Nu|Vi|Jag|Hon|Han|De|I|En|Ett|Den|Det|Att|Av|Om|Från|Och|Motionären|Motionärerna|Ledamoten|Ledamöterna|Borgarrådet|Ordföranden|Vice|Gruppledare|Motion|Motionen|Skrivelse|Nämndledamot|Ersättaren|Ärendet|Bakgrund|Beredning|Sammanfattning|Motionerna|Reservation|Särskilt|Yttrande|Förslag)$/.test(words[0]))) words.shift();
  return words.join(' ');
}

/** Every "Name (PARTY)" in `text`, lists with a shared party expanded, in order. */
export function findPersons(text: string): Person[] {
  const out: Person[] = [];
  const seen = (s: number, e: number) => out.some((p) => s < p.end && p.start < e);
  // Lists sharing one party: "A, B och C (alla s)"
  for (const m of text.matchAll(GROUP)) {
    const list = m[1];
    const party = partyOf(m[2]);
    if (!/\((?:alla|båda|samtliga)\s/.test(m[0]) && !/,|\soch\s|&/.test(list)) continue;
    if (!/\((?:alla|båda|samtliga)\s/.test(m[0])) {
      // "A (L) och B (L)" is handled below; a bare list "A och B (L)" shares the party only in the last name's parenthesis
    }
    let offset = m.index;
    for (const part of list.split(/(,[ \t]*|[ \t]+och[ \t]+|[ \t]*&[ \t]*)/)) {
      if (/^(?:,[ \t]*|[ \t]+och[ \t]+|[ \t]*&[ \t]*)$/.test(part)) {
        offset += part.length;
        continue;
      }
      const name = cleanName(part);
      const s = offset + part.length - name.length;
      if (!PARTY_NAMES.test(name) && name.split(' ').length >= 2) out.push({ name, party, start: s, end: s + name.length });
      offset += part.length;
    }
  }
  for (const m of text.matchAll(ONE_WITH_PARTY)) {
    const name = cleanName(m[1]);
    const s = m.index + m[1].length - name.length;
    if (PARTY_NAMES.test(name) || name.split(' ').length < 2) continue;
    if (seen(s, s + name.length)) continue;
    out.push({ name, party: partyOf(m[2]), start: s, end: s + name.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Remove duplicates (same name, folded), keeping the first. */
export function uniquePersons(ps: { name: string; party: string }[]): { name: string; party: string }[] {
  const seen = new Set<string>();
  const out: { name: string; party: string }[] = [];
  for (const p of ps) {
    const k = p.name.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ name: p.name, party: p.party });
  }
  return out;
}
