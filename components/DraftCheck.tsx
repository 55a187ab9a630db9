/**
 * "Kontrollera utkast": the draft check (issue 8) in the side panel or on its
 * own extension page. Paste text, drop or pick a file, or get it from the
 * context menu's selection or a page's text field; choose a profile; the
 * findings are listed by kind and severity, each jumps to its place, can be
 * ignored once or by rule (rules kept in `local:ignoredRules`).
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { browser } from 'wxt/browser';
import { applyIgnores, checkDraft, GROUP_LABELS, RULES_BY_ID, type DraftReport, type Finding, type RuleGroup } from '@/lib/checks';
import { DraftHandoffMessageSchema, type FieldMark, type PendingDraft } from '@/lib/messages/draft';
import { ProfileSelect } from './ProfileSelect';
import { draftT, type DraftStringKey } from './draft-strings';
import { ignoredRules, takePendingDraft, watchPendingDraft } from './draft-storage';
import { tabFieldBridge, type FieldBridge } from './field-bridge';
import { uiLocale } from './i18n';
import { DRAFT_FILE_ACCEPT, readDraftFile } from './read-draft-file';
import './draft.css';

const locale = uiLocale();
const s = (key: DraftStringKey, ...subs: string[]) => draftT(locale, key, ...subs);

const GROUP_ORDER: RuleGroup[] = ['sections', 'citations', 'personal-data', 'facts', 'readability'];
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

type Source = { kind: 'paste' } | { kind: 'file'; name: string } | { kind: 'selection'; title: string } | { kind: 'field' };

export interface DraftCheckProps {
  /** When given, "get the text of the field on the page" is offered and findings are painted back on the field. */
  fieldBridge?: FieldBridge;
  /** Text to start with (tests, or a caller that already has it). */
  initialText?: string;
}

function sourceLabel(src: Source): string | null {
  switch (src.kind) {
    case 'file':
      return s('source', s('sourceFile', src.name));
    case 'selection':
      return s('source', s('sourceSelection', src.title));
    case 'field':
      return s('source', s('sourceField'));
    default:
      return null;
  }
}

export function DraftCheck({ fieldBridge, initialText = '' }: DraftCheckProps) {
  const [text, setText] = useState(initialText);
  const [source, setSource] = useState<Source>({ kind: 'paste' });
  const [profile, setProfile] = useState('auto');
  const [rules, setRules] = useState<string[]>([]);
  const [once, setOnce] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // a field handed over by the context menu is painted in the tab it came from
  const [handoffTab, setHandoffTab] = useState<number | null>(null);
  const bridge = useMemo(() => fieldBridge ?? (handoffTab !== null ? tabFieldBridge(handoffTab) : undefined), [fieldBridge, handoffTab]);

  const deferredText = useDeferredValue(text);
  const report: DraftReport | null = useMemo(
    () => (/\p{L}/u.test(deferredText) ? checkDraft(deferredText, { profile: profile === 'auto' ? undefined : profile }) : null),
    [deferredText, profile],
  );
  const shown = useMemo(() => (report ? applyIgnores(report, { rules, once }, locale) : null), [report, rules, once]);
  const stale = deferredText !== text;

  // ignored rules: stored, shared by every view
  useEffect(() => {
    let live = true;
    void ignoredRules.get().then((v) => {
      if (live) setRules(v.rules);
    });
    const off = ignoredRules.watch((v) => setRules(v.rules));
    return () => {
      live = false;
      off();
    };
  }, []);

  const load = useCallback((newText: string, src: Source) => {
    setText(newText);
    setSource(src);
    setOnce([]);
    setNotice(null);
  }, []);

  // a draft handed over by the context menu ("Kontrollera markerad text")
  useEffect(() => {
    let live = true;
    const take = () =>
      void takePendingDraft().then((d: PendingDraft | null) => {
        if (!live || !d) return;
        load(d.text, d.source === 'field' ? { kind: 'field' } : { kind: 'selection', title: d.title || d.url || '' });
        setHandoffTab(d.source === 'field' && d.tabId !== undefined ? d.tabId : null);
      });
    take();
    const off = watchPendingDraft(take);
    const onMessage = (msg: unknown) => {
      if (DraftHandoffMessageSchema.safeParse(msg).success) take();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      off();
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [load]);

  // findings painted back over the page's field (the field itself is never changed)
  useEffect(() => {
    if (!bridge || source.kind !== 'field' || !shown || stale) return;
    const marks: FieldMark[] = shown.findings
      .filter((f) => f.start !== undefined && f.end !== undefined && f.end > f.start)
      .map((f) => ({ start: f.start!, end: f.end!, severity: f.severity, message: f.message }));
    void bridge.paint(deferredText, marks);
  }, [bridge, source, shown, stale, deferredText]);

  const readFile = useCallback(
    async (file: File) => {
      setBusy(true);
      setNotice(null);
      try {
        load(await readDraftFile(file), { kind: 'file', name: file.name });
      } catch (e) {
        setNotice((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [load],
  );

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const fromField = async () => {
    if (!fieldBridge) return;
    const r = await fieldBridge.getText();
    if (r.ok) load(r.text, { kind: 'field' });
    else setNotice(r.reason || s('fieldNone'));
  };

  const jump = (f: Finding) => {
    const ta = textarea.current;
    if (!ta || f.start === undefined || f.end === undefined || deferredText !== ta.value) return;
    // caret first (the browser scrolls a textarea to its caret on focus), then the whole range
    ta.focus();
    ta.setSelectionRange(f.start, f.start);
    ta.blur();
    ta.focus();
    ta.setSelectionRange(f.start, f.end);
  };

  const ignoreRule = (rule: string) => void ignoredRules.set({ rules: [...new Set([...rules, rule])] });
  const restoreRule = (rule: string) => void ignoredRules.set({ rules: rules.filter((r) => r !== rule) });

  const groups = useMemo(() => {
    if (!shown) return [];
    return GROUP_ORDER.map((g) => ({
      group: g,
      findings: shown.findings
        .filter((f) => f.group === g)
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.start ?? -1) - (b.start ?? -1)),
    })).filter((x) => x.findings.length > 0);
  }, [shown]);

  const srcLabel = sourceLabel(source);
  return (
    <section className="draft-check" aria-labelledby="draft-check-title">
      <h2 id="draft-check-title">{s('title')}</h2>
      <p className="draft-intro">{s('intro')}</p>

      <div
        className={`draft-drop${dragging ? ' draft-drop-active' : ''}`}
        data-testid="draft-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="draft-label" htmlFor="draft-text">
          {s('textLabel')}
        </label>
        <textarea
          id="draft-text"
          ref={textarea}
          className="draft-text"
          value={text}
          placeholder={s('placeholder')}
          spellCheck={false}
          rows={12}
          onChange={(e) => {
            setText(e.target.value);
            if (source.kind === 'file' || source.kind === 'selection') setSource({ kind: 'paste' });
          }}
        />
        <div className="draft-controls">
          <label className="draft-file">
            <span>{s('pickFile')}</span>
            <input
              type="file"
              accept={DRAFT_FILE_ACCEPT}
              data-testid="draft-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readFile(file);
                e.target.value = '';
              }}
            />
          </label>
          <span className="draft-drop-hint">{s('dropHere')}</span>
          {fieldBridge ? (
            <button type="button" onClick={() => void fromField()}>
              {s('fieldButton')}
            </button>
          ) : null}
          <button type="button" onClick={() => load('', { kind: 'paste' })} disabled={!text}>
            {s('clear')}
          </button>
        </div>
        <label className="draft-profile">
          {s('profile')}{' '}
          <ProfileSelect
            value={profile}
            autoValue="auto"
            autoLabel={report?.profile && profile === 'auto' ? s('profileAutoIs', report.profile) : s('profileAuto')}
            onChange={setProfile}
            testId="draft-profile"
          />
        </label>
        {busy ? <p role="status">{s('reading')}</p> : null}
        {notice ? (
          <p role="alert" className="draft-notice">
            {notice}
          </p>
        ) : null}
        {srcLabel ? <p className="draft-source">{srcLabel}</p> : null}
      </div>

      {!shown ? (
        <p className="draft-empty">{s('empty')}</p>
      ) : (
        <div className="draft-results" aria-busy={stale}>
          <p className="draft-summary" role="status" data-testid="draft-summary">
            {shown.summary}
          </p>
          {source.kind === 'field' && bridge ? <p className="draft-source">{s('fieldPainted')}</p> : null}
          <h3>{s('results')}</h3>
          {groups.length === 0 ? <p>{s('noFindings')}</p> : null}
          {groups.map(({ group, findings }) => (
            <section key={group} className="draft-group" data-group={group}>
              <h4>
                {GROUP_LABELS[group][locale]} <span className="draft-count">({findings.length})</span>
              </h4>
              <ul className="draft-findings">
                {findings.map((f) => (
                  <li key={f.id} className={`draft-finding draft-${f.severity}`} data-rule={f.rule} data-id={f.id} data-testid="draft-finding">
                    <span className={`draft-badge severity-${f.severity}`}>{s(`severity_${f.severity}`)}</span>{' '}
                    <span className="draft-message">{f.message}</span>
                    {f.suggestion ? (
                      <span className="draft-suggestion">
                        {' '}
                        <strong>{s('suggestion')}</strong> {f.suggestion}
                      </span>
                    ) : null}
                    <span className="draft-actions">
                      {f.start !== undefined ? (
                        <button type="button" title={s('showTitle')} onClick={() => jump(f)}>
                          {s('show')}
                        </button>
                      ) : (
                        <span className="draft-noplace">{s('noPlace')}</span>
                      )}
                      <button type="button" title={s('ignoreOnceTitle')} onClick={() => setOnce((o) => [...o, f.id])}>
                        {s('ignoreOnce')}
                      </button>
                      <button type="button" title={s('ignoreRuleTitle', RULES_BY_ID.get(f.rule)?.name ?? f.rule)} onClick={() => ignoreRule(f.rule)}>
                        {s('ignoreRule')}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}

          <details className="draft-lix">
            <summary>
              {s('readability')}: {s('lixWhole', String(shown.readability.value ?? '–'), shown.readability.label ?? '–')}
            </summary>
            <table>
              <thead>
                <tr>
                  <th>{s('lixSection')}</th>
                  <th>LIX</th>
                </tr>
              </thead>
              <tbody>
                {shown.readability.sections
                  .filter((x) => x.value !== null)
                  .map((x) => (
                    <tr key={`${x.start}`}>
                      <td>{x.heading}</td>
                      <td>
                        {x.value} ({x.label})
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p>{s('longest', String(shown.readability.longestSentence))}</p>
            <p>{s('lixScale', shown.readability.scale)}</p>
          </details>
        </div>
      )}

      {rules.length > 0 || once.length > 0 ? (
        <section className="draft-ignored" data-testid="draft-ignored">
          {rules.length > 0 ? (
            <>
              <h4>{s('ignoredRules', String(rules.length))}</h4>
              <ul>
                {rules.map((r) => (
                  <li key={r} data-rule={r}>
                    {RULES_BY_ID.get(r)?.name ?? r}{' '}
                    <button type="button" onClick={() => restoreRule(r)}>
                      {s('restore')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {once.length > 0 ? (
            <p>
              {s('ignoredOnce', String(once.length))}{' '}
              <button type="button" onClick={() => setOnce([])}>
                {s('restoreAll')}
              </button>
            </p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
