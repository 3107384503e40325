// orderBy / skip / limit / field, count, and the cloud's read limits: get() answers 100 documents
// by default and 1000 at most.
import { insertMany, rawGetDocument, useLocalCloud } from '../support/harness';
import { count, getAll, getDoc, type CollectionRef, type Doc } from '../support/sdk';

const s = useLocalCloud();

const PEOPLE: Doc[] = [
  { _id: 'p1', name: 'A', age: 30, village: '东村', profile: { score: 3, secret: 'x' }, tags: [1, 2, 3, 4] },
  { _id: 'p2', name: 'B', age: 25, village: '西村', profile: { score: 9, secret: 'y' }, tags: [5] },
  { _id: 'p3', name: 'C', age: 30, village: '西村', profile: { score: 1, secret: 'z' }, tags: [] },
  { _id: 'p4', name: 'D', age: 41, village: '东村', profile: { score: 5, secret: 'w' }, tags: [6, 7] },
  { _id: 'p5', name: 'E', village: '南村', profile: { score: 7, secret: 'v' } },
];

let people: CollectionRef;
let many: CollectionRef;
const MANY = 1234;

beforeAll(async () => {
  people = await s.collection('people', PEOPLE);
  many = await s.collection('many');
  await insertMany(
    many,
    Array.from({ length: MANY }, (_, i) => ({ n: i, even: i % 2 === 0 })),
  );
});

const idsOf = (list: Doc[]): unknown[] => list.map((d) => d._id);

describe('orderBy', () => {
  test('ascending and descending on one field', async () => {
    expect(idsOf(await getAll(people.where({ age: s._.exists(true) }).orderBy('age', 'asc')))).toEqual(
      expect.arrayContaining(['p2', 'p1', 'p3', 'p4']),
    );
    const asc = await getAll(people.where({ age: s._.exists(true) }).orderBy('age', 'asc'));
    expect(asc.map((d) => d.age)).toEqual([25, 30, 30, 41]);
    const desc = await getAll(people.orderBy('profile.score', 'desc'));
    expect(idsOf(desc)).toEqual(['p2', 'p5', 'p4', 'p1', 'p3']);
  });

  test('several keys apply in call order', async () => {
    const list = await getAll(people.orderBy('village', 'asc').orderBy('age', 'desc'));
    // Chinese strings compare by code unit, as MongoDB's simple collation does: 东 < 南 < 西.
    expect(idsOf(list)).toEqual(['p4', 'p1', 'p5', 'p3', 'p2']);
    const byAgeThenName = await getAll(people.where({ age: 30 }).orderBy('age', 'asc').orderBy('name', 'desc'));
    expect(idsOf(byAgeThenName)).toEqual(['p3', 'p1']);
  });

  test('documents missing the sort field come first in ascending order', async () => {
    const list = await getAll(people.orderBy('age', 'asc'));
    expect(list[0]?._id).toBe('p5');
  });
});

describe('skip and limit', () => {
  test('page through a sorted result', async () => {
    const page1 = await getAll(people.orderBy('name', 'asc').limit(2));
    const page2 = await getAll(people.orderBy('name', 'asc').skip(2).limit(2));
    const page3 = await getAll(people.orderBy('name', 'asc').skip(4).limit(2));
    expect([page1, page2, page3].map(idsOf)).toEqual([['p1', 'p2'], ['p3', 'p4'], ['p5']]);
    expect(await getAll(people.skip(10))).toEqual([]);
  });

  test('skip applies after the sort, limit after the skip', async () => {
    const list = await getAll(many.where({ even: true }).orderBy('n', 'desc').skip(3).limit(4));
    expect(list.map((d) => d.n)).toEqual([MANY - 8, MANY - 10, MANY - 12, MANY - 14]);
  });
});

describe('field projection', () => {
  test('inclusion keeps _id and the named fields, including nested ones', async () => {
    const list = await getAll(people.where({ _id: 'p1' }).field({ name: true, 'profile.score': true }));
    expect(list).toEqual([{ _id: 'p1', name: 'A', profile: { score: 3 } }]);
  });

  test('exclusion drops the named fields', async () => {
    const list = await getAll(people.where({ _id: 'p2' }).field({ profile: false, tags: false }));
    expect(list).toEqual([{ _id: 'p2', name: 'B', age: 25, village: '西村' }]);
  });

  test('doc().field() and _id excluded', async () => {
    expect(await getDoc(people.doc('p3').field({ village: true }))).toEqual({ _id: 'p3', village: '西村' });
    const [only] = await getAll(people.where({ _id: 'p4' }).field({ _id: false, age: true }));
    expect(only).toEqual({ age: 41 });
  });

  test('_.project.slice limits an array field', async () => {
    const [doc] = await getAll(people.where({ _id: 'p1' }).field({ tags: s._.project.slice(2) }));
    expect(doc?.tags).toEqual([1, 2]);
    const [tail] = await getAll(people.where({ _id: 'p1' }).field({ name: true, tags: s._.project.slice([1, 2]) }));
    expect(tail).toEqual({ _id: 'p1', name: 'A', tags: [2, 3] });
  });
});

describe('count', () => {
  test('counts every match, not limited to a page', async () => {
    expect(await count(people)).toBe(5);
    expect(await count(people.where({ village: '西村' }))).toBe(2);
    expect(await count(people.where({ village: '北村' }))).toBe(0);
    expect(await count(many)).toBe(MANY);
    expect(await count(many.where({ even: true }))).toBe(MANY / 2);
  });
});

describe('read limits', () => {
  test('get() answers 100 documents by default', async () => {
    expect(await getAll(many)).toHaveLength(100);
    expect(await getAll(many.where({ n: s._.gte(0) }))).toHaveLength(100);
  });

  test('limit() up to 1000 is honoured', async () => {
    expect(await getAll(many.limit(1000))).toHaveLength(1000);
    expect(await getAll(many.limit(250).skip(1100))).toHaveLength(MANY - 1100);
  });

  test('more than 1000 is never answered, whatever the request asks', async () => {
    // The SDK cuts a larger limit to 1000; the server must cut it too when asked by hand.
    expect(await getAll(many.limit(5000))).toHaveLength(1000);
    expect(await rawGetDocument(s.lc.url, { collectionName: many.collectionName, query: '{}', limit: 5000 })).toHaveLength(1000);
  });
});
