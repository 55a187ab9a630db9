/**
 * Remisskollen's PDF viewer (an unlisted extension page, viewer.html):
 * `?file=<address>` opens a PDF from the web or the disk; a file can also be
 * picked or dropped. The pages are drawn by the controller outside React;
 * React draws the toolbar, the messages and the password prompt.
 */
import { StrictMode, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { fileParam } from '@/lib/messages/pdf';
import { ViewerController, type ViewerState, type Zoom } from './controller';
import { ZOOM_STEPS } from './pages';
import './viewer.css';
import { applyLanguageSetting, t } from '@/components/i18n';
import { settings } from '@/components/settings';

const pagesEl = document.createElement('div');
pagesEl.id = 'pages';
pagesEl.className = 'pages';
const controller = new ViewerController(pagesEl);
(globalThis as { remisskollenViewer?: unknown }).remisskollenViewer = controller.debugHandle();

const isPdfFile = (f: File) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);

function Toolbar({ state, onPick }: { state: ViewerState; onPick: () => void }) {
  const findRef = useRef<HTMLInputElement>(null);
  const [pageInput, setPageInput] = useState<string | null>(null);
  const ready = state.phase === 'ready';

  useEffect(() => {
    if (state.focusFind > 0) {
      findRef.current?.focus();
      findRef.current?.select();
    }
  }, [state.focusFind]);

  const submitPage = (e: FormEvent) => {
    e.preventDefault();
    if (pageInput !== null) controller.goToPage(Number(pageInput));
    setPageInput(null);
  };
  const zoomValue = state.zoom === 'fit-width' ? 'fit-width' : String(state.zoom);
  const progress =
    ready && state.analysedPages < state.pageCount
      ? t('viewer_analysing', String(state.analysedPages), String(state.pageCount))
      : ready
        ? t('viewer_citations', String(state.citations))
        : '';

  return (
    <header className="toolbar" role="toolbar" aria-label={t('viewer_toolbar')}>
      <button type="button" onClick={onPick} data-testid="open-file">
        {t('viewer_openFile')}
      </button>
      <span className="file-name" title={state.sourceUrl ?? state.fileName}>
        {state.fileName}
      </span>
      <form className="page-nav" onSubmit={submitPage}>
        <label>
          <span className="visually-hidden">{t('viewer_page')}</span>
          <input
            data-testid="page-number"
            inputMode="numeric"
            size={4}
            disabled={!ready}
            value={pageInput ?? String(state.currentPage)}
            onChange={(e) => setPageInput(e.target.value)}
            onBlur={submitPage}
            aria-label={t('viewer_pageNumber')}
          />
        </label>
        <span data-testid="page-count">/ {state.pageCount}</span>
      </form>
      <div className="zoom">
        <button type="button" disabled={!ready} onClick={() => controller.zoomStep(-1)} aria-label={t('viewer_zoomOut')} title={`${t('viewer_zoomOut')} (Ctrl −)`}>
          −
        </button>
        <select
          aria-label="Zoom"
          data-testid="zoom"
          disabled={!ready}
          value={ZOOM_STEPS.some((z) => String(z) === zoomValue) || zoomValue === 'fit-width' ? zoomValue : 'custom'}
          onChange={(e) => controller.setZoom(e.target.value === 'fit-width' ? 'fit-width' : (Number(e.target.value) as Zoom))}
        >
          <option value="fit-width">{t('viewer_fitWidth')}</option>
          {!ZOOM_STEPS.some((z) => String(z) === zoomValue) && zoomValue !== 'fit-width' && (
            <option value="custom">{Math.round(state.scale * 100)} %</option>
          )}
          {ZOOM_STEPS.map((z) => (
            <option key={z} value={String(z)}>
              {Math.round(z * 100)} %
            </option>
          ))}
        </select>
        <button type="button" disabled={!ready} onClick={() => controller.zoomStep(1)} aria-label={t('viewer_zoomIn')} title={`${t('viewer_zoomIn')} (Ctrl +)`}>
          +
        </button>
      </div>
      <form
        className="find"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          controller.find(findRef.current?.value ?? '', 1);
        }}
      >
        <input
          ref={findRef}
          type="search"
          placeholder={t('viewer_find')}
          aria-label={t('viewer_find')}
          data-testid="find"
          disabled={!ready}
          onChange={(e) => controller.find(e.target.value, 0)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              controller.find(e.currentTarget.value, -1);
            }
          }}
        />
        <button type="button" disabled={!ready} onClick={() => controller.find(findRef.current?.value ?? '', -1)} aria-label={t('viewer_findPrevious')}>
          ↑
        </button>
        <button type="submit" disabled={!ready} aria-label={t('viewer_findNext')}>
          ↓
        </button>
        <output data-testid="find-count" aria-live="polite">
          {state.find.query ? (state.find.count ? t('viewer_findCount', String(state.find.index + 1), String(state.find.count)) : t('viewer_noMatches')) : ''}
        </output>
      </form>
      <button type="button" disabled={!ready} onClick={() => controller.print()} data-testid="print">
        {t('viewer_print')}
      </button>
      <button type="button" disabled={!ready} onClick={() => controller.download()} data-testid="download">
        {t('viewer_download')}
      </button>
      {state.sourceUrl && (
        <a
          href={state.sourceUrl}
          data-testid="browser-viewer"
          onClick={(e) => {
            e.preventDefault();
            controller.openInBrowserViewer();
          }}
        >
          {t('viewer_browserViewer')}
        </a>
      )}
      <span className="status" role="status" data-testid="status">
        {progress}
      </span>
    </header>
  );
}

function PasswordPrompt({ retry }: { retry: boolean }) {
  const [password, setPassword] = useState('');
  return (
    <form
      className="message password"
      data-testid="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        controller.submitPassword(password);
      }}
    >
      <h1>{t('viewer_passwordTitle')}</h1>
      <p>{t('viewer_passwordIntro')}</p>
      {retry && (
        <p role="alert" className="error-text" data-testid="password-wrong">
          {t('viewer_passwordWrong')}
        </p>
      )}
      <label>
        {t('viewer_password')}{' '}
        <input
          type="password"
          autoFocus
          autoComplete="off"
          data-testid="password-input"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit">{t('viewer_open')}</button>
        <button type="button" onClick={() => controller.cancelPassword()}>
          {t('viewer_cancel')}
        </button>
      </div>
    </form>
  );
}

function ErrorMessage({ state, onPick }: { state: ViewerState; onPick: () => void }) {
  const error = state.error!;
  return (
    <section className="message error" role="alert" data-testid="viewer-error" data-code={error.code}>
      <h1>{error.title}</h1>
      <p>{error.detail}</p>
      <div className="actions">
        {error.code === 'no-access' && error.origin && (
          <button type="button" onClick={() => void controller.requestAccess(error.origin!)}>
            {t('grantAccess', new URL(error.origin).host)}
          </button>
        )}
        {state.sourceUrl && !/^file:/i.test(state.sourceUrl) && (
          <button type="button" onClick={() => controller.retry()}>
            {t('viewer_retry')}
          </button>
        )}
        <button type="button" onClick={onPick}>
          {t('viewer_openOther')}
        </button>
      </div>
    </section>
  );
}

function Viewer() {
  const state = useSyncExternalStore(controller.store.subscribe, controller.store.get);
  const pagesHost = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    pagesHost.current?.append(pagesEl);
  }, []);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = [...(e.dataTransfer?.files ?? [])].find(isPdfFile) ?? e.dataTransfer?.files[0];
      if (file) void controller.open({ kind: 'file', file });
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);

  const pick = () => fileInput.current?.click();

  return (
    <>
      <Toolbar state={state} onPick={pick} />
      <input
        ref={fileInput}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void controller.open({ kind: 'file', file });
          e.target.value = '';
        }}
      />
      <main className="viewer" data-phase={state.phase} data-testid="viewer" aria-busy={state.phase === 'loading'}>
        {state.notices.length > 0 && (
          <div className="notices" data-testid="viewer-notice" role="status">
            {state.notices.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </div>
        )}
        {state.phase === 'empty' && (
          <section className="message" data-testid="viewer-empty">
            <h1>{t('viewer_emptyTitle')}</h1>
            <p>{t('viewer_emptyIntro')}</p>
            <button type="button" onClick={pick}>
              {t('viewer_openFile')}
            </button>
          </section>
        )}
        {state.phase === 'loading' && state.pageCount === 0 && (
          <p className="message" role="status" data-testid="viewer-loading">
            Öppnar {state.fileName} …
          </p>
        )}
        {state.phase === 'password' && <PasswordPrompt key={String(state.passwordRetry)} retry={state.passwordRetry} />}
        {state.phase === 'error' && state.error && <ErrorMessage state={state} onPick={pick} />}
        <div ref={pagesHost} hidden={state.phase !== 'ready'} />
      </main>
      {dragging && (
        <div className="drop-zone" aria-hidden="true">
          {t('viewer_drop')}
        </div>
      )}
    </>
  );
}

// The language setting is applied first; the document starts loading at once.
void settings.get().then(({ language }) => {
  applyLanguageSetting(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Viewer />
    </StrictMode>,
  );
});

const file = fileParam(location.search);
if (window.top !== window) {
  // Never inside another site's page: the viewer reads files with the extension's permissions.
  document.body.textContent = t('viewer_framed');
} else if (file && new URLSearchParams(location.search).get('measure') === 'first-page') {
  void controller.measureFirstPage({ kind: 'url', url: file });
} else if (file) void controller.open({ kind: 'url', url: file });
