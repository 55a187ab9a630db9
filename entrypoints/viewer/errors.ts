/** What went wrong, in the reader's language — never a blank page. */
import { t } from '@/components/i18n';
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
  const which =
    pages.length === total ? (total === 1 ? t('viewer_errPageOne') : t('viewer_errPagesAll', String(total))) : t('viewer_errPages', pageList(pages));
  return { code: 'no-text', title: t('viewer_errNoTextTitle'), detail: t('viewer_errNoTextDetail', which) };
}

export function describeLoadError(error: unknown, truncated: boolean): ViewerError {
  if (error instanceof LoadError) {
    switch (error.code) {
      case 'not-pdf':
        return { code: 'not-pdf', title: t('viewer_errNotPdfTitle'), detail: t('viewer_errNotPdfDetail') };
      case 'empty':
        return { code: 'empty', title: t('viewer_errEmptyTitle'), detail: t('viewer_errEmptyDetail') };
      case 'no-access':
        return {
          code: 'no-access',
          title: t('viewer_errNoAccessTitle'),
          detail: t('viewer_errNoAccessDetail', error.origin ? new URL(error.origin).host : ''),
          origin: error.origin,
        };
      case 'file-access':
        return { code: 'file-access', title: t('viewer_errFileAccessTitle'), detail: t('viewer_errFileAccessDetail') };
      case 'not-found':
        return { code: 'not-found', title: t('viewer_errNotFoundTitle'), detail: error.message };
      default:
        return { code: error.code, title: t('viewer_errFetchTitle'), detail: error.message };
    }
  }
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') {
    return { code: 'password', title: t('viewer_passwordTitle'), detail: t('viewer_errPasswordDetail') };
  }
  return {
    code: 'corrupt',
    title: truncated ? t('viewer_errTruncatedTitle') : t('viewer_errCorruptTitle'),
    detail: truncated ? t('viewer_errTruncatedDetail') : t('viewer_errCorruptDetail'),
  };
}
