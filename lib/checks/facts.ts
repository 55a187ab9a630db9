/**
 * Fact rules the engine does not have: inconsistent diarienummer, a date in the
 * future, a handläggare without phone, a remissvar whose decision proposal does
 * not mention the remiss. (Missing date, diarienummer and handläggare come from
 * the engine's profile check.)
 */
import type { AnalysisResult } from '../analysis/schema';
import { fold } from '../documents/fold';
import { findCaseNumbers } from '../documents/case-numbers';
import type { RawFinding } from './types';

/** "KS 2023/105" → registry "KS", year "2023", serial "105" (two-digit years widened). */
function parts(ref: string): { registry: string; year: string; serial: string } | null {
  const m = /^([A-ZÅÄÖ]{1,6}(?:[- ][A-ZÅÄÖ]{1,4})?)\s?(\d{2}|\d{4})\/(\d{1,6})/.exec(ref);
  if (!m) return null;
  const year = m[2].length === 2 ? `20${m[2]}` : m[2];
  return { registry: m[1].replace(/[- ]/g, ''), year, serial: m[3].replace(/^0+/, '') };
}

export function factFindings(text: string, result: AnalysisResult, today: string): RawFinding[] {
  const out: RawFinding[] = [];
  const doc = result.document;

  // Inconsistent diarienummer: two "Dnr" numbers of the same registry and year with different serials
  // ("Dnr SN 2023/123" in the head, "Dnr SN 2023/132" further down).
  const numbers = findCaseNumbers(text);
  const firstOf = new Map<string, { ref: string; serial: string; start: number }>();
  const reported = new Set<string>();
  for (const cn of numbers) {
    // only numbers written as the document's own ("Dnr …", "Diarienummer …"); a bare number may be another matter
    if (!/^(?:dnr|diarie)/i.test(cn.text)) continue;
    const p = parts(cn.ref);
    if (!p) continue;
    const key = `${p.registry} ${p.year}`;
    const first = firstOf.get(key);
    if (!first) {
      firstOf.set(key, { ref: cn.ref, serial: p.serial, start: cn.start });
      continue;
    }
    if (first.serial === p.serial || reported.has(`${key}/${p.serial}`)) continue;
    reported.add(`${key}/${p.serial}`);
    out.push({
      rule: 'case-number-inconsistent',
      code: 'case-number-inconsistent',
      severity: 'warning',
      message: `Diarienumret ${cn.ref} skiljer sig från ${first.ref} tidigare i texten (samma diarium och år). Är det samma ärende?`,
      suggestion: `Kontrollera numret; om det är samma ärende: ${first.ref}.`,
      start: cn.start,
      end: cn.end,
    });
  }

  // A date in the future.
  if (doc.date && doc.date > today) {
    const at = text.indexOf(doc.date);
    out.push({
      rule: 'date-future',
      code: 'date-future',
      severity: 'warning',
      message: `Handlingens datum ${doc.date} ligger efter dagens datum (${today}).`,
      suggestion: 'Kontrollera datumet; en handling dateras normalt den dag den skrivs under.',
      ...(at >= 0 ? { start: at, end: at + doc.date.length } : {}),
    });
  }

  // A handläggare without phone.
  if (doc.officer && !doc.officer.phone) {
    const at = text.indexOf(doc.officer.name);
    out.push({
      rule: 'officer-phone-missing',
      code: 'officer-phone-missing',
      severity: 'warning',
      message: `Handläggaren ${doc.officer.name} anges utan telefonnummer.`,
      suggestion: `Lägg till "Telefon: 08-508 …" under handläggarens namn.`,
      ...(at >= 0 ? { start: at, end: at + doc.officer.name.length } : {}),
    });
  }

  // A remissvar whose decision proposal does not mention the remiss.
  if (doc.kind === 'remissvar' && doc.proposals.length > 0) {
    const mentions = doc.proposals.some((p) => /remiss|yttrande|svar p[aå]|besvara/.test(fold(p)));
    if (!mentions) {
      const sec = result.sections.find((s) => s.id === 'forslag-till-beslut');
      out.push({
        rule: 'remiss-not-mentioned',
        code: 'remiss-not-mentioned',
        severity: 'warning',
        message: 'Förslaget till beslut nämner inte remissen: det framgår inte att nämnden svarar på den.',
        suggestion: 'Skriv t.ex. "Nämnden godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen."',
        ...(sec ? { start: sec.start, end: sec.start + sec.heading.length } : {}),
      });
    }
  }
  return out;
}
