// The home page's ways into the honours pages: grid rankings for the village's people, the annual
// summary and 积分贷 for a household, and — for anyone, a bank officer included — verifying a 积分证明.
import type { MeResult } from '../../typings/index';

export interface HonoursEntry {
  id: string;
  text: string;
  url: string;
}

const ROOT = '/packages/honours';

export function honoursEntries(me: MeResult | null): HonoursEntry[] {
  if (!me) return [];
  const entries: HonoursEntry[] = [];
  if (me.joined && me.village) {
    entries.push({ id: 'entry-grids', text: '网格评比', url: `${ROOT}/grids/grids` });
    if (me.household) {
      entries.push({ id: 'entry-annual', text: '一年一评优', url: `${ROOT}/annual/annual` });
      entries.push({ id: 'entry-loan', text: '积分贷', url: `${ROOT}/loan/loan` });
    }
  }
  entries.push({ id: 'entry-verify', text: '核验积分证明', url: `${ROOT}/verify/verify` });
  return entries;
}
