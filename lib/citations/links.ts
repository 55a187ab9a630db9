/** Links built only from validated parts (http(s) only). */
import type { Link, Target } from '../analysis/schema';

const SFS = /^(\d{4}):(\d{1,5})$/;
const PART = /^\d{1,4}(?: ?[a-z])?$/;

/** ASCII slug as riksdagen.se uses: "Socialtjänstlag" + 2001:453 → "socialtjanstlag-2001453". */
const slugs = new Map<string, string>();
function slug(title: string, sfs: string): string {
  const key = `${sfs}|${title}`;
  let v = slugs.get(key);
  if (v === undefined) {
    v = slugUncached(title, sfs);
    if (slugs.size >= 5000) slugs.clear();
    slugs.set(key, v);
  }
  return v;
}
function slugUncached(title: string, sfs: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return `${base}-${sfs.replace(':', '')}`;
}

/** lagen.nu fragment for a target: K3P3a, P2, K5P1S2N3. */
export function lagenNuFragment(t: Target, chaptered: boolean): string | null {
  let f = '';
  if (t.chapter) {
    if (!PART.test(t.chapter)) return null;
    f += `K${t.chapter.replace(' ', '')}`;
  }
  if (t.section) {
    if (!PART.test(t.section)) return null;
    f += `P${t.section.replace(' ', '')}`;
  } else if (!t.chapter) return null;
  if (t.section && t.paragraph && /^\d{1,2}$/.test(t.paragraph)) f += `S${t.paragraph}`;
  if (t.section && t.point && /^\d{1,3}(?: ?[a-z])?$/.test(t.point)) f += `${t.paragraph ? '' : 'S1'}N${t.point.replace(' ', '')}`;
  void chaptered;
  return f;
}

/** The strings of a law's links that do not depend on the targets (per SFS number and title). */
interface LawLinkParts {
  year: string;
  num: string;
  knownTitle: boolean;
  label: string;
  url: string;
}
const lawLinkParts = new Map<string, Map<string, LawLinkParts | null>>();
function linkParts(sfs: string, title: string): LawLinkParts | null {
  let byTitle = lawLinkParts.get(sfs);
  if (!byTitle) {
    if (lawLinkParts.size >= 5000) lawLinkParts.clear();
    byTitle = new Map();
    lawLinkParts.set(sfs, byTitle);
  }
  let parts = byTitle.get(title);
  if (parts === undefined) {
    const m = SFS.exec(sfs);
    if (!m) parts = null;
    else {
      const knownTitle = !/^SFS /.test(title);
      parts = knownTitle
        ? {
            year: m[1], num: m[2], knownTitle,
            label: `${title} (${sfs}) på riksdagen.se`,
            url: `https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/${slug(title, sfs)}_sfs-${m[1]}-${m[2]}/`,
          }
        : { year: m[1], num: m[2], knownTitle, label: `SFS ${sfs} hos Riksdagen (öppna data)`, url: `https://data.riksdagen.se/dokument/sfs-${m[1]}-${m[2]}.html` };
    }
    if (byTitle.size >= 100) byTitle.clear();
    byTitle.set(title, parts);
  }
  return parts;
}

/**
 * Links of a statute citation. The arrays and links are shared between citations with the same
 * law and targets (immutable: callers only read them; the JSON output is the same as fresh copies).
 * The cache is a trie per law: one level per target field, so a look-up builds no key string.
 */
interface LinkNode {
  next: Map<string, LinkNode>;
  links?: Link[];
}
const statuteLinkCache = new Map<LawLinkParts, LinkNode>();
let linkNodes = 0;
const NO_FIELD = '\u0000';
const MORE_FIELDS = '\u0001';
function child(node: LinkNode, key: string): LinkNode {
  let n = node.next.get(key);
  if (!n) {
    n = { next: new Map() };
    node.next.set(key, n);
    linkNodes += 1;
  }
  return n;
}
/** A law's place in the link cache (its link parts and its node), found once and kept by the caller for its citations. */
export interface LawLinks {
  sfs: string;
  title: string;
  chaptered: boolean | undefined;
  parts: LawLinkParts;
  node: LinkNode;
}

/** The law's place in the link cache, or null when its SFS number makes no link. */
export function lawLinks(sfs: string, title: string, chaptered?: boolean): LawLinks | null {
  const parts = linkParts(sfs, title);
  if (!parts) return null;
  let root = statuteLinkCache.get(parts);
  if (!root) {
    root = { next: new Map() };
    statuteLinkCache.set(parts, root);
  }
  return { sfs, title, chaptered, parts, node: child(root, chaptered === undefined ? 'u' : chaptered ? 't' : 'f') };
}

export function statuteLinks(sfs: string, title: string, targets: Target[] | undefined, chaptered?: boolean): Link[] {
  const law = lawLinks(sfs, title, chaptered);
  return law ? statuteLinksOf(law, targets) : [];
}

/** The links of a citation of `law`'s `targets` (shared: never changed by callers). */
export function statuteLinksOf(law: LawLinks, targets: Target[] | undefined): Link[] {
  if (linkNodes >= 50_000) {
    // (a law's node kept by a caller stays usable: the tree is only let go of)
    statuteLinkCache.clear();
    linkNodes = 0;
  }
  let node = law.node;
  if (targets) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      node = child(node, t.chapter ?? NO_FIELD);
      node = child(node, t.section ?? NO_FIELD);
      // (most targets have no range, stycke or point: one level for the three then)
      if (t.sectionTo === undefined && t.paragraph === undefined && t.point === undefined) node = child(node, NO_FIELD);
      else {
        node = child(node, MORE_FIELDS);
        node = child(node, t.sectionTo ?? NO_FIELD);
        node = child(node, t.paragraph ?? NO_FIELD);
        node = child(node, t.point ?? NO_FIELD);
      }
    }
  }
  node.links ??= statuteLinksUncached(law.parts, law.sfs, law.title, targets, law.chaptered);
  return node.links;
}

function statuteLinksUncached(parts: LawLinkParts, sfs: string, title: string, targets: Target[] | undefined, chaptered?: boolean): Link[] {
  const m = ['', parts.year, parts.num];
  const knownTitle = parts.knownTitle;
  const links: Link[] = [{ label: parts.label, url: parts.url }];
  let any = false;
  const withChapters = chaptered ?? (targets ?? []).some((t) => t.chapter);
  for (const t of targets ?? []) {
    if (withChapters && !t.chapter) continue;
    const frag = lagenNuFragment(t, Boolean(t.chapter));
    if (!frag) continue;
    any = true;
    links.push({ label: `${describeTarget(t)} på lagen.nu`, url: `https://lagen.nu/${m[1]}:${m[2]}#${frag}` });
  }
  if (!any) links.push({ label: `${knownTitle ? `${title} (${sfs})` : `SFS ${sfs}`} på lagen.nu`, url: `https://lagen.nu/${m[1]}:${m[2]}` });
  return links;
}

const ORD = ['', 'första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde'];
export function describeTarget(t: Target): string {
  const parts: string[] = [];
  if (t.chapter) parts.push(`${t.chapter} kap.`);
  if (t.section) parts.push(t.sectionTo ? `${t.section}–${t.sectionTo} §§` : `${t.section} §`);
  if (t.paragraph) parts.push(`${ORD[Number(t.paragraph)] ?? t.paragraph} stycket`);
  if (t.point) parts.push(`${t.point} p.`);
  return parts.join(' ');
}

/** lagen.nu addresses of preparatory works: prop/2000/01:80#sid91, sou/2020:47 (its caller caches them per work and page). */
export function preparatoryLink(series: string, id: string, page?: string): Link | null {
  if (!/^(prop|sou|ds|bet|rskr|dir)$/.test(series)) return null;
  if (!/^\d{4}(?:\/\d{2,4})?:[A-ZÅÄÖa-zåäö]{0,4}\d{1,4}$/.test(id)) return null;
  const pg = page && /^\d{1,5}$/.test(page) ? `#sid${page}` : '';
  return { label: `${series === 'prop' ? 'Propositionen' : series.toUpperCase()} på lagen.nu`, url: `https://lagen.nu/${series}/${encodeURI(id)}${pg}` };
}

/** lagen.nu addresses of case law: dom/hfd/2018:5, dom/nja/2019s504, dom/ra/1999/not/421 (its caller caches them per match). */
export function caseLawLink(series: string, path: string): Link | null {
  if (!/^(hfd|ra|nja|ad|mod|mig|md|rh)$/.test(series)) return null;
  if (!/^\d{4}(?::\d{1,4}|s\d{1,5}|\/not\/\d{1,4})$/.test(path)) return null;
  return { label: 'Avgörandet på lagen.nu', url: `https://lagen.nu/dom/${series}/${path}` };
}

/** celexLinks by CELEX number, then article ("" for none: the same links). */
const celexCache = new Map<string, Map<string, Link[]>>();

/** EUR-Lex address of a CELEX number, with an article anchor where given (shared arrays, never changed by callers). */
export function celexLinks(celex: string, article?: string): Link[] {
  let byArticle = celexCache.get(celex);
  if (!byArticle) {
    if (celexCache.size >= 5000) celexCache.clear();
    byArticle = new Map();
    celexCache.set(celex, byArticle);
  }
  let links = byArticle.get(article ?? '');
  if (!links) {
    links = celexLinksUncached(celex, article);
    if (byArticle.size >= 1000) byArticle.clear();
    byArticle.set(article ?? '', links);
  }
  return links;
}
function celexLinksUncached(celex: string, article?: string): Link[] {
  if (!/^3\d{4}[A-Z]\d{4}$/.test(celex)) return [];
  const art = article && /^\d{1,3}/.exec(article)?.[0];
  return [
    { label: 'Rättsakten på EUR-Lex', url: `https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:${celex}${art ? `#art_${art}` : ''}` },
    { label: 'Rättsakten på lagen.nu', url: `https://lagen.nu/ext/celex/${celex}${article && /^[\d.]+$/.test(article) ? `#${article}` : ''}` },
  ];
}
