/** What went wrong, in Swedish, for the reader — never a blank page. */
import { LoadError } from './source';

export interface ViewerError {
  code: string;
  title: string;
  detail: string;
  /** For 'no-access': the origin to ask permission for. */
  origin?: string;
}

/** "1–3, 5, 7–8" */
export function pageList(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return parts.join(', ');
}

export function noTextError(pages: number[], total: number): ViewerError {
  const which = pages.length === total ? (total === 1 ? 'Sidan' : `Alla ${total} sidor`) : `Sidorna ${pageList(pages)}`;
  return {
    code: 'no-text',
    title: 'Dokumentet har ingen text att analysera.',
    detail: `${which} saknar textlager – dokumentet är troligen inskannat som bilder. Kör textigenkänning (OCR) på filen och öppna den igen.`,
  };
}

export function describeLoadError(error: unknown, truncated: boolean): ViewerError {
  if (error instanceof LoadError) {
    switch (error.code) {
      case 'not-pdf':
        return { code: 'not-pdf', title: 'Filen är ingen PDF.', detail: 'Den saknar PDF-huvud. Kontrollera att du har öppnat rätt fil.' };
      case 'empty':
        return { code: 'empty', title: 'Filen är tom.', detail: 'Den innehåller inga data. Hämta den på nytt.' };
      case 'no-access':
        return {
          code: 'no-access',
          title: 'Remisskollen får inte hämta filen.',
          detail: `${error.message} Ge behörighet med knappen nedan, eller ladda ned filen och öppna den med ”Öppna fil”.`,
          origin: error.origin,
        };
      case 'file-access':
        return {
          code: 'file-access',
          title: 'Remisskollen får inte läsa filer på datorn.',
          detail:
            'Öppna chrome://extensions, välj Detaljer under Remisskollen och slå på ”Tillåt åtkomst till webbadresser för filer”. Ladda sedan om sidan – eller välj filen med ”Öppna fil” eller dra den hit.',
        };
      case 'not-found':
        return { code: 'not-found', title: 'Filen hittades inte.', detail: error.message };
      default:
        return { code: error.code, title: 'Filen kunde inte hämtas.', detail: error.message };
    }
  }
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') {
    return { code: 'password', title: 'Dokumentet är lösenordsskyddat.', detail: 'Det kan inte visas utan lösenord.' };
  }
  return {
    code: 'corrupt',
    title: truncated ? 'PDF-filen är ofullständig.' : 'PDF-filen är skadad.',
    detail: truncated
      ? 'Filen slutar mitt i – hämtningen avbröts troligen. Hämta den på nytt.'
      : 'Den går inte att läsa. Hämta den på nytt, eller be avsändaren om en ny fil.',
  };
}
