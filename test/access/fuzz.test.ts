// The fuzzer: every action of the contract fed generated bad input (fast-check): wrong types, huge
// strings and arrays, operator objects such as {"$ne": null}, NaN and huge numbers, unknown fields,
// another village's ids. Every answer is the envelope with a stable code, never COMMON.INTERNAL,
// never a stack trace; bad input is refused and changes no document. 50 inputs per action in CI;
// FUZZ_RUNS=1000 npm test for more.
import fc from 'fast-check';
import { ERROR_CODES, type ActionName, type FunctionName } from '../../typings';
import type { TestCloud } from '../support/localcloud';
import { isRecord } from '../support/sdk';
import { SAMPLES } from './samples';
import { ATTEMPT_COUNTERS, demoAndOtherVillage, OTHER, OWN, writesSince } from './support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const FUNCTIONS: FunctionName[] = ['account', 'points', 'notice', 'village', 'shop', 'matters', 'honours', 'board'];
const CODES: ReadonlySet<string> = new Set(ERROR_CODES);
const CALLERS = [OWN.secretary, OWN.cadre, OWN.villager, OWN.stranger, OTHER.cadre];

let cloud: TestCloud;

beforeAll(async () => {
  ({ cloud } = await demoAndOtherVillage());
});
afterAll(async () => {
  await cloud.stop();
});

/** Values no field of any request accepts. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant({ $ne: null }),
  fc.constant({ $gt: '' }),
  fc.constant({ $where: 'sleep(1000)' }),
  fc.constant({ $regex: '.*' }),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant('x'.repeat(100_000)),
  fc.array(fc.string(), { minLength: 1001, maxLength: 1100 }),
  fc
    .dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.jsonValue(), { minKeys: 1, maxKeys: 3 })
    .map((d) => ({ ...d, $set: { roles: ['secretary'] } })),
  fc.constant([[[[[]]]]]),
);

/** Values of a plausible type but suspicious content: the answer may be anything but a crash. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: -1 }),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(1e308),
  fc.constant('village-qingshan'),
  fc.constant('qs-head'),
  fc.constant(''),
  fc.string({ maxLength: 40 }),
  fc.constant('../../etc/passwd'),
);

interface Case {
  payload: unknown;
  /** Bad by construction: must be refused. */
  bad: boolean;
  openid: string;
}

function cases(sample: Record<string, unknown>): fc.Arbitrary<Case> {
  const keys = Object.keys(sample);
  const who = fc.constantFrom(...CALLERS);
  // (null is no payload at all, as an omitted one: the router reads it as {}.)
  const notAnObject = fc.oneof(fc.integer(), fc.string(), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.boolean());
  const unknownField = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k) && k !== '__proto__');
  const arbs: fc.Arbitrary<Case>[] = [
    fc.record({ payload: notAnObject, bad: fc.constant(true), openid: who }),
    fc.record({
      payload: fc.tuple(unknownField, fc.jsonValue()).map(([k, v]) => ({ ...sample, [k]: v })),
      bad: fc.constant(true),
      openid: who,
    }),
  ];
  if (keys.length) {
    const key = fc.constantFrom(...keys);
    arbs.push(
      fc.record({ payload: fc.tuple(key, badValue).map(([k, v]) => ({ ...sample, [k]: v })), bad: fc.constant(true), openid: who }),
    );
    arbs.push(
      fc.record({ payload: fc.tuple(key, oddValue).map(([k, v]) => ({ ...sample, [k]: v })), bad: fc.constant(false), openid: who }),
    );
  }
  return fc.oneof(...arbs);
}

function actionsOf<F extends FunctionName>(fn: F): ActionName<F>[] {
  return Object.keys(SAMPLES[fn]).filter((a): a is ActionName<F> => a in SAMPLES[fn]);
}

const targets = FUNCTIONS.flatMap((fn) => actionsOf(fn).map((action) => ({ fn, action, sample: SAMPLES[fn][action] })));

interface Reply {
  status: number;
  body: { result?: unknown };
}

/** What is wrong with one answer: no envelope, an unstable code, a stack trace, a refusal that wrote, or bad input let through. */
function problemsOf(reply: Reply, wrote: { c: string; id: string }[], bad: boolean, where: string): string[] {
  const result = reply.body.result;
  const text = JSON.stringify(reply.body);
  if (reply.status !== 200 || !isRecord(result)) return [`${where}: no envelope (${reply.status} ${text.slice(0, 200)})`];
  if (result.ok === true) return bad ? [`${where}: bad input accepted`] : [];
  const error = isRecord(result.error) ? result.error : {};
  const code = typeof error.code === 'string' ? error.code : '';
  const problems: string[] = [];
  if (!CODES.has(code) || code === 'COMMON.INTERNAL') problems.push(`${where}: code ${code}`);
  if (/\bat .+\.(js|ts):\d+/.test(text) || /Error:/.test(String(error.message))) problems.push(`${where}: a stack trace in the reply`);
  const changed = wrote.filter((w) => !ATTEMPT_COUNTERS.has(w.c));
  if (changed.length) problems.push(`${where}: refused (${code}) but wrote ${changed.map((w) => `${w.c}/${w.id}`).join(', ')}`);
  return problems;
}

test.each(targets.map((t) => [`${t.fn}.${t.action}`, t] as const))(
  '%s: generated bad input gets a stable code and changes nothing',
  async (_name, t) => {
    const problems: string[] = [];
    // Calls run one at a time, so the writes after one call's moment are that call's.
    let seq = (await writesSince(cloud, Number.MAX_SAFE_INTEGER)).seq;
    await fc.assert(
      fc.asyncProperty(cases(isRecord(t.sample) ? t.sample : {}), async (c) => {
        const reply = await cloud.call<unknown>(t.fn, { action: t.action, payload: c.payload }, c.openid);
        const where = `${t.fn}.${t.action} as ${c.openid} with ${JSON.stringify(c.payload).slice(0, 200)}`;
        const after = await writesSince(cloud, seq);
        seq = after.seq;
        problems.push(...problemsOf(reply, after.writes, c.bad, where));
        if (problems.length) throw new Error(problems.join('\n'));
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261205) },
    );
    expect(problems).toEqual([]);
  },
  600_000,
);
