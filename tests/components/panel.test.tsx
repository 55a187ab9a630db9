/**
 * The side panel's components with Testing Library, on real analyses of the
 * seed documents (jsdom; WXT's fake browser stands in for the extension APIs
 * only where a component touches them).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { analyze } from '../../lib';
import { defaultRegistry } from '../../lib/laws/default';
import { createNodeLoader } from '../../lib/laws/node-loader';
import type { LawSectionResponse } from '../../lib/messages';
import { applyLanguageSetting } from '../../components/i18n';
import { Overview } from '../../components/panel/Overview';
import { SectionsTab } from '../../components/panel/SectionsTab';
import { CitationsTab } from '../../components/panel/CitationsTab';
import { ProblemsTab } from '../../components/panel/ProblemsTab';
import { Tabs } from '../../components/panel/Tabs';
import { CitationCard } from '../../components/CitationCard';

const seed = (name: string) => readFileSync(`tests/fixtures/seeds/${name}.txt`, 'utf8');
const HAGERSTEN = analyze(seed('stockholm-hagersten-alvsjo-yttrande-vallingbyteamet'));
const SOCIAL = analyze(seed('stockholm-socialnamnden-remissvar-faltassistenter'));

/** The bundled law texts, read as the background reads them (from public/laws/). */
const loader = createNodeLoader();
async function loadSection(sfs: string, section: string, chapter?: string): Promise<LawSectionResponse> {
  const s = await defaultRegistry().sectionText(sfs, chapter, section, loader);
  return s ? { ok: true, heading: s.heading, paragraphs: s.text.split(/\n\n+/), possiblyTruncated: false } : { ok: false };
}

beforeAll(() => applyLanguageSetting('sv'));
afterEach(cleanup);

describe('Överblick', () => {
  it('shows the Hägersten-Älvsjö seed’s facts in Swedish', () => {
    render(<Overview result={HAGERSTEN} />);
    expect(screen.getByTestId('kind').textContent).toBe('Remissvar');
    expect(screen.getByTestId('date').textContent).toBe('24 augusti 2023');
    expect(screen.getByTestId('authority').textContent).toBe('Hägersten-Älvsjö stadsdelsnämnd');
    expect(screen.getByTestId('officer').textContent).toBe('Linda Lindblom, 08-50822310');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      expect.arrayContaining(['Jan Jönsson (L)', 'Anne-Lie Elfvén (L)']),
    );
    // The evidence for the kind is there for whoever asks "why".
    expect(screen.getByText('Varför denna typ?')).toBeTruthy();
  });

  it('offers to copy each diarienummer, labelled for screen readers', () => {
    render(<Overview result={SOCIAL} />);
    expect(screen.getByRole('button', { name: 'Kopiera diarienummer KS 2023/105' })).toBeTruthy();
  });
});

describe('Avsnitt', () => {
  it('checks the profile’s sections: present ones lead to the text, the missing Jämställdhetsanalys is an error', () => {
    const onReveal = vi.fn();
    const onProfile = vi.fn();
    render(<SectionsTab result={HAGERSTEN} profile="" onProfile={onProfile} onReveal={onReveal} />);
    const missing = screen.getByTestId('missing-jamstalldhetsanalys');
    expect(missing.className).toContain('severity-error');
    expect(missing.textContent).toContain('saknas – fel');
    const bakgrund = HAGERSTEN.sections.find((s) => s.id === 'bakgrund')!;
    fireEvent.click(screen.getByRole('button', { name: `Visa i dokumentet: ${bakgrund.heading}` }));
    expect(onReveal).toHaveBeenCalledWith(bakgrund.start, expect.any(Number));
    // The profile in use is named and can be changed.
    const select = screen.getByTestId('profile-select') as HTMLSelectElement;
    expect(select.options[0].textContent).toMatch(/^Efter dokumenttyp \(.+\)$/);
    fireEvent.change(select, { target: { value: 'stockholm-motion' } });
    expect(onProfile).toHaveBeenCalledWith('stockholm-motion');
  });
});

describe('Hänvisningar', () => {
  it('groups the OCR seed’s references by law, problem ones first, and opens the card on click', async () => {
    const onReveal = vi.fn();
    render(<CitationsTab result={SOCIAL} onReveal={onReveal} loadSection={loadSection} />);
    const groups = within(screen.getByTestId('citation-groups')).getAllByRole('heading');
    expect(groups[0].textContent).toMatch(/^Socialtjänstlag \(2001:453\) — 2/);
    const first = SOCIAL.citations.find((c) => c.law?.sfs === '2001:453')!;
    fireEvent.click(screen.getByRole('button', { name: first.text.replace(/\s+/g, ' ') }));
    expect(onReveal).toHaveBeenCalledWith(first.start, first.end);
    // The card: law, status, the cited section's bundled text, the copy button.
    const card = await screen.findByRole('article');
    expect(within(card).getByTestId('card-status').textContent).toMatch(/Upphävd/);
    expect((await within(card).findAllByText(/Socialnämnden ska/)).length).toBeGreaterThan(0);
    expect(within(card).getByRole('button', { name: 'Kopiera hänvisning' })).toBeTruthy();
  });

  it('filters by kind', () => {
    render(<CitationsTab result={SOCIAL} onReveal={() => {}} loadSection={loadSection} />);
    fireEvent.click(screen.getByTestId('filter-statute'));
    const headings = within(screen.getByTestId('citation-groups')).getAllByRole('heading');
    expect(headings.map((h) => h.textContent)).toEqual([expect.stringMatching(/^Diarienummer — 1/)]);
  });
});

describe('Problem', () => {
  it('lists problems by severity, each with its place', () => {
    const onReveal = vi.fn();
    render(<ProblemsTab result={SOCIAL} onReveal={onReveal} />);
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings[0]).toMatch(/^Varningar \(\d+\)$/);
    const problem = SOCIAL.problems.find((p) => p.code === 'missing-chapter')!;
    fireEvent.click(screen.getByRole('button', { name: problem.message }));
    expect(onReveal).toHaveBeenCalledWith(problem.start, problem.end);
  });
});

describe('Tabs', () => {
  it('moves between tabs with the arrow keys, keeping one tab in the tab order', () => {
    const onChange = vi.fn();
    render(
      <Tabs tabs={[{ id: 'a', label: 'A' }, { id: 'b', label: 'B', badge: 3 }]} active="a" onChange={onChange}>
        <p>innehåll</p>
      </Tabs>,
    );
    const [a, b] = screen.getAllByRole('tab');
    expect(a.getAttribute('tabindex')).toBe('0');
    expect(b.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(a, { key: 'ArrowRight' });
    expect(onChange).toHaveBeenCalledWith('b');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-a');
  });
});

describe('the card in English', () => {
  it('speaks English when the language setting says so', () => {
    applyLanguageSetting('en');
    try {
      const law = SOCIAL.citations.find((c) => c.law)!;
      render(<CitationCard citation={law} copy={async () => true} />);
      expect(screen.getByRole('button', { name: 'Copy reference' })).toBeTruthy();
      expect(screen.getByTestId('card-status').textContent).toMatch(/^Repealed/);
    } finally {
      applyLanguageSetting('sv');
    }
  });
});
