/**
 * The local case index's storage: IndexedDB through idb, database
 * `remisskollen-cases`. Usable from the background service worker and from
 * extension pages (same origin, same database). Every record is validated
 * (and migrated from older versions) on the way in and on the way out;
 * retention is applied on every write. A revision counter, bumped in the same
 * transaction as each write, lets a reader holding an in-memory index see
 * that another page changed the data.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import { migrate, prune, type CaseRecord } from '@/lib/related';
import { exportFile, parseExportFile } from '@/lib/related/messages';

export const CASE_DB_NAME = 'remisskollen-cases';
export const CASE_DB_VERSION = 1;

interface CaseDB extends DBSchema {
  records: { key: string; value: CaseRecord; indexes: { lastSeen: string } };
  meta: { key: string; value: number };
}

export interface Retention {
  maxAgeDays: number;
  maxCount: number;
}

export interface WriteResult {
  revision: number;
  /** Ids removed by retention. */
  dropped: string[];
}

let dbPromise: Promise<IDBPDatabase<CaseDB>> | null = null;

function db(): Promise<IDBPDatabase<CaseDB>> {
  dbPromise ??= openDB<CaseDB>(CASE_DB_NAME, CASE_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const records = database.createObjectStore('records', { keyPath: 'id' });
        records.createIndex('lastSeen', 'lastSeen');
        database.createObjectStore('meta');
      }
      // Later versions: add `if (oldVersion < 2) { … }` here; record contents migrate through lib/related's migrate().
    },
    blocking() {
      // Another context wants a newer version: let it.
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

function readRecord(value: unknown): CaseRecord | null {
  try {
    return migrate(value);
  } catch {
    return null;
  }
}

type Stores = ('records' | 'meta')[];
type WriteTx = IDBPTransaction<CaseDB, Stores, 'readwrite'>;
type RecordStore = IDBPObjectStore<CaseDB, Stores, 'records', 'readwrite'>;

async function bump(tx: WriteTx): Promise<number> {
  const meta = tx.objectStore('meta');
  const next = ((await meta.get('revision')) ?? 0) + 1;
  await meta.put(next, 'revision');
  return next;
}

/** Applies retention inside an open read-write transaction; returns the dropped ids. */
async function applyRetention(store: RecordStore, retention: Retention, now: string): Promise<string[]> {
  const count = await store.count();
  const cutoff = new Date(Date.parse(now) - retention.maxAgeDays * 86_400_000).toISOString();
  const oldest = await store.index('lastSeen').openCursor(null, 'next');
  if (count <= retention.maxCount && (!oldest || oldest.value.lastSeen >= cutoff)) return [];
  // Walk from the oldest: drop what is too old, and the oldest beyond maxCount.
  const dropped: string[] = [];
  let excess = count - retention.maxCount;
  let cursor = oldest;
  while (cursor && (excess > 0 || cursor.value.lastSeen < cutoff)) {
    dropped.push(cursor.primaryKey);
    await cursor.delete();
    excess--;
    cursor = await cursor.continue();
  }
  return dropped;
}

export const caseStore = {
  async revision(): Promise<number> {
    return (await (await db()).get('meta', 'revision')) ?? 0;
  },

  async count(): Promise<number> {
    return (await db()).count('records');
  },

  async get(id: string): Promise<CaseRecord | undefined> {
    const value = await (await db()).get('records', id);
    return value === undefined ? undefined : (readRecord(value) ?? undefined);
  },

  /** Every stored record, newest visit first. Unreadable entries are skipped. */
  async all(): Promise<CaseRecord[]> {
    const values = await (await db()).getAll('records');
    return values
      .map(readRecord)
      .filter((r): r is CaseRecord => r !== null)
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  },

  /** Stores (or updates) one record, keeping the first visit's date, then applies retention. */
  async put(record: CaseRecord, retention: Retention): Promise<WriteResult> {
    const valid = migrate(record);
    const tx = (await db()).transaction(['records', 'meta'], 'readwrite');
    const store = tx.objectStore('records');
    const previous = await store.get(valid.id);
    const firstSeen = previous && previous.firstSeen < valid.firstSeen ? previous.firstSeen : valid.firstSeen;
    await store.put({ ...valid, firstSeen });
    const dropped = await applyRetention(store, retention, valid.lastSeen);
    const revision = await bump(tx);
    await tx.done;
    return { revision, dropped };
  },

  async delete(id: string): Promise<number> {
    const tx = (await db()).transaction(['records', 'meta'], 'readwrite');
    await tx.objectStore('records').delete(id);
    const revision = await bump(tx);
    await tx.done;
    return revision;
  },

  /** "Rensa historik". */
  async clear(): Promise<number> {
    const tx = (await db()).transaction(['records', 'meta'], 'readwrite');
    await tx.objectStore('records').clear();
    const revision = await bump(tx);
    await tx.done;
    return revision;
  },

  /** The export file's JSON text. */
  async exportJson(now: string = new Date().toISOString()): Promise<string> {
    return JSON.stringify(exportFile(await this.all(), now), null, 1);
  },

  /**
   * Reads an export file and merges it: a record already stored keeps the
   * newer of the two visits. Throws a Swedish message for a bad file (then
   * nothing is written). Returns how many records were read.
   */
  async importJson(json: string, retention: Retention, now: string = new Date().toISOString()): Promise<{ imported: number; dropped: string[] }> {
    const records = parseExportFile(json);
    const tx = (await db()).transaction(['records', 'meta'], 'readwrite');
    const store = tx.objectStore('records');
    for (const r of records) {
      const previous = await store.get(r.id);
      if (previous && previous.lastSeen > r.lastSeen) continue;
      await store.put(previous && previous.firstSeen < r.firstSeen ? { ...r, firstSeen: previous.firstSeen } : r);
    }
    const dropped = await applyRetention(store, retention, now);
    await bump(tx);
    await tx.done;
    return { imported: records.length, dropped };
  },

  /** Applies retention now (e.g. after the limits were lowered). */
  async prune(retention: Retention, now: string = new Date().toISOString()): Promise<string[]> {
    const { drop } = prune(await this.all(), { ...retention, now });
    if (drop.length === 0) return [];
    const tx = (await db()).transaction(['records', 'meta'], 'readwrite');
    for (const id of drop) await tx.objectStore('records').delete(id);
    await bump(tx);
    await tx.done;
    return drop;
  },
};

export type CaseStore = typeof caseStore;
