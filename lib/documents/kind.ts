/**
 * What kind of council document is this? Scores cues per kind over the folded
 * text (OCR-tolerant) and keeps Swedish evidence phrases for the user.
 */
import type { DocumentKind } from '../analysis/schema';
import { squash } from './fold';
import type { Line } from './lines';

export type Subkind = 'protokollsutdrag' | 'foredragningslista' | 'utlatande' | 'remissmissiv' | undefined;

export interface KindResult {
  kind: DocumentKind;
  confidence: number;
  evidence: string[];
  subkind?: Subkind;
}

type Scored = Exclude<DocumentKind, 'unknown'> | 'agenda';

interface Ctx {
  text: string;
  folded: string;
  lines: Line[];
  /** Folded lines (same offsets within each line). */
  flines: string[];
  /** Index of the first line after the document head (first section heading or ~40 lines). */
  headEnd: number;
  headingIds: string[];
  headingTexts: string[];
}

const short = (s: string, n = 70) => {
  const t = squash(s);
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** First line (within the first `within` content lines) whose folded text matches `re`. */
function lineMatch(ctx: Ctx, re: RegExp, within = 40, from = 0): Line | undefined {
  let seen = 0;
  for (let i = from; i < ctx.lines.length && seen < within; i++) {
    if (ctx.lines[i].blank) continue;
    seen++;
    const fl = ctx.flines[i].trim();
    if (re.test(fl)) return ctx.lines[i];
  }
  return undefined;
}

function lastLines(ctx: Ctx, n: number): Line[] {
  const out: Line[] = [];
  for (let i = ctx.lines.length - 1; i >= 0 && out.length < n; i--) if (!ctx.lines[i].blank) out.unshift(ctx.lines[i]);
  return out;
}

const S = String.raw`\S`; // an å/ä/ö slot: any character OCR made of it

// --- cues (folded text) ----------------------------------------------------
const RE = {
  svarPaRemiss: new RegExp(`^(?:\\d+\\s+)?svar\\s+p${S}\\s+remiss`),
  remissvarWord: /^(?:\d+\s+)?remissvar\b/,
  yttrande: new RegExp(`^(?:\\d+\\s+)?yttrande\\s+(?:till|${S}ver)\\b`),
  somSvarPaRemiss: new RegExp(`som\\s+svar\\s+p${S}\\s+(?:remissen|remiss\\b|motionen|kommunstyrelsens\\s+remiss)`),
  overlamnarTillKs: new RegExp(`${S}verl${S}mna[rs]?\\s+(?:det|yttrandet|tj${S}nsteutl${S}tandet)?\\s*(?:som\\s+yttrande\\s+)?till\\s+kommunstyrelsen`),
  remissFranKs: new RegExp(`remiss(?:en)?\\s+fr${S}n\\s+kommunstyrelsen`),
  tjansteutlatande: new RegExp(`^(?:\\d+\\s+)?(?:sida\\s+\\d+\\s+(?:av|\\()\\s*\\d+\\)?\\s+)?(?:tj${S}nsteutl${S}tande|tj${S}nsteskrivelse)\\b`),
  utlatandeNr: /^(?:\d+\s+)?(?:utl\S+tande|pm)\s+(?:\d{4}:\d*|\d{4}\s+r[ivx]+)/,
  handlaggare: new RegExp(`^handl${S}ggare\\b`),
  till: /^till\b/,
  foredragande: /f\S+redragande\s+borgarr\S+de[nt]/,
  foreslarKf: /(?:kommunstyrelsen|borgarr\S+dsberedningen)\s+f\S+resl\S+r\s+(?:att\s+)?(?:kommunfullm\S+ktige|kommunstyrelsen)/,
  motionTitle: /^(?:\d+\s+)?motion\s+(?:\(\d{4}:\d+\)\s+)?(?:om|till|ang\S+ende|avseende|r\S+rande|f\S+r|mot|g\S+llande|kring|med)\b/,
  motionTitleBare: /^motion$/,
  jagForeslar: /\b(?:jag|vi)\s+f\S+resl\S+r\b|\bf\S+resl\S+r\s+(?:jag|vi)\b|\byrkar\s+(?:jag|vi)\b|\b(?:jag|vi)\s+yrkar\b/,
  attLine: /^(?:[-•–]\s*)?att\s+\S/,
  stockholmDen: /^(?:stockholm|[a-z\S]+)\s+den\s+\d{1,2}\s+[a-z]+\s+\d{4}$/,
  remissTitle: /^(?:\d+\s+)?remiss(?:\s+(?:av|fr\S+n|om|g\S+llande|ang\S+ende)\b|\s*[-–:]|$)/,
  svarSenast: /\bsvar(?:et)?\s+senast\b|\btillhanda\s+senast\b|\bsenast\s+den\s+\d|\bremissinstanser\b|\bremisslista\b|\bremisstid\b|\bbesvaras\s+senast\b|\bska\s+ha\s+inkommit\b|\bsvaret\s+ska\s+vara\b|\bbesvara\s+remissen\s+senast\b/,
  protokollHead: /^(?:\d+\s+)?(?:samm\S+ntr\S+desprotokoll|protokoll(?:et)?\b|protokollsutdrag|utdrag\s+(?:ur|fr\S+n)\s+(?:\S+\s+)?protokoll|justerat\s+protokoll|titel:\s*\S*\s*protokoll)/,
  protokollFort: /^(?:\d+\s+)?(?:\S+\s+){0,3}(?:protokoll\s+f\S+rt\s+vid|protokoll\s+fr\S+n\s+\S+\s*sammantr\S+de|protokoll\s+nr\b|protokoll\s+\d{4}-\d\d-\d\d|\d{4}-\d\d-\d\d\s+protokoll\b)/,
  justering: /\bjusterare\b|\bjusteras\b|\bjusteringens\s+plats|\bjusterarsignatur|\butdragsbestyrkande\b|\bvid\s+protokollet\b|\butses\s+att\s+justera\b|\bjusterade\s+protokollet\b|\bprotokollet\s+(?:\S+r\s+)?justerat\b|\bjustering\s*$/,
  beslutande: /^(?:beslutande|n\S+rvarande|tj\S+nstg\S+rande\s+ledam\S+ter|ledam\S+ter|ers\S+ttare|\S+vriga\s+(?:deltagare|n\S+rvarande))\b/,
  paragraf: /^§\s?\d{1,4}(?:\/\d{2})?\b|^§§\s?\d/,
  beslutParagraf: /\b(?:beslut|beslutar|beslutade|besl\S+t)\b/,
  skrivelseTitle: /^(?:\d+\s+)?skrivelse(?:\s+(?:fr\S+n|till|om|ang\S+ende|avseende|g\S+llande|r\S+rande)\b|$)/,
  svarPaSkrivelse: /^(?:\d+\s+)?svar\s+p\S\s+skrivelse/,
  agendaHead: /^(?:f\S+redragningslista|dagordning|kallelse(?:\s+och\s+f\S+redragningslista)?|hoppa\s+\S+ver\s+navigering|din\s+position:|m\S+te\s+\d{4}-\d\d-\d\d$|sammantr\S+de\s+\d{4}-\d\d-\d\d$|inget\s+protokoll\s+har\s+publicerats|handlingar\s+till\s+\S+\s+sammantr\S+de)/,
  agendaItem: /^(?:[•-]\s*)?(?:§\s*\d+\s+)?(?:\d+\s+)?(?:godk\S+nnande\s+av\s+(?:dagordning|f\S+redragningslista)|fastst\S+llande\s+av\s+(?:dagordning|f\S+redragningslista)|val\s+av\s+(?:protokoll)?justerare|utseende\s+av\s+(?:protokoll)?justerare|sammantr\S+dets\s+\S+ppnande)/,
  agendaWeb: /^(?:klockan|plats|datum|ladda\s+ner\s+dokument|\d+kb\s+ladda|l\S+s\s+dokument\s+\(pdf\)|\S+rendedokument)$/,
};

const COUNCIL_WORDS = /\b(?:n\S+mnd(?:en|ens|er)?|kommunfullm\S+ktige|kommunstyrelsen|f\S+rvaltningen|motion(?:en)?|remiss(?:en)?|beslut|diarienummer|dnr|stadsdels\S+|ledam\S+t(?:er)?|sammantr\S+de|protokoll|yttrande|tj\S+nsteutl\S+tande)\b/g;
const SV_WORDS = /\b(?:och|att|det|som|en|ett|f\S+r|p\S+|med|av|till|inte|har|kan|ska|om|den|de|fr\S+n|eller|vid|\S+r)\b/g;
const EN_WORDS = /\b(?:the|and|of|to|is|that|with|for|on|are|this|be|was|it|as|by|from|have|will|which)\b/g;

function count(re: RegExp, s: string, cap = 100000): number {
  let n = 0;
  for (const _ of s.matchAll(re)) if (++n >= cap) break;
  return n;
}

export function classify(ctx: Ctx): KindResult {
  const score: Record<Scored, number> = {
    motion: 0, remiss: 0, remissvar: 0, tjansteutlatande: 0, protokoll: 0, skrivelse: 0, agenda: 0,
  };
  const ev: Record<Scored, string[]> = {
    motion: [], remiss: [], remissvar: [], tjansteutlatande: [], protokoll: [], skrivelse: [], agenda: [],
  };
  const add = (k: Scored, w: number, e?: string) => {
    score[k] += w;
    if (e && !ev[k].includes(e)) ev[k].push(e);
  };
  const head = ctx.folded.slice(0, 6000);
  const first = lineMatch.bind(null, ctx);

  // language / council gate
  const sample = ctx.folded.slice(0, 20000);
  const sv = count(SV_WORDS, sample);
  const en = count(EN_WORDS, sample);
  const council = count(COUNCIL_WORDS, sample, 50);

  // remissvar
  let l = first(RE.svarPaRemiss, 30);
  if (l) add('remissvar', 4, `rubrik '${short(l.text)}'`);
  l = first(RE.remissvarWord, 30);
  if (l) add('remissvar', 3, `rubrik '${short(l.text)}'`);
  l = first(RE.yttrande, 30);
  if (l) add('remissvar', 3, `rubrik '${short(l.text)}'`);
  const ssr = RE.somSvarPaRemiss.exec(head);
  if (ssr) add('remissvar', 2, `'${short(ctx.text.slice(ssr.index, ssr.index + ssr[0].length))}'`);
  const okt = RE.overlamnarTillKs.exec(head);
  if (okt) add('remissvar', 1.5, `'${short(ctx.text.slice(okt.index, okt.index + okt[0].length))}'`);
  l = first(/^(?:\d+\s+)?remiss\s+(?:av|om)\s+motion/, 10);
  if (l) add('remissvar', 1, `rubrik '${short(l.text)}'`);

  // tjänsteutlåtande
  l = first(RE.tjansteutlatande, 30);
  if (l) add('tjansteutlatande', 3, `rubrik '${short(l.text, 40)}'`);
  else {
    const m = /\b(?:TJÄNSTESKRIVELSE|TJÄNSTEUTLÅTANDE|Tjänsteskrivelse|Tjänsteutlåtande)\b(?!\s+(?:daterad|den|från))/.exec(ctx.text.slice(0, 1500));
    if (m && !/\p{L}s\s+$/u.test(ctx.text.slice(Math.max(0, m.index - 30), m.index))) add('tjansteutlatande', 3, `'${m[0]}' i dokumenthuvudet`);
  }
  l = first(RE.utlatandeNr, 5);
  if (l) add('tjansteutlatande', 3, `rubrik '${short(l.text, 30)}'`);
  l = first(RE.handlaggare, 30);
  if (l) add('tjansteutlatande', 1.5, `'Handläggare' i dokumenthuvudet`);
  if (RE.foredragande.test(head)) add('tjansteutlatande', 1.5, `'Föredragande borgarrådet'`);
  const fk = RE.foreslarKf.exec(head);
  if (fk) add('tjansteutlatande', 2, `'${short(ctx.text.slice(fk.index, fk.index + fk[0].length))}'`);
  const fi = ctx.headingIds.indexOf('forslag-till-beslut');
  if (fi >= 0) add('tjansteutlatande', /s\s+f\S+rslag/i.test(ctx.headingTexts[fi]) || /^f/i.test(ctx.headingTexts[fi]) ? 2 : 1, `rubrik '${short(ctx.headingTexts[fi])}'`);
  const tuIds = ['sammanfattning', 'bakgrund', 'arendet', 'arendets-beredning', 'forvaltningens-synpunkter', 'jamstalldhetsanalys', 'barnrattsanalys', 'ekonomiska-konsekvenser', 'beslutsunderlag'];
  const tuCount = new Set(ctx.headingIds.filter((h) => tuIds.includes(h))).size;
  if (tuCount >= 2) add('tjansteutlatande', Math.min(3, tuCount * 0.75), `${tuCount} avsnitt ur tjänsteutlåtandemallen`);
  if (RE.svarPaSkrivelse.test(ctx.flines.find((f) => f.trim()) ?? '') || first(RE.svarPaSkrivelse, 10))
    add('tjansteutlatande', 2, `rubrik 'Svar på skrivelse'`);

  // motion
  l = first(RE.motionTitle, 6);
  if (l) add('motion', 3, `rubrik '${short(l.text)}'`);
  else if ((l = first(RE.motionTitleBare, 4))) add('motion', 2, `rubrik 'Motion'`);
  if (/^motion\s+till\s+kommunfullm/.test(head.trim()) || first(/^motion\s+till\s+(?:kommunfullm|regionfullm|fullm)/, 6))
    add('motion', 1, `'Motion till kommunfullmäktige'`);
  const jf = RE.jagForeslar.exec(ctx.folded);
  let attLines = 0;
  for (let i = 0; i < ctx.lines.length; i++) if (RE.attLine.test(ctx.flines[i].trim())) attLines++;
  if (jf) add('motion', 2, `'${short(ctx.text.slice(jf.index, jf.index + jf[0].length))} att …'`);
  if (attLines >= 1 && (jf || score.motion > 0)) add('motion', 1, 'att-satser');
  const tail = lastLines(ctx, 14);
  const sigs = tail.filter((t) => /^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3}\s*\((?:KD|MP|SD|Fi|FI|S|M|V|C|L|s|m|v|c|l|kd|mp|sd|fp|FP)\)$/u.test(t.text));
  if (sigs.length) add('motion', 1.5, `underskrift '${short(sigs[0].text)}'`);
  if (tail.some((t) => /^(?:Stockholm|[\p{Lu}][\p{L}-]+)\s+den\s+\d{1,2}\s+\p{L}+\s+\d{4}$/u.test(t.text))) add('motion', 0.5);
  if (sigs.length) add('skrivelse', 1);

  // remiss (missive)
  l = first(RE.remissTitle, 8);
  if (l) add('remiss', 2, `rubrik '${short(l.text)}'`);
  const ss = RE.svarSenast.exec(head);
  if (ss) add('remiss', 2.5, `'${short(ctx.text.slice(ss.index, ss.index + ss[0].length))}'`);
  if (RE.remissFranKs.test(head.slice(0, 600)) && !score.remissvar) add('remiss', 1);

  // protokoll
  l = first(RE.protokollHead, 12);
  if (l) add('protokoll', 3, `rubrik '${short(l.text, 40)}'`);
  const pf = first(RE.protokollFort, 15) ?? null;
  if (pf) add('protokoll', 2.5, `'${short(pf.text, 50)}'`);
  let just = 0;
  let paragraphs = 0;
  let beslutPar = 0;
  let beslutande = 0;
  for (let i = 0; i < ctx.lines.length; i++) {
    const fl = ctx.flines[i].trim();
    if (!fl) continue;
    if (RE.justering.test(fl)) just++;
    if (RE.paragraf.test(fl)) {
      paragraphs++;
      if (RE.beslutParagraf.test(ctx.folded.slice(ctx.lines[i].start, ctx.lines[i].start + 3000))) beslutPar++;
    }
    if (RE.beslutande.test(fl)) beslutande++;
  }
  if (just) add('protokoll', Math.min(3, just), `'Justerare'/'Justering'`);
  if (beslutande) add('protokoll', 1, `'Beslutande'/'Närvarande'`);
  if (paragraphs) add('protokoll', beslutPar ? 1.5 : 0.5, `paragrafer ('§ …')`);
  if (/utdrag\s+(?:ur|fr\S+n)\s+(?:\S+\s+)?protokoll|protokollsutdrag|r\S+tt\s+utdraget\s+betygar/.test(head)) add('protokoll', 1.5, `'Protokollsutdrag'`);

  // skrivelse
  l = first(RE.skrivelseTitle, 6);
  if (l) add('skrivelse', 3.5, `rubrik '${short(l.text)}'`);

  // agenda (föredragningslista) — not a kind of its own
  let agendaHead = 0;
  let agendaItems = 0;
  let agendaWeb = 0;
  let seen = 0;
  for (let i = 0; i < ctx.lines.length && seen < 60; i++) {
    if (ctx.lines[i].blank) continue;
    seen++;
    const fl = ctx.flines[i].trim();
    if (RE.agendaHead.test(fl)) {
      agendaHead++;
      if (agendaHead === 1) add('agenda', 0, `'${short(ctx.lines[i].text, 40)}'`);
    }
    if (seen <= 12 && RE.agendaItem.test(fl)) agendaItems++;
    if (RE.agendaWeb.test(fl)) agendaWeb++;
  }
  if (agendaHead) add('agenda', 3 + Math.min(2, agendaHead - 1));
  // a meeting page (navigation, "Datum/Klockan/Plats") lists many matters: their cues do not make it one of them
  const webPage = /^(?:din\s+position:|hoppa\s+\S+ver\s+navigering|inget\s+protokoll\s+har\s+publicerats|m\S+te\s+\d{4}-\d\d-\d\d$|det\s+finns\s+ingen\s+information)/m.test(ctx.folded.slice(0, 400));
  if (webPage || agendaWeb >= 2) add('agenda', 6);
  if (agendaItems) add('agenda', agendaItems >= 2 ? 3 : 1.5, `punkter som 'Val av justerare'/'Godkännande av dagordning'`);
  if (agendaWeb >= 2) add('agenda', 1.5, `sammanträdessida ('Datum'/'Klockan'/'Plats')`);

  // --- decide ---------------------------------------------------------------
  // A tjänsteutlåtande that answers a remiss is a remissvar.
  if (score.remissvar >= 2 && (score.tjansteutlatande > 0 || score.remissvar >= 4)) {
    score.remissvar += score.tjansteutlatande;
    ev.remissvar.push(...ev.tjansteutlatande.filter((e) => !ev.remissvar.includes(e)));
  }
  // quoted att-satser inside a tjänsteutlåtande do not make it a motion
  if (score.tjansteutlatande + score.remissvar >= 4) score.motion = Math.min(score.motion, 1);
  // a protokoll header wins over agenda-like items it also contains
  const protHeader = ev.protokoll.some((e) => e.startsWith('rubrik')) || pf !== null || (just >= 2 && beslutande > 0);
  if (protHeader) score.agenda = Math.min(score.agenda, 2);

  const ranked = (Object.keys(score) as Scored[]).sort((a, b) => score[b] - score[a]);
  const top = ranked[0];
  const second = ranked[1];
  const s1 = score[top];
  const s2 = score[second];

  if (en > sv * 1.2 && en > 10) {
    return { kind: 'unknown', confidence: 0.1, evidence: ['texten är inte på svenska'] };
  }
  if ((top === 'agenda' && s1 >= 3) || (webPage && !protHeader)) {
    return {
      kind: 'unknown',
      confidence: 0.4,
      evidence: ['föredragningslista/dagordning – ingen handlingstyp som kontrolleras', ...ev.agenda].slice(0, 5),
      subkind: 'foredragningslista',
    };
  }
  if (s1 < 2.5) {
    const why = council < 3 ? 'inga kännetecken på en nämndhandling' : 'för få kännetecken för att avgöra handlingstypen';
    return { kind: 'unknown', confidence: council < 3 ? 0.1 : 0.25, evidence: [why] };
  }
  const margin = s1 - Math.max(0, s2);
  const confidence = Math.round(Math.min(0.97, 0.45 + 0.06 * s1 + 0.05 * margin) * 100) / 100;
  let subkind: Subkind;
  if (top === 'protokoll' && ev.protokoll.includes(`'Protokollsutdrag'`)) subkind = 'protokollsutdrag';
  if (top === 'tjansteutlatande' && ev.tjansteutlatande.some((e) => /^rubrik '(?:\d+ )?(?:Utl|PM)/.test(e))) subkind = 'utlatande';
  if (top === 'remiss') subkind = 'remissmissiv';
  return { kind: top as DocumentKind, confidence, evidence: ev[top].slice(0, 6), subkind };
}

export type { Ctx as KindContext };
