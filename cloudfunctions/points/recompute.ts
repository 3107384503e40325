// points.recompute: folds the village's whole ledger into balances and lists every household whose
// stored balance differs. It only reports: a difference is a bug to find, not something to paper over.
import type { RecomputeResult } from '../../typings';
import { C } from '../shared/collections';
import { chinaDate, yearOf } from '../shared/china-time';
import { AppError } from '../shared/errors';
import { balanceSchema, ledgerEventSchema } from '../shared/points/model';
import { emptyBalance, foldLedger } from '../shared/points/policy';
import { isCadre } from '../shared/access';
import { listAll } from '../shared/repo';
import { balanceView } from './archive';
import { villageContext } from './context';

export async function recompute(openid: string): Promise<RecomputeResult> {
  const { user, village } = await villageContext(openid);
  if (!isCadre(user)) throw new AppError('AUTH.FORBIDDEN');
  const [events, balances] = await Promise.all([
    listAll(C.ledger, { villageId: village._id }, ledgerEventSchema),
    listAll(C.balances, { villageId: village._id }, balanceSchema),
  ]);
  const computed = foldLedger(events);
  const year = yearOf(chinaDate());
  const ids = new Set([...computed.keys(), ...balances.map((b) => b._id)]);
  const differences: RecomputeResult['differences'] = [];
  for (const id of ids) {
    const stored = balances.find((b) => b._id === id) ?? emptyBalance(id, village._id, '');
    const c = { ...emptyBalance(id, village._id, stored.gridId), ...computed.get(id) };
    const same =
      stored.pending === c.pending &&
      stored.earned === c.earned &&
      stored.available === c.available &&
      Object.keys({ ...stored.years, ...c.years }).every(
        (y) =>
          (stored.years[y]?.earned ?? 0) === (c.years[y]?.earned ?? 0) && (stored.years[y]?.pending ?? 0) === (c.years[y]?.pending ?? 0),
      );
    if (!same) differences.push({ householdId: id, stored: balanceView(stored, year), computed: balanceView(c, year) });
  }
  return { households: ids.size, differences };
}
