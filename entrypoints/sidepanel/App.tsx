import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { lawSectionRequest, LawSectionResponseSchema, PageChangedSchema, revealRequest, type AnalyzeResponse, type LawSectionResponse } from '@/lib/messages';
import { currentLocale, keyPart, t, type MessageKey } from '@/components/i18n';
import { MAX_HIGHLIGHTS } from '@/components/highlights';
import { Tabs, type TabSpec } from '@/components/panel/Tabs';
import { Overview } from '@/components/panel/Overview';
import { SectionsTab } from '@/components/panel/SectionsTab';
import { CitationsTab } from '@/components/panel/CitationsTab';
import { ProblemsTab } from '@/components/panel/ProblemsTab';
import { ExportBar } from '@/components/panel/ExportBar';
import { RelatedCases } from '@/components/RelatedCases';
import { OpenPdfButton } from '@/components/OpenPdfButton';
import { DraftCheck } from '@/components/DraftCheck';
import { tabFieldBridge } from '@/components/field-bridge';
import { DraftHandoffMessageSchema, PENDING_DRAFT_KEY } from '@/lib/messages/draft';
import { followedWindowId, requestAnalysis, sendToTab, targetTabId } from './tab-analysis';

type State = { status: 'loading' } | { status: 'done'; response: AnalyzeResponse; tabId: number | null; url?: string };
type TabId = 'overview' | 'sections' | 'citations' | 'problems' | 'related';

async function loadSection(sfs: string, section: string, chapter?: string): Promise<LawSectionResponse> {
  const parsed = LawSectionResponseSchema.safeParse(await browser.runtime.sendMessage(lawSectionRequest(sfs, section, chapter)));
  return parsed.success ? parsed.data : { ok: false };
}

export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [active, setActive] = useState<TabId>('overview');
  const [profile, setProfile] = useState('');
  const tabId = useRef<number | null>(null);
  const generation = useRef(0);
  // The page's analysis, or the draft check (which works even where the page cannot be read).
  const [view, setView] = useState<'page' | 'draft'>(() =>
    new URLSearchParams(location.search).get('view') === 'draft' ? 'draft' : 'page',
  );

  useEffect(() => {
    // Text handed over by "Kontrollera markerad text" opens the draft check.
    void storage.getItem(PENDING_DRAFT_KEY).then((draft) => {
      if (draft) setView('draft');
    });
    const onDraft = (message: unknown) => {
      if (DraftHandoffMessageSchema.safeParse(message).success) setView('draft');
    };
    browser.runtime.onMessage.addListener(onDraft);
    return () => browser.runtime.onMessage.removeListener(onDraft);
  }, []);

  const fieldBridge = useMemo(() => tabFieldBridge(state.status === 'done' ? (state.tabId ?? undefined) : undefined), [state]);

  /** Asks for the target tab's analysis; only the newest request may update the panel. */
  const load = useCallback((chosenProfile: string) => {
    const mine = ++generation.current;
    void targetTabId()
      .then(async (id) => {
        tabId.current = id;
        if (id === null) return { response: { ok: false, reason: t('unreadableNoTab') } as AnalyzeResponse, url: undefined };
        const url = await browser.tabs.get(id).then((tab) => tab.url, () => undefined);
        return { response: await requestAnalysis(id, chosenProfile || undefined), url };
      })
      .then(({ response, url }) => {
        if (mine === generation.current) setState({ status: 'done', response, tabId: tabId.current, url });
      });
  }, []);

  const reload = useCallback(
    (chosenProfile = profile) => {
      setState({ status: 'loading' });
      load(chosenProfile);
    },
    [load, profile],
  );

  useEffect(() => {
    load('');
    // Follow the tab: switching tabs, a finished navigation or a changed page refreshes the panel.
    const onActivated = (info: { windowId: number }) => {
      const followed = followedWindowId();
      if (followed === null || info.windowId === followed) reload('');
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (info.status === 'complete' && id === tabId.current) reload();
    };
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (PageChangedSchema.safeParse(message).success && sender.tab?.id === tabId.current) load(profile);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [load, reload, profile]);

  const reveal = useCallback((start: number, end: number) => {
    if (state.status !== 'done' || state.tabId === null) return;
    void sendToTab(state.tabId, state.url, revealRequest(start, end)).catch(() => {});
  }, [state]);

  const chooseProfile = (name: string) => {
    setProfile(name);
    reload(name);
  };

  return (
    <main className="panel" aria-busy={state.status === 'loading'}>
      <header className="panel-header">
        <h1>{t('panelTitle')}</h1>
        <div className="view-switch" role="group" aria-label={t('viewLabel')}>
          <button type="button" aria-pressed={view === 'page'} onClick={() => setView('page')} data-testid="view-page">
            {t('viewPage')}
          </button>
          <button type="button" aria-pressed={view === 'draft'} onClick={() => setView('draft')} data-testid="view-draft">
            {t('viewDraft')}
          </button>
          {view === 'page' && (
            <button type="button" onClick={() => reload()}>
              {t('refresh')}
            </button>
          )}
        </div>
      </header>
      {view === 'draft' ? (
        <DraftCheck fieldBridge={fieldBridge} />
      ) : state.status === 'loading' ? (
        <p role="status" className="loading">
          <span className="spinner" aria-hidden="true" /> {t('analysing')}
        </p>
      ) : !state.response.ok ? (
        <div role="alert" className="unreadable">
          <p data-testid="unreadable">{state.response.reason}</p>
          {state.response.pdfUrl && <OpenPdfButton pdfUrl={state.response.pdfUrl} tabId={state.tabId} />}
          {state.response.needsAccess && state.url && <GrantAccess url={state.url} onGranted={() => reload()} />}
        </div>
      ) : (
        <Analysis response={state.response} url={state.url} active={active} setActive={setActive} profile={profile} onProfile={chooseProfile} onReveal={reveal} />
      )}
    </main>
  );
}

function Analysis({
  response,
  url,
  active,
  setActive,
  profile,
  onProfile,
  onReveal,
}: {
  response: Extract<AnalyzeResponse, { ok: true }>;
  url?: string;
  active: TabId;
  setActive: (id: TabId) => void;
  profile: string;
  onProfile: (name: string) => void;
  onReveal: (start: number, end: number) => void;
}) {
  const { result } = response;
  const missingErrors = result.missingSections.length;
  const tabs: TabSpec<TabId>[] = [
    { id: 'overview', label: t('tabOverview') },
    { id: 'sections', label: t('tabSections'), badge: missingErrors || undefined },
    { id: 'citations', label: t('tabCitations'), badge: response.truncated?.citations ?? result.citations.length },
    { id: 'problems', label: t('tabProblems'), badge: response.truncated?.problems ?? result.problems.length },
    { id: 'related', label: t('tabRelated') },
  ];
  return (
    <>
      {response.notices.map((n) => (
        <p key={n.code} className="notice" role="status" data-testid={`notice-${n.code}`}>
          {t(
            `notice_${keyPart(n.code)}` as MessageKey,
            (response.truncated?.citations ?? result.citations.length).toLocaleString(currentLocale() === 'sv' ? 'sv-SE' : 'en-GB'),
            MAX_HIGHLIGHTS.toLocaleString(currentLocale() === 'sv' ? 'sv-SE' : 'en-GB'),
          )}
        </p>
      ))}
      {response.truncated && (
        <p className="notice" role="status">
          {t('truncatedNotice', response.truncated.citations.toLocaleString('sv-SE'), response.truncated.problems.toLocaleString('sv-SE'))}
        </p>
      )}
      <ExportBar result={result} source={response.pageTitle || response.url} />
      <Tabs tabs={tabs} active={active} onChange={setActive}>
        {active === 'overview' && <Overview result={result} />}
        {active === 'sections' && <SectionsTab result={result} profile={profile} onProfile={onProfile} onReveal={onReveal} />}
        {active === 'citations' && <CitationsTab result={result} onReveal={onReveal} loadSection={loadSection} />}
        {active === 'problems' && <ProblemsTab result={result} onReveal={onReveal} />}
        {active === 'related' && <RelatedCases analysis={result} url={url} />}
      </Tabs>
    </>
  );
}

/** Asks the browser for access to the page's site (an optional host permission), from the user's click. */
function GrantAccess({ url, onGranted }: { url: string; onGranted: () => void }) {
  const [denied, setDenied] = useState(false);
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  if (!/^https?:/.test(origin)) return null;
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          void browser.permissions.request({ origins: [`${origin}/*`] }).then((granted) => (granted ? onGranted() : setDenied(true)))
        }
      >
        {t('grantAccess', new URL(url).host)}
      </button>
      {denied && <span role="status"> {t('grantAccessDenied')}</span>}
    </p>
  );
}
