import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { searchRecords, type CaseRecord } from '@/lib/related';
import { caseStore } from '@/components/case-store';
import { caseIndexSettings, type CaseIndexSettings } from '@/components/case-settings';
import { kindLabel } from '@/components/RelatedCases';
import { rt } from '@/components/related-strings';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function History() {
  const [records, setRecords] = useState<CaseRecord[] | null>(null);
  const [settings, setSettings] = useState<CaseIndexSettings>(caseIndexSettings.defaults);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => {
    void caseStore.all().then(setRecords, (error: unknown) => setNotice({ kind: 'error', text: String(error) }));
  }, []);

  useEffect(() => {
    reload();
    void caseIndexSettings.get().then(setSettings);
    return caseIndexSettings.watch(setSettings);
  }, [reload]);

  const shown = useMemo(() => (records ? searchRecords(records, query) : []), [records, query]);

  const update = (patch: Partial<CaseIndexSettings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    void caseIndexSettings.set(patch).then(setSettings);
  };

  const remove = (record: CaseRecord) => {
    void caseStore.delete(record.id).then(() => {
      setNotice({ kind: 'ok', text: rt('historyDeleted') });
      reload();
    });
  };

  const clearAll = () => {
    if (!window.confirm(rt('historyClearConfirm', records?.length ?? 0))) return;
    void caseStore.clear().then(() => {
      setNotice({ kind: 'ok', text: rt('historyCleared') });
      reload();
    });
  };

  const exportAll = () => {
    void caseStore.exportJson().then((json) => {
      const blob = new Blob([json], { type: 'application/json' });
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = `remisskollen-historik-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    });
  };

  const importFile = (file: File) => {
    void file
      .text()
      .then((json) => caseStore.importJson(json, settings))
      .then(
        ({ imported }) => {
          setNotice({ kind: 'ok', text: rt('historyImported', imported) });
          reload();
        },
        (error: unknown) => setNotice({ kind: 'error', text: rt('historyImportFailed', error instanceof Error ? error.message : String(error)) }),
      );
  };

  return (
    <main className="panel history">
      <h1>{rt('historyTitle')}</h1>
      <div className="intro">
        <p>{rt('historyIntro')}</p>
        <p className="muted">{rt('historyWhatStored')}</p>
      </div>
      <fieldset>
        <label>
          <input
            type="checkbox"
            data-testid="setting-enabled"
            checked={settings.enabled}
            onChange={(e) => update({ enabled: e.target.checked })}
          />{' '}
          {rt('historyEnabled')}
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="setting-save-text"
            checked={settings.saveText}
            disabled={!settings.enabled}
            onChange={(e) => update({ saveText: e.target.checked })}
          />{' '}
          {rt('historySaveText')}
        </label>
        <p className="muted">{rt('historyRetention', settings.maxAgeDays, settings.maxCount)}</p>
      </fieldset>

      <div className="toolbar">
        <label>
          <span className="visually-hidden">{rt('historySearch')}</span>
          <input
            type="search"
            data-testid="history-search"
            placeholder={rt('historySearchPlaceholder')}
            aria-label={rt('historySearch')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <button type="button" data-testid="history-export" onClick={exportAll} disabled={!records?.length}>
          {rt('historyExport')}
        </button>
        <button type="button" data-testid="history-import" onClick={() => fileInput.current?.click()}>
          {rt('historyImport')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          data-testid="history-import-file"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) importFile(file);
          }}
        />
        <button type="button" data-testid="history-clear" onClick={clearAll} disabled={!records?.length}>
          {rt('historyClear')}
        </button>
      </div>
      <p className="muted">{rt('historyExportHint')}</p>
      <p role="status" className={`status ${notice?.kind === 'error' ? 'error' : ''}`} data-testid="history-notice">
        {notice?.text ?? ''}
      </p>

      {records === null ? null : records.length === 0 ? (
        <p data-testid="history-empty">{rt('historyEmpty')}</p>
      ) : (
        <>
          <p className="muted" data-testid="history-count">
            {rt('historyCount', shown.length, records.length)}
          </p>
          {shown.length === 0 ? (
            <p>{rt('historyNoMatch')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{rt('historyKind')}</th>
                  <th>{rt('historyDocTitle')}</th>
                  <th>{rt('historyDate')}</th>
                  <th>{rt('historyAuthority')}</th>
                  <th>{rt('historyDnr')}</th>
                  <th>{rt('historyLaws')}</th>
                  <th>{rt('historyLastSeen')}</th>
                  <th>{rt('historyActions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <Row key={r.id} record={r} onDelete={remove} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </main>
  );
}

function Row({ record, onDelete }: { record: CaseRecord; onDelete: (r: CaseRecord) => void }) {
  const title = record.title ?? record.motion?.title ?? rt('untitled');
  const laws = record.laws.map((l) => (l.provision ? `${l.provision} ${l.name}` : l.name));
  return (
    <tr data-testid="history-row" data-id={record.id}>
      <td>{kindLabel(record.kind)}</td>
      <td>
        {record.url ? (
          <a href={record.url} target="_blank" rel="noreferrer" data-testid="history-title">
            {title}
          </a>
        ) : (
          <span data-testid="history-title">{title}</span>
        )}
        {record.fileName && !record.url ? <div className="muted">{`${rt('localFile')}: ${record.fileName}`}</div> : null}
      </td>
      <td>{record.date ?? ''}</td>
      <td>{record.authority ?? ''}</td>
      <td>{[...record.caseNumbers, ...record.refCaseNumbers].join(', ')}</td>
      <td>{laws.join(', ')}</td>
      <td>{record.lastSeen.slice(0, 10)}</td>
      <td>
        <button type="button" data-testid="history-delete" aria-label={rt('historyDeleteLabel', title)} onClick={() => onDelete(record)}>
          {rt('historyDelete')}
        </button>
      </td>
    </tr>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <History />
  </StrictMode>,
);
