import type { AnalysisResult } from '@/lib';
import { listProfiles } from '@/lib/profiles';
import { t } from '../i18n';
import { ProfileSelect } from '../ProfileSelect';

/** Avsnitt: the profile's sections as a checklist — present ones lead to the document, missing ones say why. */
export function SectionsTab({
  result,
  profile,
  onProfile,
  onReveal,
}: {
  result: AnalysisResult;
  /** The profile asked for ("" = from the kind). */
  profile: string;
  onProfile: (name: string) => void;
  onReveal: (start: number, end: number) => void;
}) {
  const applied = result.profile ? (listProfiles().find((p) => p.name === result.profile)?.label ?? result.profile) : t('profileNone');
  return (
    <div className="sections-tab">
      <label className="field">
        <span>{t('profileInUse')}</span>
        <ProfileSelect value={profile} autoValue="" autoLabel={t('profileAuto', applied)} onChange={onProfile} testId="profile-select" />
      </label>
      {result.document.kind === 'unknown' && !result.profile && <p className="muted">{t('noSectionsDemanded')}</p>}
      <ul className="checklist" data-testid="section-checklist">
        {result.sections.map((s) => (
          <li key={`${s.id}-${s.start}`} className="present">
            <span aria-hidden="true">✓</span>{' '}
            <button type="button" className="link" onClick={() => onReveal(s.start, Math.min(s.end, s.start + s.heading.length + 1))} aria-label={t('goTo', s.heading)}>
              {s.heading}
            </button>{' '}
            <span className="visually-hidden">{t('sectionPresent')}</span>
          </li>
        ))}
        {result.missingSections.map((m) => (
          <li key={m.id} className={`missing severity-${m.severity}`} data-testid={`missing-${m.id}`}>
            <span aria-hidden="true">✗</span> <strong>{m.label}</strong>{' '}
            <span className="severity-label">({m.severity === 'error' ? t('sectionMissingError') : t('sectionMissingWarning')})</span>
            <div className="reason">{m.reason}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
