// Every query operator of db.command, regular expressions, nested fields, dotted paths and arrays,
// driven through the real wx-server-sdk.
import { useLocalCloud } from '../support/harness';
import { getAll, getDoc, type CollectionRef, type Doc } from '../support/sdk';

const s = useLocalCloud();

const VILLAGERS: Doc[] = [
  {
    _id: 'a',
    name: '张三',
    age: 30,
    points: 10,
    tags: ['red', 'blue'],
    address: { city: '杭州', zip: '310000' },
    scores: [
      { k: 'x', v: 5 },
      { k: 'y', v: 9 },
    ],
    joined: new Date('2024-01-02T03:04:05.678Z'),
  },
  {
    _id: 'b',
    name: '李四',
    age: 45,
    points: 7,
    tags: ['blue'],
    address: { city: '宁波' },
    scores: [{ k: 'x', v: 1 }],
    joined: new Date('2023-05-01T00:00:00.000Z'),
    nick: null,
  },
  {
    _id: 'c',
    name: '王五',
    age: 22,
    points: 0,
    tags: [],
    address: { city: '杭州', zip: '311100' },
    scores: [],
    joined: new Date('2025-03-01T00:00:00.000Z'),
  },
  {
    _id: 'd',
    name: 'Zhao Liu',
    age: 60,
    points: 15,
    tags: ['red', 'green', 'blue'],
    scores: [
      { k: 'y', v: 3 },
      { k: 'x', v: 7 },
    ],
    joined: new Date('2022-12-31T23:59:59.999Z'),
  },
];

let coll: CollectionRef;

beforeAll(async () => {
  coll = await s.collection('villagers', VILLAGERS);
});

/** The _ids matching a where() condition, sorted. */
async function ids(condition: Parameters<CollectionRef['where']>[0]): Promise<string[]> {
  const list = await getAll(coll.where(condition));
  return list.map((d) => String(d._id)).sort();
}

describe('comparison operators', () => {
  test('plain equality and eq', async () => {
    expect(await ids({ name: '张三' })).toEqual(['a']);
    expect(await ids({ age: s._.eq(45) })).toEqual(['b']);
    expect(await ids({ age: s._.eq('45') })).toEqual([]);
  });

  test('eq on a whole object and a whole array compares exactly', async () => {
    expect(await ids({ address: s._.eq({ city: '杭州', zip: '310000' }) })).toEqual(['a']);
    expect(await ids({ address: s._.eq({ city: '杭州' }) })).toEqual([]);
    expect(await ids({ tags: s._.eq(['red', 'blue']) })).toEqual(['a']);
    expect(await ids({ tags: s._.eq(['blue', 'red']) })).toEqual([]);
  });

  test('neq also matches documents without the field', async () => {
    expect(await ids({ age: s._.neq(30) })).toEqual(['b', 'c', 'd']);
    expect(await ids({ 'address.zip': s._.neq('310000') })).toEqual(['b', 'c', 'd']);
  });

  test('gt gte lt lte on numbers', async () => {
    expect(await ids({ age: s._.gt(45) })).toEqual(['d']);
    expect(await ids({ age: s._.gte(45) })).toEqual(['b', 'd']);
    expect(await ids({ age: s._.lt(30) })).toEqual(['c']);
    expect(await ids({ age: s._.lte(30) })).toEqual(['a', 'c']);
  });

  test('gt lt on dates and strings', async () => {
    expect(await ids({ joined: s._.gt(new Date('2024-01-02T03:04:05.000Z')) })).toEqual(['a', 'c']);
    expect(await ids({ joined: s._.lte(new Date('2022-12-31T23:59:59.999Z')) })).toEqual(['d']);
    expect(await ids({ name: s._.lt('a') })).toEqual(['d']);
  });

  test('a comparison does not match values of another type', async () => {
    expect(await ids({ name: s._.gt(0) })).toEqual([]);
    expect(await ids({ joined: s._.gt(0) })).toEqual([]);
  });

  test('in and nin, on scalars and on arrays', async () => {
    expect(await ids({ age: s._.in([30, 60, 99]) })).toEqual(['a', 'd']);
    expect(await ids({ tags: s._.in(['green']) })).toEqual(['d']);
    expect(await ids({ age: s._.nin([30, 60]) })).toEqual(['b', 'c']);
    expect(await ids({ tags: s._.nin(['red']) })).toEqual(['b', 'c']);
    expect(await ids({ age: s._.in([]) })).toEqual([]);
  });
});

describe('logical operators', () => {
  test('and, at the top level and on one field', async () => {
    expect(await ids(s._.and([{ age: s._.gt(20) }, { age: s._.lt(50) }, { points: s._.gt(5) }]))).toEqual(['a', 'b']);
    expect(await ids({ age: s._.gt(25).and(s._.lt(50)) })).toEqual(['a', 'b']);
    expect(await ids({ age: s._.and(s._.gt(25), s._.lt(40)) })).toEqual(['a']);
  });

  test('two conditions on one field both apply', async () => {
    expect(await ids({ age: s._.gte(22).and(s._.lte(30)), points: s._.gt(0) })).toEqual(['a']);
  });

  test('or, at the top level and on one field', async () => {
    expect(await ids(s._.or([{ age: s._.lt(25) }, { points: s._.gt(12) }]))).toEqual(['c', 'd']);
    expect(await ids({ age: s._.lt(25).or(s._.gt(50)) })).toEqual(['c', 'd']);
    expect(await ids(s._.or({ name: '张三' }, { 'address.city': '宁波' }))).toEqual(['a', 'b']);
  });

  test('nor', async () => {
    expect(await ids(s._.nor([{ age: s._.lt(25) }, { points: s._.gt(12) }]))).toEqual(['a', 'b']);
  });

  test('not', async () => {
    expect(await ids({ age: s._.not(s._.gt(40)) })).toEqual(['a', 'c']);
    // $not also matches documents without the field.
    expect(await ids({ 'address.zip': s._.not(s._.eq('310000')) })).toEqual(['b', 'c', 'd']);
  });

  test('and combined with or', async () => {
    const cond = s._.and([s._.or([{ age: s._.lt(25) }, { age: s._.gt(50) }]), { tags: 'red' }]);
    expect(await ids(cond)).toEqual(['d']);
  });
});

describe('element and evaluation operators', () => {
  test('exists: null counts as present, a missing field does not', async () => {
    expect(await ids({ 'address.zip': s._.exists(true) })).toEqual(['a', 'c']);
    expect(await ids({ nick: s._.exists(true) })).toEqual(['b']);
    expect(await ids({ address: s._.exists(false) })).toEqual(['d']);
  });

  test('equality with null matches null and missing fields', async () => {
    expect(await ids({ nick: null })).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids({ nick: s._.eq(null), age: s._.gt(40) })).toEqual(['b', 'd']);
  });

  test('mod', async () => {
    expect(await ids({ points: s._.mod(5, 0) })).toEqual(['a', 'c', 'd']);
    expect(await ids({ age: s._.mod(4, 2) })).toEqual(['a', 'c']);
  });

  test('regular expressions with db.RegExp and a JS RegExp', async () => {
    expect(await ids({ name: s.db.RegExp({ regexp: '^张' }) })).toEqual(['a']);
    expect(await ids({ name: s.db.RegExp({ regexp: '^zhao', options: 'i' }) })).toEqual(['d']);
    expect(await ids({ name: s.db.RegExp({ regexp: '^zhao' }) })).toEqual([]);
    expect(await ids({ name: /liu$/i })).toEqual(['d']);
    expect(await ids({ 'address.city': s.db.RegExp({ regexp: '州' }) })).toEqual(['a', 'c']);
  });
});

describe('array operators', () => {
  test('a scalar condition matches any element', async () => {
    expect(await ids({ tags: 'blue' })).toEqual(['a', 'b', 'd']);
    expect(await ids({ tags: 'green' })).toEqual(['d']);
  });

  test('size', async () => {
    expect(await ids({ tags: s._.size(2) })).toEqual(['a']);
    expect(await ids({ tags: s._.size(0) })).toEqual(['c']);
  });

  test('all', async () => {
    expect(await ids({ tags: s._.all(['red', 'blue']) })).toEqual(['a', 'd']);
    expect(await ids({ tags: s._.all(['blue', 'green']) })).toEqual(['d']);
  });

  test('elemMatch needs one element to satisfy every condition, dotted paths do not', async () => {
    expect(await ids({ scores: s._.elemMatch({ k: 'x', v: s._.gt(4) }) })).toEqual(['a', 'd']);
    expect(await ids({ scores: s._.elemMatch({ k: 'y', v: s._.gt(8) }) })).toEqual(['a']);
    // Without elemMatch, "k is x" and "v > 8" may be met by different elements.
    expect(await ids({ 'scores.k': 'x', 'scores.v': s._.gt(8) })).toEqual(['a']);
    expect(await ids({ scores: s._.elemMatch({ k: 'x', v: s._.gt(8) }) })).toEqual([]);
  });

  test('positional paths', async () => {
    expect(await ids({ 'tags.0': 'red' })).toEqual(['a', 'd']);
    expect(await ids({ 'scores.1.v': s._.gte(7) })).toEqual(['a', 'd']);
  });
});

describe('nested fields', () => {
  test('a nested object in where() matches by its fields, like a dotted path', async () => {
    expect(await ids({ address: { city: '杭州' } })).toEqual(['a', 'c']);
    expect(await ids({ 'address.city': '杭州' })).toEqual(['a', 'c']);
    expect(await ids({ address: { city: '杭州', zip: s._.gt('310500') } })).toEqual(['c']);
  });

  test('paths through arrays of objects', async () => {
    expect(await ids({ 'scores.k': 'y' })).toEqual(['a', 'd']);
    expect(await ids({ scores: { v: s._.lt(2) } })).toEqual(['b']);
  });

  test('a second where() replaces the first', async () => {
    const list = await getAll(coll.where({ age: 30 }).where({ age: 45 }));
    expect(list.map((d) => d._id)).toEqual(['b']);
  });
});

describe('values round-trip', () => {
  test('dates, nulls, nested objects and Unicode come back as written', async () => {
    const doc = await getDoc(coll.doc('a'));
    expect(doc.joined).toBeInstanceOf(Date);
    expect(doc.joined).toEqual(new Date('2024-01-02T03:04:05.678Z'));
    expect(doc).toEqual(VILLAGERS[0]);
    const b = await getDoc(coll.doc('b'));
    expect(b.nick).toBeNull();
  });

  test('numbers keep integer and fraction values, booleans stay booleans', async () => {
    const c = await s.collection('numbers', [{ _id: 'n', int: 7, neg: -3, frac: 0.1 + 0.2, big: 2 ** 53 - 1, yes: true, no: false }]);
    const doc = await getDoc(c.doc('n'));
    expect(doc).toEqual({ _id: 'n', int: 7, neg: -3, frac: 0.1 + 0.2, big: 2 ** 53 - 1, yes: true, no: false });
    expect(await getAll(c.where({ yes: true }))).toHaveLength(1);
    expect(await getAll(c.where({ no: s._.eq(false), frac: s._.gt(0.3) }))).toHaveLength(1);
  });
});
