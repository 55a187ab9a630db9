/**
 * UI text for the related-cases section and the history page (issue 9),
 * Swedish first, English second, chosen like the rest of the UI (uiLocale()).
 */
import { uiLocale } from './i18n';

const sv = {
  relatedHeading: 'Relaterade ärenden',
  relatedLoading: 'Letar bland dokument du har öppnat …',
  relatedNone: 'Inga andra dokument i samma ärende bland dem du har öppnat.',
  relatedDisabled: 'Ärendehistoriken är avstängd, så inga relaterade dokument visas.',
  relatedError: 'Kunde inte läsa ärendehistoriken: $1',
  relatedLocalFile: 'Lokal fil – öppna den igen från datorn: $1',
  relatedOpen: 'Öppna $1',
  relatedSearchHeading: 'Sök vidare i stadens möteshandlingar',
  relatedSearchDnr: 'Diarienummer $1',
  relatedSearchMotion: 'Motionen ”$1”',
  relatedSearchHint: 'Öppnar stadens möteshandlingar (eDok Meetings) och kopierar söktexten – klistra in den i sökrutan.',
  relatedHistoryLink: 'Visa historiken',
  untitled: '(utan titel)',
  historyTitle: 'Remisskollen – ärendehistorik',
  historyIntro:
    'Remisskollen kommer ihåg de nämndhandlingar du öppnar, så att du ser vilka andra dokument i samma ärende du redan har läst. Allt sparas bara i den här webbläsaren på den här datorn. Ingenting skickas någonstans.',
  historyWhatStored:
    'För varje dokument sparas: adress eller filnamn, dokumenttyp, titel, datum, nämnd, diarienummer, motionens titel och förslagsställare, de lagrum som nämns och ett kompakt fingeravtryck av texten (för att känna igen nästan likadana texter). Själva texten sparas bara om du väljer ”Spara texten”.',
  historyEnabled: 'Kom ihåg dokument jag öppnar',
  historySaveText: 'Spara texten också',
  historyRetention: 'Dokument sparas i högst $1 dagar och högst $2 dokument; de äldsta tas bort först.',
  historySearch: 'Sök i historiken',
  historySearchPlaceholder: 'Titel, diarienummer, nämnd eller lag',
  historyCount: '$1 av $2 dokument',
  historyEmpty: 'Historiken är tom.',
  historyNoMatch: 'Inga dokument matchar sökningen.',
  historyKind: 'Typ',
  historyDocTitle: 'Titel',
  historyDate: 'Datum',
  historyAuthority: 'Nämnd',
  historyDnr: 'Diarienummer',
  historyLaws: 'Lagrum',
  historyLastSeen: 'Senast öppnad',
  historyActions: 'Åtgärder',
  historyDelete: 'Ta bort',
  historyDeleteLabel: 'Ta bort $1 ur historiken',
  historyClear: 'Rensa historik',
  historyClearConfirm: 'Ta bort alla $1 dokument ur historiken? Det går inte att ångra.',
  historyExport: 'Exportera (JSON)',
  historyImport: 'Importera (JSON)',
  historyImported: '$1 dokument importerades.',
  historyImportFailed: 'Importen misslyckades: $1',
  historyCleared: 'Historiken är rensad.',
  historyDeleted: 'Dokumentet togs bort ur historiken.',
  historyExportHint: 'Exportera för att flytta historiken till en annan dator, och importera filen där.',
  localFile: 'lokal fil',
} as const;

type Strings = Record<keyof typeof sv, string>;

const en: Strings = {
  relatedHeading: 'Related cases',
  relatedLoading: 'Looking among the documents you have opened …',
  relatedNone: 'No other documents of the same case among those you have opened.',
  relatedDisabled: 'The case history is switched off, so no related documents are shown.',
  relatedError: 'Could not read the case history: $1',
  relatedLocalFile: 'Local file – open it again from your computer: $1',
  relatedOpen: 'Open $1',
  relatedSearchHeading: "Search the city's meeting documents",
  relatedSearchDnr: 'Case number $1',
  relatedSearchMotion: 'The motion “$1”',
  relatedSearchHint: "Opens the city's meeting documents (eDok Meetings) and copies the search text – paste it into the search box.",
  relatedHistoryLink: 'Show the history',
  untitled: '(untitled)',
  historyTitle: 'Remisskollen – case history',
  historyIntro:
    'Remisskollen remembers the council documents you open, so you can see which other documents of the same case you have already read. Everything is stored only in this browser on this computer. Nothing is sent anywhere.',
  historyWhatStored:
    'For each document it stores: address or file name, kind, title, date, authority, case numbers, the motion’s title and authors, the laws cited, and a compact fingerprint of the text (to recognise near-identical texts). The text itself is stored only if you choose “Save the text”.',
  historyEnabled: 'Remember documents I open',
  historySaveText: 'Save the text too',
  historyRetention: 'Documents are kept for at most $1 days and at most $2 documents; the oldest go first.',
  historySearch: 'Search the history',
  historySearchPlaceholder: 'Title, case number, authority or law',
  historyCount: '$1 of $2 documents',
  historyEmpty: 'The history is empty.',
  historyNoMatch: 'No documents match the search.',
  historyKind: 'Kind',
  historyDocTitle: 'Title',
  historyDate: 'Date',
  historyAuthority: 'Authority',
  historyDnr: 'Case number',
  historyLaws: 'Laws',
  historyLastSeen: 'Last opened',
  historyActions: 'Actions',
  historyDelete: 'Delete',
  historyDeleteLabel: 'Delete $1 from the history',
  historyClear: 'Clear history',
  historyClearConfirm: 'Delete all $1 documents from the history? This cannot be undone.',
  historyExport: 'Export (JSON)',
  historyImport: 'Import (JSON)',
  historyImported: '$1 documents imported.',
  historyImportFailed: 'Import failed: $1',
  historyCleared: 'The history has been cleared.',
  historyDeleted: 'The document was deleted from the history.',
  historyExportHint: 'Export to move the history to another computer, and import the file there.',
  localFile: 'local file',
};

export type RelatedStringKey = keyof typeof sv;

const STRINGS: Record<'sv' | 'en', Strings> = { sv, en };
const locale = uiLocale();

export function rt(key: RelatedStringKey, ...subs: (string | number)[]): string {
  return STRINGS[locale][key].replace(/\$(\d)/g, (m, n: string) => String(subs[Number(n) - 1] ?? m));
}

/**
 * The city's meeting documents: Stockholm publishes them in eDok Meetings
 * (Formpipe MeetingPlus) at edokmeetings.stockholm.se. No documented search
 * address with a query parameter could be verified, so links open the site's
 * start page and the UI copies the search text for the user to paste.
 */
export const MEETING_DOCUMENTS_URL = 'https://edokmeetings.stockholm.se/';
