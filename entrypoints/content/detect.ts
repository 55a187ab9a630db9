/**
 * Step one of recognising a council document, before any analysis: a cheap
 * look at the address, the title and the headings (as Zotero's translators
 * first test the URL). Step two is the analysis itself (`isCouncilDocument`).
 */
import type { AnalysisResult } from '@/lib';

/** Hosts that publish the city's council documents (meeting pages, intranet, document archive). */
const COUNCIL_HOSTS = [/(^|\.)stockholm\.se$/i, /(^|\.)stockholm$/i];

const COUNCIL_WORDS =
  /\b(tj[aä]nsteutl[aå]tande|motion|remiss(?:svar)?|yttrande|protokoll(?:sutdrag)?|f[oö]redragningslista|n[aä]mnd|kommunfullm[aä]ktige|kommunstyrelsen|dnr|diarienummer|f[oö]rslag till beslut)\b/i;

export interface PageSignals {
  url: string;
  title: string;
  /** The text of the first few headings (h1–h3). */
  headings: string[];
}

/** True when the page looks worth analysing without being asked. */
export function looksLikeCouncilPage(signals: PageSignals): boolean {
  let host = '';
  try {
    host = new URL(signals.url).hostname;
  } catch {
    return false;
  }
  if (COUNCIL_HOSTS.some((re) => re.test(host))) return true;
  return COUNCIL_WORDS.test(signals.title) || signals.headings.some((h) => COUNCIL_WORDS.test(h));
}

/** Step two: the analysis recognised a council document. */
export function isCouncilDocument(result: AnalysisResult): boolean {
  return result.document.kind !== 'unknown' && result.document.confidence >= 0.5;
}
