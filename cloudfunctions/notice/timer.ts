// The notice sweep (config.json: every 10 minutes, China time). It publishes last month's notice for
// every village that has none yet and settles every notice whose period has ended with no open
// objection — within a time budget, so that one invocation never outlives the function's timeout:
// what is left is taken up by the next run. A city of 1,200 villages is published within the first
// runs of the 1st, whatever the size of a run.
import { C } from '../shared/collections';
import { noticeSchema } from '../shared/notice/model';
import { townSchema, villageSchema, type Village } from '../shared/village/model';
import { listAll } from '../shared/repo';
import { _ } from '../shared/sdk';
import { previousMonth } from './period';
import { publishNotice } from './publish';
import { settleNotice } from './settle';

const CONCURRENCY = 8;
/** Stop starting new work after this long: well within half the function's 60 s timeout (deploy.ts), the margin every batch keeps. */
export const BUDGET_MS = 25_000;

export interface SweepResult {
  published: number;
  settled: number;
  /** Villages still to publish, notices still to settle: the next run's work. */
  remaining: number;
}

/**
 * Runs `work` over `items`, a few at a time, until the deadline; returns how many were done. One
 * village's failure (a busy moment of the database, say) does not stop the others: it is logged
 * and left for the next run.
 */
async function withinBudget<T>(items: T[], deadline: number, work: (item: T) => Promise<boolean>): Promise<number> {
  let done = 0;
  const attempt = (item: T): Promise<boolean> =>
    work(item).catch((e: unknown) => {
      console.error('notice sweep: left for the next run', e);
      return false;
    });
  for (let i = 0; i < items.length && Date.now() < deadline; i += CONCURRENCY) {
    const results = await Promise.all(items.slice(i, i + CONCURRENCY).map(attempt));
    done += results.filter(Boolean).length;
  }
  return done;
}

async function allVillages(): Promise<Village[]> {
  const towns = await listAll(C.towns, {}, townSchema);
  const perTown = await Promise.all(towns.map((t) => listAll(C.villages, { townId: t._id }, villageSchema)));
  return perTown.flat();
}

export async function sweep(at: Date, budgetMs: number = BUDGET_MS): Promise<SweepResult> {
  // The machine's time on purpose: a time budget within one run, not a business date.
  const deadline = Date.now() + budgetMs;
  const month = previousMonth(at);
  const [villages, published] = await Promise.all([allVillages(), listAll(C.notices, { month }, noticeSchema)]);
  const have = new Set(published.map((n) => n.villageId));
  const toPublish = villages.filter((v) => !have.has(v._id));
  const publishedNow = await withinBudget(toPublish, deadline, async (v) => {
    await publishNotice(v, month, 'timer', at);
    return true;
  });
  const due = await listAll(C.notices, { status: 'published', closesAt: _.lte(at) }, noticeSchema);
  const settledNow = await withinBudget(due, deadline, async (n) => (await settleNotice(n, 'timer', at)).settled);
  const stillDue = due.length - settledNow;
  return { published: publishedNow, settled: settledNow, remaining: toPublish.length - publishedNow + Math.max(0, stillDue) };
}
