// The access matrix: every action of the contract called as every role of the demo village, as the
// same role of another village, and as a stranger. Each answer must be what the allowed table
// (cloudfunctions/shared/access/table.ts) says: let through (an answer, or a refusal that is not about
// who is asking) or turned away (a refusal about who is asking); and a refused call changes no document.
import type { ActionName, FunctionName } from '../../typings';
import { allowedFor, DENIED_CODES, type Who } from '../../cloudfunctions/shared/access/table';
import { startCloud, sdkEnv, type TestCloud } from '../support/localcloud';
import { caller } from '../cloudfunctions/support';
import { SAMPLES } from './samples';
import { ATTEMPT_COUNTERS, OTHER, OWN, seedOtherVillage, WHO, writesSince } from './support';

let cloud: TestCloud;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  cloud = await startCloud({ env: { LOCALCLOUD_SEED: 'demo' } });
  sdkEnv(cloud.url);
  const sdk = await import('wx-server-sdk');
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  await seedOtherVillage(sdk.database());
  api = caller(cloud);
});
afterAll(async () => {
  await cloud.stop();
});

type Verdict = 'allowed' | 'refused';
const FUNCTIONS: FunctionName[] = ['account', 'points', 'notice', 'village', 'shop', 'matters', 'honours', 'board'];

function actionsOf<F extends FunctionName>(fn: F): ActionName<F>[] {
  return Object.keys(SAMPLES[fn]).filter((a): a is ActionName<F> => a in SAMPLES[fn]);
}

async function verdict<F extends FunctionName>(
  openid: string,
  fn: F,
  action: ActionName<F>,
): Promise<{ verdict: Verdict; code: string; wrote: string[] }> {
  const { seq } = await writesSince(cloud, Number.MAX_SAFE_INTEGER);
  const { envelope } = await api.call(openid, fn, action, SAMPLES[fn][action]);
  const code = envelope.ok ? 'ok' : envelope.error.code;
  const wrote = envelope.ok
    ? []
    : (await writesSince(cloud, seq)).writes.filter((w) => !ATTEMPT_COUNTERS.has(w.c)).map((w) => `${w.c}/${w.id}`);
  return { verdict: DENIED_CODES.has(code) ? 'refused' : 'allowed', code, wrote };
}

test('every action × every role × own and other village answers as the allowed table says; refusals write nothing', async () => {
  const mismatches: string[] = [];
  const printed: string[] = [];
  let calls = 0;
  for (const fn of FUNCTIONS) {
    for (const action of actionsOf(fn)) {
      const rule = process.env.MATRIX_PRINT ? { roles: [], otherVillage: [] } : allowedFor(fn, action);
      const seen: Record<'own' | 'other', Who[]> = { own: [], other: [] };
      for (const who of WHO) {
        for (const [side, ids] of [
          ['own', OWN],
          ['other', OTHER],
        ] as const) {
          const got = await verdict(ids[who], fn, action);
          calls++;
          if (got.verdict === 'allowed') seen[side].push(who);
          const expected: Verdict = (side === 'own' ? rule.roles : rule.otherVillage).includes(who) ? 'allowed' : 'refused';
          if (got.verdict !== expected) mismatches.push(`${fn}.${action} as ${side} ${who}: expected ${expected}, got ${got.code}`);
          if (got.wrote.length)
            mismatches.push(`${fn}.${action} as ${side} ${who}: refused (${got.code}) but wrote ${got.wrote.join(', ')}`);
        }
      }
      printed.push(`${fn}.${action}|${seen.own.join(' ')}|${seen.other.join(' ')}`);
    }
  }
  if (process.env.MATRIX_PRINT) {
    console.log(printed.join('\n'));
    return;
  }
  expect(mismatches).toEqual([]);
  expect(calls).toBe(MATRIX_CALLS);
}, 900_000);

const MATRIX_CALLS = FUNCTIONS.reduce((n, fn) => n + actionsOf(fn).length, 0) * WHO.length * 2;
