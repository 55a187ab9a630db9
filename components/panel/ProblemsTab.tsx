import type { AnalysisResult } from '@/lib';
import { t, type MessageKey } from '../i18n';

/** Problem: everything worth fixing, most serious first, each leading to its place. */
export function ProblemsTab({ result, onReveal }: { result: AnalysisResult; onReveal: (start: number, end: number) => void }) {
  if (result.problems.length === 0) return <p>{t('noProblems')}</p>;
  return (
    <div data-testid="problems">
      {(['error', 'warning', 'info'] as const).map((severity) => {
        const list = result.problems.filter((p) => p.severity === severity);
        if (!list.length) return null;
        return (
          <section key={severity} aria-labelledby={`problems-${severity}`}>
            <h2 id={`problems-${severity}`} className={`severity-${severity}`}>
              {t(`severity_${severity}` as MessageKey)} ({list.length})
            </h2>
            <ul>
              {list.map((p, i) => (
                <li key={i} className={`severity-${severity}`} data-code={p.code}>
                  {p.start !== undefined && p.end !== undefined ? (
                    <button type="button" className="link" onClick={() => onReveal(p.start!, p.end!)}>
                      {p.message}
                    </button>
                  ) : (
                    p.message
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
