import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../i18n';

export interface TabSpec<K extends string> {
  id: K;
  label: string;
  /** A count shown after the label ("Problem 3"). */
  badge?: number;
}

/**
 * An ARIA tab list: arrow keys move between tabs, Home/End jump, the active
 * tab is the only one in the tab order (the WAI-ARIA tabs pattern).
 */
export function Tabs<K extends string>({
  tabs,
  active,
  onChange,
  children,
}: {
  tabs: TabSpec<K>[];
  active: K;
  onChange: (id: K) => void;
  children: ReactNode;
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.findIndex((tab) => tab.id === active);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next].id);
    refs.current.get(tabs[next].id)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={t('tabsLabel')} className="tabs">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => onChange(tab.id)}
            onKeyDown={onKey}
            data-testid={`tab-${tab.id}`}
          >
            {tab.label}
            {tab.badge !== undefined && <span className="badge">{tab.badge}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`} tabIndex={0} className="tabpanel">
        {children}
      </div>
    </>
  );
}
