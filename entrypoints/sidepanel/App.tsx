import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AnalyzeResponse } from '@/lib/messages';
import { AnalysisView } from '@/components/AnalysisView';
import { t } from '@/components/i18n';
import { requestAnalysis, targetTabId } from './tab-analysis';

type State = { status: 'loading' } | { status: 'done'; response: AnalyzeResponse };

export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const tabId = useRef<number | null>(null);
  const generation = useRef(0);

  /** Asks for the target tab's analysis; only the newest request may update the panel. */
  const load = useCallback(() => {
    const mine = ++generation.current;
    void targetTabId()
      .then(async (id) => {
        tabId.current = id;
        return id === null ? ({ ok: false, reason: t('unreadableNoTab') } as const) : requestAnalysis(id);
      })
      .then((response) => {
        if (mine === generation.current) setState({ status: 'done', response });
      });
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    load();
  }, [load]);

  useEffect(() => {
    load();
    // Follow the tab: switching tabs or a finished navigation refreshes the panel.
    const onActivated = () => reload();
    const onUpdated = (id: number, info: { status?: string }) => {
      if (info.status === 'complete' && id === tabId.current) reload();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [load, reload]);

  return (
    <main className="panel" aria-busy={state.status === 'loading'}>
      <header className="panel-header">
        <h1>{t('panelTitle')}</h1>
        <button type="button" onClick={reload}>
          {t('refresh')}
        </button>
      </header>
      {state.status === 'loading' ? (
        <p role="status">{t('loading')}</p>
      ) : state.response.ok ? (
        <AnalysisView result={state.response.result} />
      ) : (
        <p role="alert" className="unreadable" data-testid="unreadable">
          {state.response.reason}
        </p>
      )}
    </main>
  );
}
