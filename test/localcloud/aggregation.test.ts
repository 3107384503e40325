// Aggregation pipelines through collection.aggregate(): every stage the app may use and the
// aggregate operators of db.command.aggregate, including $lookup across collections.
import { useLocalCloud } from '../support/harness';
import { aggregate, failure, getAll, type CollectionRef, type Command, type Doc } from '../support/sdk';

const s = useLocalCloud();

const RECORDS: Doc[] = [
  { _id: 'r1', user: 'u1', village: '东村', points: 10, kind: 'clean', items: ['broom', 'bag'], at: new Date('2024-03-01T08:00:00Z') },
  { _id: 'r2', user: 'u1', village: '东村', points: 5, kind: 'help', items: ['bag'], at: new Date('2024-03-02T08:00:00Z') },
  { _id: 'r3', user: 'u2', village: '西村', points: 20, kind: 'clean', items: [], at: new Date('2024-04-01T08:00:00Z') },
  { _id: 'r4', user: 'u3', village: '西村', points: 7, kind: 'help', items: ['rake'], at: new Date('2024-04-15T08:00:00Z') },
  { _id: 'r5', user: 'u2', village: '西村', points: 1, kind: 'vote', at: new Date('2024-05-01T08:00:00Z') },
];

const USERS: Doc[] = [
  { _id: 'u1', name: '张三', role: 'villager' },
  { _id: 'u2', name: '李四', role: 'cadre' },
  { _id: 'u4', name: '无记录', role: 'villager' },
];

let records: CollectionRef;
let users: CollectionRef;

beforeAll(async () => {
  records = await s.collection('records', RECORDS);
  users = await s.collection('users', USERS);
});

/** db.command.aggregate: the aggregate operators. */
const $ = (): Command['aggregate'] => s._.aggregate;

describe('stages', () => {
  test('match with query commands, then sort, skip, limit', async () => {
    const list = await aggregate(
      records
        .aggregate()
        .match({ points: s._.gte(5), village: s._.in(['东村', '西村']) })
        .sort({ points: -1 })
        .skip(1)
        .limit(2),
    );
    expect(list.map((d) => d._id)).toEqual(['r1', 'r4']);
  });

  test('group with accumulators', async () => {
    const a = $();
    const list = await aggregate(
      records
        .aggregate()
        .group({
          _id: '$village',
          total: a.sum('$points'),
          n: a.sum(1),
          avg: a.avg('$points'),
          max: a.max('$points'),
          min: a.min('$points'),
          users: a.addToSet('$user'),
          kinds: a.push('$kind'),
        })
        .sort({ _id: 1 }),
    );
    expect(list).toHaveLength(2);
    const [east, west] = list;
    expect(east).toMatchObject({ _id: '东村', total: 15, n: 2, avg: 7.5, max: 10, min: 5, kinds: ['clean', 'help'] });
    expect(east?.users).toEqual(['u1']);
    expect(west).toMatchObject({ _id: '西村', total: 28, n: 3, max: 20, min: 1, kinds: ['clean', 'help', 'vote'] });
    expect(Array.isArray(west?.users) ? [...west.users].sort() : west?.users).toEqual(['u2', 'u3']);
  });

  test('group with first and last after a sort, and a null _id', async () => {
    const a = $();
    const [all] = await aggregate(
      records
        .aggregate()
        .sort({ at: 1 })
        .group({ _id: null, first: a.first('$_id'), last: a.last('$_id'), total: a.sum('$points') }),
    );
    expect(all).toEqual({ _id: null, first: 'r1', last: 'r5', total: 43 });
  });

  test('project with expressions, and addFields', async () => {
    const a = $();
    const list = await aggregate(
      records
        .aggregate()
        .match({ _id: s._.in(['r1', 'r3']) })
        .project({
          _id: 0,
          user: 1,
          double: a.multiply(['$points', 2]),
          label: a.concat(['$village', '-', '$kind']),
          big: a.cond([a.gte(['$points', 15]), 'yes', 'no']),
          count: a.size('$items'),
        })
        .addFields({ plusOne: a.add(['$double', 1]) })
        .sort({ double: 1 }),
    );
    expect(list).toEqual([
      { user: 'u1', double: 20, label: '东村-clean', big: 'no', count: 2, plusOne: 21 },
      { user: 'u2', double: 40, label: '西村-clean', big: 'yes', count: 0, plusOne: 41 },
    ]);
  });

  test('unwind, then group by the elements', async () => {
    const a = $();
    const list = await aggregate(
      records
        .aggregate()
        .unwind('$items')
        .group({ _id: '$items', n: a.sum(1) })
        .sort({ n: -1, _id: 1 }),
    );
    expect(list).toEqual([
      { _id: 'bag', n: 2 },
      { _id: 'broom', n: 1 },
      { _id: 'rake', n: 1 },
    ]);
    const keep = await aggregate(records.aggregate().unwind({ path: '$items', preserveNullAndEmptyArrays: true }).count('rows'));
    expect(keep).toEqual([{ rows: 6 }]);
  });

  test('lookup joins another collection by field', async () => {
    const list = await aggregate(
      records
        .aggregate()
        .match({ kind: 'clean' })
        .lookup({ from: users.collectionName, localField: 'user', foreignField: '_id', as: 'who' })
        .project({ _id: 1, who: 1 })
        .sort({ _id: 1 }),
    );
    expect(list).toEqual([
      { _id: 'r1', who: [{ _id: 'u1', name: '张三', role: 'villager' }] },
      { _id: 'r3', who: [{ _id: 'u2', name: '李四', role: 'cadre' }] },
    ]);
  });

  test('lookup with let and a pipeline', async () => {
    const a = $();
    const list = await aggregate(
      users
        .aggregate()
        .lookup({
          from: records.collectionName,
          let: { uid: '$_id' },
          // The typings lack aggregate.pipeline(); these are the stages its done() gives.
          pipeline: [{ $match: s._.expr(a.eq(['$user', '$$uid'])) }, { $group: { _id: null, total: a.sum('$points') } }],
          as: 'sum',
        })
        .project({ _id: 1, sum: 1 })
        .sort({ _id: 1 }),
    );
    expect(list).toEqual([
      { _id: 'u1', sum: [{ _id: null, total: 15 }] },
      { _id: 'u2', sum: [{ _id: null, total: 21 }] },
      { _id: 'u4', sum: [] },
    ]);
  });

  test('count', async () => {
    expect(await aggregate(records.aggregate().match({ village: '西村' }).count('n'))).toEqual([{ n: 3 }]);
  });

  test('sample picks that many distinct documents, at most all of them', async () => {
    const list = await aggregate(records.aggregate().sample({ size: 3 }));
    expect(list).toHaveLength(3);
    expect(new Set(list.map((d) => d._id)).size).toBe(3);
    for (const d of list) expect(RECORDS).toContainEqual(d);
    // Asking for more than there are answers each document once.
    const all = await aggregate(records.aggregate().sample({ size: 10 }));
    expect(all.map((d) => d._id).sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  test('bucket', async () => {
    const a = $();
    const list = await aggregate(
      records
        .aggregate()
        .bucket({ groupBy: '$points', boundaries: [0, 6, 15, 100], default: 'other', output: { n: a.sum(1), ids: a.push('$_id') } }),
    );
    expect(list).toEqual([
      { _id: 0, n: 2, ids: ['r2', 'r5'] },
      { _id: 6, n: 2, ids: ['r1', 'r4'] },
      { _id: 15, n: 1, ids: ['r3'] },
    ]);
  });

  test('sortByCount and replaceRoot', async () => {
    const counts = await aggregate(records.aggregate().sortByCount('$kind'));
    expect(counts.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { _id: 'clean', count: 2 },
        { _id: 'help', count: 2 },
      ]),
    );
    expect(counts[2]).toEqual({ _id: 'vote', count: 1 });
    const roots = await aggregate(
      records
        .aggregate()
        .match({ _id: 'r1' })
        .project({ inner: { p: '$points', v: '$village' } })
        .replaceRoot({ newRoot: '$inner' }),
    );
    expect(roots).toEqual([{ p: 10, v: '东村' }]);
  });
});

describe('aggregate operators', () => {
  test('arithmetic, string, array, date and conditional operators', async () => {
    const a = $();
    const [doc] = await aggregate(
      records
        .aggregate()
        .match({ _id: 'r1' })
        .project({
          _id: 0,
          sub: a.subtract(['$points', 3]),
          div: a.divide(['$points', 4]),
          mod: a.mod(['$points', 3]),
          abs: a.abs(-4),
          upper: a.toUpper('$kind'),
          sub2: a.substrCP(['$kind', 1, 3]),
          first: a.arrayElemAt(['$items', 0]),
          has: a.in(['bag', '$items']),
          month: a.month('$at'),
          day: a.dateToString({ date: '$at', format: '%Y-%m-%d' }),
          nul: a.ifNull(['$missing', 'fallback']),
          sw: a.switch({
            // A $switch branch names its value "then": the database's syntax, not a thenable.
            branches: [
              // biome-ignore lint/suspicious/noThenProperty: the database's syntax
              { case: a.gt(['$points', 100]), then: 'huge' },
              // biome-ignore lint/suspicious/noThenProperty: the database's syntax
              { case: a.gt(['$points', 5]), then: 'mid' },
            ],
            default: 'small',
          }),
          filtered: a.filter({ input: '$items', as: 'it', cond: a.eq(['$$it', 'bag']) }),
        }),
    );
    expect(doc).toEqual({
      sub: 7,
      div: 2.5,
      mod: 1,
      abs: 4,
      upper: 'CLEAN',
      sub2: 'lea',
      first: 'broom',
      has: true,
      month: 3,
      day: '2024-03-01',
      nul: 'fallback',
      sw: 'mid',
      filtered: ['bag'],
    });
  });

  test('a group over an expression of a date', async () => {
    const a = $();
    const list = await aggregate(
      records
        .aggregate()
        .group({ _id: { month: a.month('$at') }, points: a.sum('$points') })
        .sort({ '_id.month': 1 }),
    );
    expect(list).toEqual([
      { _id: { month: 3 }, points: 15 },
      { _id: { month: 4 }, points: 27 },
      { _id: { month: 5 }, points: 1 },
    ]);
  });
});

describe('the stored documents', () => {
  test('are never changed by a pipeline, its own collection or a joined one', async () => {
    await aggregate(records.aggregate().unwind({ path: '$items', preserveNullAndEmptyArrays: true }));
    await aggregate(
      records
        .aggregate()
        .lookup({ from: users.collectionName, localField: 'user', foreignField: '_id', as: 'who' })
        .unwind('$who')
        .addFields({ 'who.name': 'changed', kind: 'changed' }),
    );
    expect(await getAll(records.orderBy('_id', 'asc'))).toEqual(RECORDS);
    expect(await getAll(users.orderBy('_id', 'asc'))).toEqual(USERS);
  });
});

describe('errors', () => {
  test('an unknown stage or operator is refused', async () => {
    const err = await failure(
      records
        .aggregate()
        .group({ _id: null, x: { $noSuchOperator: 1 } })
        .end(),
    );
    expect(err.errCode).toBeLessThan(0);
  });

  test('aggregating a missing collection fails', async () => {
    const err = await failure(s.db.collection('no_such_collection').aggregate().match({}).end());
    // wx-server-sdk's aggregate() does not map the wire code to -502005 (its other calls do),
    // so only the message tells what went wrong, as it does against the cloud.
    expect(err.errMsg).toMatch(/collection\.aggregate:fail .*not exist: no_such_collection/);
  });
});
