// The quarterly timer (config.json: 03:00 China time on the 10th and the 25th of January, April, July
// and October): awards the quarter that has just ended in every village whose notices have settled.
// The second firing catches villages whose last notice settled late; awarding again changes nothing.
import { C } from '../shared/collections';
import { gridSchema, townSchema, villageSchema, type Village } from '../shared/village/model';
import { previousQuarter } from '../shared/honours/ranking';
import { list, listAll } from '../shared/repo';
import { awardQuarter } from './award';

const CONCURRENCY = 8;

async function allVillages(): Promise<Village[]> {
  const towns = await listAll(C.towns, {}, townSchema);
  const perTown = await Promise.all(towns.map((t) => listAll(C.villages, { townId: t._id }, villageSchema)));
  return perTown.flat();
}

export async function quarterly(at: Date): Promise<{ quarter: string; awarded: number; waiting: number }> {
  const quarter = previousQuarter(at);
  const villages = await allVillages();
  let awarded = 0;
  let waiting = 0;
  for (let i = 0; i < villages.length; i += CONCURRENCY) {
    await Promise.all(
      villages.slice(i, i + CONCURRENCY).map(async (village) => {
        const grids = await list(C.grids, { villageId: village._id, kind: 'micro' }, gridSchema, { limit: 1000 });
        const { award } = await awardQuarter({ village, grids }, quarter, 'timer', at);
        if (award) awarded += 1;
        else waiting += 1;
      }),
    );
  }
  return { quarter, awarded, waiting };
}
