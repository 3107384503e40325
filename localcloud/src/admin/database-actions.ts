// The `database.*` actions of the CloudBase admin protocol, as wx-server-sdk sends them.
import { decode, decodeObject, encode, isPlainObject, type Doc } from '../ejson';
import { clock } from '../clock';
import type { Database } from '../store/database';
import { invalidParam } from '../store/errors';

export type Body = Record<string, unknown>;

function str(body: Body, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
}

function requireStr(body: Body, key: string): string {
  const v = str(body, key);
  if (!v) throw invalidParam(`missing ${key}`);
  return v;
}

function num(body: Body, key: string): number | undefined {
  const v = body[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function parse(text: string | undefined): Doc {
  if (!text) return {};
  try {
    return decodeObject(text, clock.now());
  } catch {
    throw invalidParam('malformed EJSON');
  }
}

function txnOf(body: Body): string | undefined {
  return str(body, 'transactionId');
}

type Handler = (db: Database, body: Body) => Promise<Body> | Body;

export const databaseActions: Record<string, Handler> = {
  'database.getDocument': (db, body) => {
    const limit = num(body, 'limit');
    const list = db.find(
      requireStr(body, 'collectionName'),
      parse(str(body, 'query')),
      {
        order: parse(str(body, 'order')),
        offset: num(body, 'offset'),
        ...(limit !== undefined ? { limit } : {}),
        projection: parse(str(body, 'projection')),
      },
      txnOf(body),
    );
    return { data: { list: list.map(encode), offset: num(body, 'offset') ?? 0, limit: limit ?? 100 } };
  },

  'database.calculateDocument': (db, body) => ({
    data: { total: db.count(requireStr(body, 'collectionName'), parse(str(body, 'query')), txnOf(body)) },
  }),

  'database.insertDocument': async (db, body) => {
    const raw = body.data;
    if (!Array.isArray(raw) || !raw.length || !raw.every((d): d is string => typeof d === 'string')) {
      throw invalidParam('data must be a non-empty list of documents');
    }
    const docs = raw.map((d) => parse(d));
    const ids = await db.insert(requireStr(body, 'collectionName'), docs, txnOf(body));
    return { data: { insertedIds: ids } };
  },

  'database.modifyDocument': async (db, body) => {
    const res = await db.update(
      requireStr(body, 'collectionName'),
      parse(str(body, 'query')),
      parse(str(body, 'data')),
      { multi: body.multi === true, merge: body.merge !== false, upsert: body.upsert === true },
      txnOf(body),
    );
    return { data: { updated: res.updated, ...(res.upsertedId ? { upsert_id: res.upsertedId } : {}) } };
  },

  'database.modifyAndReturnDoc': async (db, body) => {
    const res = await db.update(
      requireStr(body, 'collectionName'),
      parse(str(body, 'query')),
      parse(str(body, 'data')),
      { multi: false, merge: true, upsert: false },
      txnOf(body),
    );
    const doc = res.docs[0];
    return { data: { updated: res.updated, ...(doc ? { doc: encode(doc) } : {}) } };
  },

  'database.removeDocument': async (db, body) => ({
    data: {
      deleted: await db.remove(requireStr(body, 'collectionName'), parse(str(body, 'query')), body.multi !== false, txnOf(body)),
    },
  }),

  'database.aggregateDocuments': (db, body) => {
    const stages = body.stages;
    if (!Array.isArray(stages)) throw invalidParam('stages must be a list');
    const pipeline: Doc[] = stages.map((s: unknown) => {
      if (!isPlainObject(s) || typeof s.stageKey !== 'string' || typeof s.stageValue !== 'string') {
        throw invalidParam('each stage needs stageKey and stageValue');
      }
      try {
        return { [s.stageKey]: decode(s.stageValue, clock.now()) };
      } catch {
        throw invalidParam('malformed EJSON');
      }
    });
    return { data: { list: db.aggregate(requireStr(body, 'collectionName'), pipeline, txnOf(body)).map(encode) } };
  },

  'database.addCollection': async (db, body) => {
    await db.createCollection(requireStr(body, 'collectionName'));
    return { data: {} };
  },

  'database.startTransaction': (db) => {
    const transactionId = db.startTransaction();
    return { transactionId, data: { transactionId } };
  },

  'database.commitTransaction': async (db, body) => {
    await db.commitTransaction(requireStr(body, 'transactionId'));
    return { data: {} };
  },

  'database.abortTransaction': (db, body) => {
    db.abortTransaction(requireStr(body, 'transactionId'));
    return { data: {} };
  },
};
