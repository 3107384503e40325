// points.households: the households the caller may record for (a grid leader's own 微网格, every
// household of the village for a cadre), for the record page's picker. Labels carry the household's
// number and its head, never an address.
import type { HouseholdsResult } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { householdSchema } from '../shared/village/model';
import { isCadre, isGridLeader, microGridsLedBy } from '../shared/access';
import { listAll } from '../shared/repo';
import { _ } from '../shared/sdk';
import { inForce } from './context';
import { readForPoints } from './read';
import { recordingTerms } from './rules';
import { ruleSetView } from './views';

/** "3组9号" before "3组12号": numbers compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const parts = (s: string): string[] => s.match(/\d+|\D+/g) ?? [];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (/^\d+$/.test(x) && /^\d+$/.test(y) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

export async function households(openid: string): Promise<HouseholdsResult> {
  // The caller, the village, its grids and rules in one request; then the households.
  const { user, village, grids, sets } = await readForPoints(openid, {});
  const cadre = isCadre(user);
  const led = isGridLeader(user) ? microGridsLedBy(user, grids) : [];
  if (!cadre && !led.length) throw new AppError('AUTH.FORBIDDEN', '只有网格长和村干部可以为农户记录积分');
  const where = cadre ? { villageId: village._id } : { villageId: village._id, gridId: _.in(led) };
  const rows = await listAll(C.households, where, householdSchema);
  const gridOrder = [...grids].sort((a, b) => naturalCompare(a._id, b._id));
  const gridIndex = new Map(gridOrder.map((g, i) => [g._id, i]));
  const gridName = new Map(grids.map((g) => [g._id, g.name]));
  rows.sort((a, b) => (gridIndex.get(a.gridId) ?? Infinity) - (gridIndex.get(b.gridId) ?? Infinity) || naturalCompare(a.no, b.no));
  const recorder = cadre ? 'cadre' : 'gridLeader';
  const current = inForce(sets);
  return {
    recorder,
    current: current ? ruleSetView(current) : null,
    recording: recordingTerms(current, recorder),
    households: rows.map((h) => ({ id: h._id, label: `${h.no} ${h.headName}`, gridId: h.gridId, gridName: gridName.get(h.gridId) ?? '' })),
  };
}
