// Function `honours`: grid scores and honours (金豆 / 银豆 / 铜豆 grids with their bonus), the annual
// summary (一年一评优), and 积分贷 with the 积分证明; and its quarterly timer.
import * as z from 'zod';
import { isQuarter, previousQuarter } from '../shared/honours/ranking';
import { createFunction } from '../shared/router';
import { annual } from './annual';
import { awardByHand, quarterView } from './award';
import { villageContext as honoursContext } from '../shared/village-context';
import { issue, loanView, revoke, verify } from './loan';
import { gridScores } from './scores';
import { quarterly } from './timer';
import { currentTime } from '../shared/clock';
import { clientKey, month } from '../shared/wire';

const quarter = z.string().refine(isQuarter, '季度格式应为 2026-Q3');
const code = z.string().trim().min(1).max(40);

export const main = createFunction(
  'honours',
  {
    grids: {
      input: z.object({ month: month.optional() }).strict(),
      run: async (req, ctx) => gridScores(await honoursContext(ctx.openid), req.month, currentTime()),
    },
    quarter: {
      input: z.object({ quarter: quarter.optional() }).strict(),
      run: async (req, ctx) => {
        const now = currentTime();
        return quarterView(await honoursContext(ctx.openid), req.quarter ?? previousQuarter(now), now);
      },
    },
    award: {
      input: z.object({ quarter }).strict(),
      run: async (req, ctx) => awardByHand(await honoursContext(ctx.openid), req.quarter, currentTime()),
    },
    annual: {
      input: z
        .object({ year: z.number().int().min(2000).max(2100).optional(), householdId: z.string().min(1).max(64).optional() })
        .strict(),
      run: async (req, ctx) => annual(await honoursContext(ctx.openid), req.year, req.householdId, currentTime()),
    },
    loan: {
      input: z.object({}).strict(),
      run: async (_req, ctx) => loanView(await honoursContext(ctx.openid), currentTime()),
    },
    issue: {
      input: z.object({ clientKey }).strict(),
      run: async (req, ctx) => issue(await honoursContext(ctx.openid), req.clientKey, currentTime()),
    },
    revoke: {
      input: z.object({ code }).strict(),
      run: async (req, ctx) => revoke(await honoursContext(ctx.openid), req.code, currentTime()),
    },
    // No village identity needed: a bank officer is not a villager. Identity only counts failures.
    verify: {
      input: z.object({ code }).strict(),
      run: (req, ctx) => verify(ctx.openid, req.code, currentTime()),
    },
  },
  quarterly,
);
