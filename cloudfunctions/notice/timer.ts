// The daily timer (config.json, 00:30 China time): on the 1st it publishes last month's notice for
// every village; every day it settles the notices whose period has ended with no open objection.
// Villages are handled a few at a time, so a city of 1,200 villages fits one invocation.
import { C } from '../shared/collections';
import { noticeSchema, townSchema, villageSchema, type Village } from '../shared/model';
import { listAll } from '../shared/repo';
import { _ } from '../shared/sdk';
import { previousMonth } from './period';
import { publishNotice } from './publish';
import { settleNotice } from './settle';

const CONCURRENCY = 8;

async function inBatches<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY) await Promise.all(items.slice(i, i + CONCURRENCY).map(work));
}

async function allVillages(): Promise<Village[]> {
  const towns = await listAll(C.towns, {}, townSchema);
  const perTown = await Promise.all(towns.map((t) => listAll(C.villages, { townId: t._id }, villageSchema)));
  return perTown.flat();
}

export async function daily(at: Date): Promise<{ published: number; settled: number }> {
  let published = 0;
  let settled = 0;
  const month = previousMonth(at);
  const villages = await allVillages();
  await inBatches(villages, async (v) => {
    const existed = (await listAll(C.notices, { villageId: v._id, month }, noticeSchema)).length > 0;
    if (!existed) {
      await publishNotice(v, month, 'timer', at);
      published += 1;
    }
  });
  const due = await listAll(C.notices, { status: 'published', closesAt: _.lte(at) }, noticeSchema);
  await inBatches(due, async (n) => {
    if ((await settleNotice(n, 'timer', at)).settled) settled += 1;
  });
  return { published, settled };
}
