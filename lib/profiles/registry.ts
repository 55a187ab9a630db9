/**
 * Profile registry: the built-in JSON profiles, an organisation's own profiles
 * (registered at run time from an object or JSON text), and the choice of a
 * profile from a document kind.
 */
import type { DocumentKind } from '../analysis/schema';
import protokoll from './builtin/protokoll.json';
import protokollsutdrag from './builtin/protokollsutdrag.json';
import motion from './builtin/stockholm-motion.json';
import remiss from './builtin/stockholm-remiss.json';
import remissvar from './builtin/stockholm-remissvar.json';
import skrivelse from './builtin/stockholm-skrivelse.json';
import tjansteutlatande from './builtin/stockholm-tjansteutlatande.json';
import { ProfileSchema, type Profile, type Requirement } from './schema';

export class ProfileError extends Error {
  override name = 'ProfileError';
}

const BUILTIN_JSON: unknown[] = [tjansteutlatande, remissvar, motion, protokoll, protokollsutdrag, remiss, skrivelse];

/** Validated profiles as written (before `extends` is resolved). */
const raw = new Map<string, Profile>();
const builtinNames = new Set<string>();

function validate(input: unknown): Profile {
  const r = ProfileSchema.safeParse(input);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || 'profil'}: ${i.message}`).join('; ');
    throw new ProfileError(`Ogiltig profil: ${msg}`);
  }
  return r.data;
}

for (const j of BUILTIN_JSON) {
  const p = validate(j);
  raw.set(p.name, p);
  builtinNames.add(p.name);
}

/** Default profile per kind (unknown → none: nothing is demanded of a text we do not recognise). */
const DEFAULT_FOR_KIND: Partial<Record<DocumentKind, string>> = {
  tjansteutlatande: 'stockholm-tjansteutlatande',
  remissvar: 'stockholm-remissvar',
  motion: 'stockholm-motion',
  protokoll: 'protokoll',
  remiss: 'stockholm-remiss',
  skrivelse: 'stockholm-skrivelse',
};

function mergeReqs(base: Requirement[], own: Requirement[], drop: Set<string>): Requirement[] {
  const out = base.filter((r) => !drop.has(r.id)).map((r) => own.find((o) => o.id === r.id) ?? r);
  return [...out, ...own.filter((o) => !out.some((r) => r.id === o.id))];
}

/** Resolve `extends` chains (depth-limited, cycles rejected). */
function resolve(p: Profile, depth = 0): Profile {
  if (!p.extends) return p;
  if (depth > 8) throw new ProfileError(`Profilen '${p.name}' har för djup eller cirkulär 'extends'-kedja.`);
  const baseRaw = raw.get(p.extends);
  if (!baseRaw) throw new ProfileError(`Profilen '${p.name}' bygger på '${p.extends}', som inte finns.`);
  if (baseRaw.name === p.name) throw new ProfileError(`Profilen '${p.name}' kan inte bygga på sig själv.`);
  const base = resolve(baseRaw, depth + 1);
  const drop = new Set(p.remove);
  // an id required here is no longer only recommended, and vice versa
  const required = mergeReqs(base.required, p.required, new Set([...drop, ...p.recommended.map((r) => r.id)]));
  const recommended = mergeReqs(base.recommended, p.recommended, new Set([...drop, ...p.required.map((r) => r.id)]));
  return {
    ...base,
    ...p,
    kinds: p.kinds.length ? p.kinds : base.kinds,
    required,
    recommended,
    order: p.order ?? base.order,
    headings: [...p.headings, ...base.headings],
    extends: undefined,
    remove: [],
  };
}

/**
 * Register an organisation's own profile (an object, e.g. parsed from its JSON
 * file). It may extend a built-in one and may replace a profile of the same name.
 * Returns the resolved profile. Throws ProfileError (Swedish message) when invalid.
 */
export function registerProfile(input: unknown): Profile {
  const p = validate(input);
  const previous = raw.get(p.name);
  raw.set(p.name, p);
  try {
    return resolve(p);
  } catch (e) {
    if (previous) raw.set(p.name, previous);
    else raw.delete(p.name);
    throw e;
  }
}

/** Parse a profile file's JSON text and register it. */
export function registerProfileJson(json: string): Profile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ProfileError(`Profilfilen är inte giltig JSON: ${(e as Error).message}`);
  }
  return registerProfile(data);
}

/** Remove an organisation's profile again (built-in ones are restored, not removed). */
export function unregisterProfile(name: string): void {
  if (builtinNames.has(name)) {
    const j = BUILTIN_JSON.map(validate).find((p) => p.name === name);
    if (j) raw.set(name, j);
    return;
  }
  raw.delete(name);
}

/** Names of all available profiles, built-in first. */
export function listProfiles(): { name: string; label: string; builtin: boolean }[] {
  return [...raw.values()].map((p) => ({ name: p.name, label: p.label, builtin: builtinNames.has(p.name) }));
}

/**
 * A profile by name (built-in or registered) or from an object (validated,
 * not registered). Throws ProfileError with a Swedish message when unknown/invalid.
 */
export function loadProfile(nameOrObject: string | unknown): Profile {
  if (typeof nameOrObject === 'string') {
    const p = raw.get(nameOrObject.trim());
    if (!p) {
      const names = [...raw.keys()].join(', ');
      throw new ProfileError(`Okänd profil '${nameOrObject}'. Tillgängliga profiler: ${names}.`);
    }
    return resolve(p);
  }
  const p = validate(nameOrObject);
  if (!p.extends) return p;
  const saved = raw.get(p.name);
  raw.set(p.name, p);
  try {
    return resolve(p);
  } finally {
    if (saved) raw.set(p.name, saved);
    else raw.delete(p.name);
  }
}

/** The default profile for a kind, or null (unknown). A protokollsutdrag gets its own. */
export function profileForKind(kind: DocumentKind, subkind?: string): Profile | null {
  if (kind === 'protokoll' && subkind === 'protokollsutdrag') return loadProfile('protokollsutdrag');
  const name = DEFAULT_FOR_KIND[kind];
  return name ? loadProfile(name) : null;
}
