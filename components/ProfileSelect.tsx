import { listProfiles } from '@/lib/profiles';

/** The section profiles to choose from: "by document type" first, then every built-in and own profile. */
export function ProfileSelect({
  value,
  autoValue,
  autoLabel,
  onChange,
  testId,
}: {
  value: string;
  /** The value meaning "chosen from the kind". */
  autoValue: string;
  autoLabel: string;
  onChange: (name: string) => void;
  testId?: string;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value={autoValue}>{autoLabel}</option>
      {listProfiles().map((p) => (
        <option key={p.name} value={p.name}>
          {p.label}
        </option>
      ))}
    </select>
  );
}
