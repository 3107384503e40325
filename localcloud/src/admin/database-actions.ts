// The `database.*` actions of the CloudBase admin protocol, as wx-server-sdk sends them.
import { decode, decodeObject, encode, isPlainObject, type Doc } from '../ejson';
import { clock } from '../clock';
import type { Database } from '../store/database';
import { invalidParam, StoreError } from '../store/errors';

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

/**
 * The docs' words (their sentence begins 在事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc,
 * collection.add）…) — https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html
 */
export const TRANSACTION_SINGLE_DOCUMENT_ONLY = '事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc, collection.add）';

/**
 * The transaction of a request, refusing what the cloud refuses inside one: a query (queryType
 * WHERE) rather than one document by its id. (count() and aggregate() carry no transaction id from
 * the SDK, so they read outside the transaction, as they do in the cloud.)
 */
function singleDocTxnOf(body: Body): string | undefined {
  const txn = txnOf(body);
  if (txn && str(body, 'queryType') !== 'DOC') throw new StoreError('DATABASE_REQUEST_FAILED', TRANSACTION_SINGLE_DOCUMENT_ONLY);
  return txn;
}

/**
 * Documents an aggregation answers when its pipeline sets no $limit: the cloud's default, measured by
 * its users (no reference page states it): https://developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13
 * (云函数端Aggregate聚合操作limit默认20条限制).
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;

type Handler = (db: Database, body: Body) => Promise<Body> | Body;

export const databaseActions: Record<string, Handler> = {
  // get() without limit(): 100 (Collection.get: 云函数端：如果没有指定 limit，则默认且最多取 100 条记录,
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/collection/Collection.get.html);
  // limit() at most 1000 (Collection.limit: 在云函数端默认及最大上限为 1000,
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.limit.md).
  // store/database.ts's DEFAULT_LIMIT and MAX_LIMIT.
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
      singleDocTxnOf(body),
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
      singleDocTxnOf(body),
    );
    return { data: { updated: res.updated, ...(res.upsertedId ? { upsert_id: res.upsertedId } : {}) } };
  },

  'database.modifyAndReturnDoc': async (db, body) => {
    const res = await db.update(
      requireStr(body, 'collectionName'),
      parse(str(body, 'query')),
      parse(str(body, 'data')),
      { multi: false, merge: true, upsert: false },
      singleDocTxnOf(body),
    );
    const doc = res.docs[0];
    return { data: { updated: res.updated, ...(doc ? { doc: encode(doc) } : {}) } };
  },

  'database.removeDocument': async (db, body) => ({
    data: {
      deleted: await db.remove(requireStr(body, 'collectionName'), parse(str(body, 'query')), body.multi !== false, singleDocTxnOf(body)),
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
    // Without a $limit stage the cloud answers the first 20 results only.
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
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
