// What the benchmark does to the local cloud: a points ledger (积分流水) of households, ten records
// per household, queried by the indexed `household` field. The bulk of the data is loaded with the
// admin protocol's database.insertDocument, many documents per request; every measured operation
// goes through wx-server-sdk.
import { encode, isPlainObject, type Doc } from '../src/ejson';
import { promised, type Db } from './sdk';
// The demo's seeded PRNG (mulberry32), so every run asks for the same documents.
import { prng } from '../../demo/names';

export const COLLECTION = 'bench_points';
export const INDEXED_FIELD = 'household';
/** Records per household: an indexed get returns this many documents at every collection size. */
export const PER_HOUSEHOLD = 10;

/** The manifest the local cloud starts with: the collection and its index on the queried field. */
export const MANIFEST = {
  collections: [{ name: COLLECTION, indexes: [{ name: `${INDEXED_FIELD}_1`, keys: [{ field: INDEXED_FIELD, direction: 1 }] }] }],
};

const KINDS = ['签到', '志愿服务', '环境整治', '垃圾分类', '积分兑换'];
const EPOCH = Date.UTC(2024, 0, 1);

export function householdOf(seq: number): string {
  return `h${String(Math.floor(seq / PER_HOUSEHOLD)).padStart(6, '0')}`;
}

export function makeDoc(seq: number): Doc {
  return {
    seq,
    [INDEXED_FIELD]: householdOf(seq),
    openid: `oBench${seq.toString(36).padStart(8, '0')}`,
    kind: KINDS[seq % KINDS.length] ?? '签到',
    points: ((seq * 7919) % 50) + 1,
    note: `第${seq}条积分记录：参加村里的活动`,
    createdAt: new Date(EPOCH + seq * 60_000),
  };
}

function insertedIds(body: unknown): string[] {
  if (isPlainObject(body) && isPlainObject(body.data) && Array.isArray(body.data.insertedIds)) {
    return body.data.insertedIds.map(String);
  }
  throw new Error(`database.insertDocument failed: ${JSON.stringify(body).slice(0, 300)}`);
}

export class Workload {
  /** Sequence number of the next document; all below it are stored once no add is in flight. */
  private nextSeq = 0;
  private readonly ids: string[] = [];
  private readonly rand = prng(20240101);

  constructor(
    private readonly url: string,
    private readonly db: Db,
  ) {}

  get size(): number {
    return this.nextSeq;
  }

  /** Loads documents until the collection holds `target`, `batch` per request, `inFlight` requests at once. */
  async loadTo(target: number, batch = 1000, inFlight = 4): Promise<void> {
    const worker = async (): Promise<void> => {
      while (this.nextSeq < target) {
        const first = this.nextSeq;
        const count = Math.min(batch, target - first);
        this.nextSeq += count;
        const data = Array.from({ length: count }, (_, i) => encode(makeDoc(first + i)));
        const res = await fetch(`${this.url}/admin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'database.insertDocument', collectionName: COLLECTION, data }),
        });
        const ids = insertedIds(await res.json());
        if (ids.length !== count) throw new Error(`inserted ${ids.length} of ${count} documents`);
        this.ids.push(...ids);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  }

  private randomHousehold(): string {
    const households = Math.floor(this.nextSeq / PER_HOUSEHOLD);
    return householdOf(Math.floor(this.rand() * households) * PER_HOUSEHOLD);
  }

  private randomId(): string {
    const id = this.ids[Math.floor(this.rand() * this.ids.length)];
    if (id === undefined) throw new Error('no documents to update');
    return id;
  }

  /** collection.add of one document. */
  readonly add = async (): Promise<void> => {
    const doc = makeDoc(this.nextSeq++);
    const res = await promised(this.db.collection(COLLECTION).add({ data: doc }));
    this.ids.push(String(res._id));
  };

  /** where({ household }).get(): an equality query the index answers. */
  readonly get = async (): Promise<void> => {
    const res = await promised(
      this.db
        .collection(COLLECTION)
        .where({ [INDEXED_FIELD]: this.randomHousehold() })
        .get(),
    );
    if (res.data.length !== PER_HOUSEHOLD) throw new Error(`indexed get returned ${res.data.length} documents, not ${PER_HOUSEHOLD}`);
  };

  /** doc(_id).update with an operator. */
  readonly update = async (): Promise<void> => {
    const res = await promised(
      this.db
        .collection(COLLECTION)
        .doc(this.randomId())
        .update({ data: { points: this.db.command.inc(1) } }),
    );
    if (res.stats.updated !== 1) throw new Error(`update changed ${res.stats.updated} documents, not 1`);
  };

  /** aggregate(): $match on the indexed field, then $group by kind. */
  readonly aggregate = async (): Promise<void> => {
    const $ = this.db.command.aggregate;
    const res = await promised(
      this.db
        .collection(COLLECTION)
        .aggregate()
        .match({ [INDEXED_FIELD]: this.randomHousehold() })
        .group({ _id: '$kind', records: $.sum(1), points: $.sum('$points') })
        .end(),
    );
    if (!res.list.length) throw new Error('aggregate returned no groups');
  };
}
