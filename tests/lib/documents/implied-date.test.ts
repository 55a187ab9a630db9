/**
 * A document without a date of its own still tells when it was written: the meeting it was written
 * for, or the year of its number. Laws are read at that date (issue 3's "which law a name means
 * depends on the date"), while `document.date` stays null (the contract's own date only).
 * Heads quoted from ../shared/corpus/council-docs (Stockholms stad, Upplands-Bro kommun).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib';
import { citationDate } from '../../../lib/analysis/analyze';
import { analyzeDocument } from '../../../lib/documents';

const implied = (text: string) => analyzeDocument(text).impliedDate;
const laws = (text: string) => analyze(text).citations.filter((c) => c.kind === 'statute').map((c) => c.law?.sfs);

describe('the date a document implies', () => {
  it('is the meeting the document was written for or belongs to', () => {
    expect(implied('1 Handlingar till Socialnämndens sammanträde den 29 augusti 2013\n\nTJÄNSTESKRIVELSE Socialkontoret')).toMatchObject({ iso: '2013-08-29', exact: true });
    expect(implied('1 Bilaga 6:7 till kommunstyrelsens protokoll den 19 mars 2003, 8 PM 2003 RI+VII (Dnr /2002) Riktlinjer för ärendeansvar')).toMatchObject({ iso: '2003-03-19', exact: true });
  });

  it('else the year of its own number or diarienummer at its start', () => {
    expect(implied('1 PM 2016:122 RIX (Dnr /2016) Låt fler forma framtiden! (SOU 2016:5) Remiss från Kulturdepartementet')).toEqual({ iso: '2016-12-31', exact: false, basis: 'året 2016 i "PM 2016:122"' });
    expect(implied('1 Utlåtande 2012:124 RVII (Dnr /2011) Riktlinjer för handläggning av ärenden')).toMatchObject({ iso: '2012-12-31', exact: false });
    expect(implied('Tjänsteutlåtande\nDnr SN 2019/0456\nSvar på remiss om hemtjänst')).toMatchObject({ iso: '2019-12-31', exact: false, basis: 'året 2019 i diarienumret' });
  });

  it('else the first dated tjänsteskrivelse the text names (its Beslutsunderlag)', () => {
    // Karlskoga kommun, Kultur- och föreningsnämnden 2011 (../shared/corpus/council-docs)
    const text = '1 Tjänsteskrivelse KFN Handläggare: Nina Simonen Kultur- och föreningsnämnden Checklista … Beslutsunderlag Kultur- och föreningsnämndens tjänsteskrivelse den 26 oktober 2011 Barnchecklista. Kommunstyrelsens tjänsteskrivelse den 15 augusti 2011 Bakgrund. Policyn är att barnkonventionen beaktas i kommunala beslutsärenden.';
    expect(implied(text)).toEqual({ iso: '2011-10-26', exact: false, basis: 'datumet i "tjänsteskrivelse den 26 oktober 2011"' });
    // read in 2011, "barnkonventionen" is the UN convention, not lag (2018:1197)
    expect(laws(text)).toEqual([]);
  });

  it('else a web page\'s "Senast uppdaterad"', () => {
    const text = 'Om förvaltningslagen\n\nEnligt 10 § förvaltningslagen har den som är part rätt att ta del av uppgifter.\n\nSenast uppdaterad:\t2026-02-03';
    expect(implied(text)).toEqual({ iso: '2026-02-03', exact: false, basis: 'datumet i "Senast uppdaterad: 2026-02-03"' });
    // read in 2026: no note that förvaltningslagen meant 1986:223 until 2018
    expect(analyze(text, {}).problems.filter((p) => p.code === 'undated-law')).toEqual([]);
  });

  it('is nothing for a year further in, a meeting date in the body, or a document with its own date', () => {
    expect(implied('Svar på remiss om hemtjänst\n\n' + 'Bakgrund. '.repeat(80) + 'Ärendet behandlades vid sammanträdet den 29 augusti 2013. Se även prop. 2016/17:180.')).toBeNull();
    expect(implied('Tjänsteutlåtande\nDatum 2024-03-05\nDnr SN 2019/0456')).toBeNull();
    expect(implied('Motion om hemtjänst. Socialnämnden ska enligt motion (2007:13) utreda frågan.')).toBeNull();
  });

  it('is the date laws are read at, after the own and the chosen date; a year is not a known date', () => {
    const y = { iso: '2016-12-31', exact: false, basis: 'året 2016 i "PM 2016:122"' };
    expect(citationDate('2024-01-01', y, '2026-11-26')).toEqual({ date: '2024-01-01', dateKnown: true });
    expect(citationDate(null, y, '2026-11-26')).toEqual({ date: '2016-12-31', dateKnown: false, implied: { basis: y.basis, since: '2016-01-01' } });
    expect(citationDate(null, { ...y, iso: '2026-12-31' }, '2026-11-26')).toMatchObject({ date: '2026-11-26', dateKnown: false });
    expect(citationDate(null, { ...y, iso: '2027-12-31' }, '2026-11-26')).toEqual({ date: '2026-11-26', dateKnown: false });
    expect(citationDate(null, { iso: '2013-08-29', exact: true, basis: '' }, '2026-11-26')).toEqual({ date: '2013-08-29', dateKnown: true });
    expect(citationDate(null, null, '2026-11-26')).toEqual({ date: '2026-11-26', dateKnown: false });
  });
});

describe('laws read at the implied date', () => {
  it('kommunallagen in a 2016 PM is 1991:900, with no note', () => {
    const text = '1 PM 2016:122 RIX (Dnr /2016) Låt fler forma framtiden!\nEnligt kommunallagen ska fullmäktige verka för att kommunmedlemmarna kan delta.';
    const r = analyze(text);
    expect(r.document.date).toBeNull();
    expect(laws(text)).toEqual(['1991:900']);
    expect(r.problems.filter((p) => p.code === 'undated-law' || p.code === 'repealed-law')).toEqual([]);
  });

  it('a law whose meaning changed during the year gets a note naming the year it was read from', () => {
    const r = analyze('1 Utlåtande 2025:12 RV (Dnr /2025) Hemtjänst\nEnligt 4 kap. 1 § socialtjänstlagen har den enskilde rätt till bistånd.');
    expect(r.citations.filter((c) => c.kind === 'statute').map((c) => c.law?.sfs)).toEqual(['2025:400']);
    const notes = r.problems.filter((p) => p.code === 'undated-law');
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('efter året 2025 i "Utlåtande 2025:12" som socialtjänstlagen (2025:400)');
    expect(notes[0].message).toContain('Före 2025-07-01 avsågs socialtjänstlagen (2001:453)');
  });

  it('a repealed law cited in a document of that year is reported as information, saying where the date came from', () => {
    const r = analyze('1 PM 2019:3 RIX (Dnr /2019) Remiss\nFrågan regleras i kommunallagen (1991:900).');
    const repealed = r.problems.filter((p) => p.code === 'repealed-law');
    expect(repealed).toHaveLength(1);
    expect(repealed[0]).toMatchObject({ severity: 'info' });
    expect(repealed[0].message).toContain('bedömningen utgår från året 2019 i "PM 2019:3"');
  });

  const local = new URL('../../fixtures/documents/council-docs/sthlm-ks-pm-2016-122-remiss-sou-2016-5.txt', import.meta.url);
  it.skipIf(!existsSync(local))('the 2016 PM answering SOU 2016:5 reads kommunallagen as 1991:900', () => {
    const text = readFileSync(local, 'utf8');
    const kl = analyze(text).citations.filter((c) => c.kind === 'statute' && /kommunallagen/i.test(c.text));
    expect(kl.length).toBeGreaterThan(0);
    expect(new Set(kl.map((c) => c.law?.sfs))).toEqual(new Set(['1991:900']));
  });
});
