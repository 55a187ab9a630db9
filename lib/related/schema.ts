/**
 * What the local case index keeps about one council document the user opened.
 * Versioned: `schema` is 2 today; `migrate()` turns any older stored or
 * exported record into the current shape, so an index exported from an older
 * version of the extension can still be imported.
 */
import { z } from 'zod';
import { DocumentKindSchema, PersonSchema } from '../analysis/schema';
import { MINHASH_SCHEME, encodeSignature, minhash } from './minhash';

export const CASE_RECORD_VERSION = 2 as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

export const LawRefSchema = z.object({
  /** SFS number, "2001:453". */
  sfs: z.string().min(1),
  /** The law's short name: its abbreviation, else its title ("SoL", "kommunallagen"). */
  name: z.string(),
  /** The law's title, when it differs from `name` ("socialtjänstlagen"). */
  title: z.string().optional(),
  /** The provision, "3 kap. 3 a §"; absent when the law was cited as a whole. */
  provision: z.string().optional(),
});
export type CaseLawRef = z.infer<typeof LawRefSchema>;

export const FingerprintSchema = z.object({
  /** Which fingerprint this is; records of another scheme are not compared by text. */
  scheme: z.string(),
  /** MinHash signature, base64. */
  sig: z.string(),
});

export const CaseRecordSchema = z.object({
  schema: z.literal(CASE_RECORD_VERSION),
  /** "url:<address without #fragment>" or "file:<file name>". */
  id: z.string().min(1),
  url: z.string().optional(),
  fileName: z.string().optional(),
  kind: DocumentKindSchema,
  title: z.string().nullable(),
  date: isoDate.nullable(),
  authority: z.string().nullable(),
  /** The document's own diarienummer, as written ("KS 2023/105"). */
  caseNumbers: z.array(z.string()),
  /** Other diarienummer the document refers to (the remiss it answers, the motion's). */
  refCaseNumbers: z.array(z.string()),
  motion: z.object({ title: z.string().nullable(), authors: z.array(PersonSchema) }).nullable(),
  laws: z.array(LawRefSchema),
  fingerprint: FingerprintSchema,
  textLength: z.number().int().nonnegative(),
  /** The full text, only when the user chose "spara texten". */
  text: z.string().optional(),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

/**
 * Version 1: the first, pre-release layout (one list of diarienummer with the
 * own one first, authors as "Name (P)" strings, bare SFS numbers, a 64-value
 * MinHash of another scheme). Kept so that files exported by it still import.
 */
export const CaseRecordV1Schema = z.object({
  version: z.literal(1),
  key: z.string().min(1),
  kind: DocumentKindSchema,
  title: z.string().nullable(),
  date: isoDate.nullable(),
  authority: z.string().nullable(),
  dnr: z.array(z.string()),
  motionTitle: z.string().nullable(),
  motionAuthors: z.array(z.string()),
  sfs: z.array(z.string()),
  minhash: z.array(z.number()),
  text: z.string().optional(),
  savedAt: isoDateTime,
});
export type CaseRecordV1 = z.infer<typeof CaseRecordV1Schema>;

/** The record id for a document's source: its address without fragment, or its file name. */
export function recordId(source: { url?: string; fileName?: string }): string {
  if (source.url) return `url:${source.url.replace(/#.*$/, '')}`;
  if (source.fileName) return `file:${source.fileName}`;
  throw new Error('Dokumentet saknar både adress och filnamn.');
}

/** A fingerprint of the current scheme for `text`. */
export function fingerprintOf(text: string): CaseRecord['fingerprint'] {
  return { scheme: MINHASH_SCHEME, sig: encodeSignature(minhash(text)) };
}

function fromV1(old: CaseRecordV1): CaseRecord {
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(old.key);
  const authors = old.motionAuthors.map((a) => {
    const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(a);
    return m ? { name: m[1], party: m[2] } : { name: a.trim(), party: '' };
  });
  return {
    schema: CASE_RECORD_VERSION,
    id: isUrl ? recordId({ url: old.key }) : recordId({ fileName: old.key }),
    ...(isUrl ? { url: old.key } : { fileName: old.key }),
    kind: old.kind,
    title: old.title,
    date: old.date,
    authority: old.authority,
    caseNumbers: old.dnr.slice(0, 1),
    refCaseNumbers: old.dnr.slice(1),
    motion: old.motionTitle !== null || authors.length > 0 ? { title: old.motionTitle, authors } : null,
    laws: old.sfs.map((sfs) => ({ sfs, name: sfs })),
    // The old signature cannot be compared with today's: recompute when the text was kept.
    fingerprint: old.text !== undefined ? fingerprintOf(old.text) : { scheme: 'minhash-w3-k64-v0', sig: '' },
    textLength: old.text?.length ?? 0,
    ...(old.text !== undefined ? { text: old.text } : {}),
    firstSeen: old.savedAt,
    lastSeen: old.savedAt,
  };
}

/**
 * Any stored or imported record → the current version. Throws a Swedish
 * message when the value is no case record of a known version.
 */
export function migrate(value: unknown): CaseRecord {
  const version =
    typeof value === 'object' && value !== null
      ? ((value as { schema?: unknown }).schema ?? (value as { version?: unknown }).version)
      : undefined;
  if (version === CASE_RECORD_VERSION) {
    const record = CaseRecordSchema.parse(value);
    if (record.fingerprint.scheme !== MINHASH_SCHEME && record.text !== undefined) {
      return { ...record, fingerprint: fingerprintOf(record.text) };
    }
    return record;
  }
  if (version === 1) return fromV1(CaseRecordV1Schema.parse(value));
  throw new Error(
    version === undefined
      ? 'Posten är inget sparat dokument från Remisskollen.'
      : `Okänd version av sparat dokument: ${String(version)}.`,
  );
}
