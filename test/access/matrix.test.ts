// The access matrix: every action of the contract called as every role of the demo village, as the
// same role of another village, and as a stranger, each aimed at real documents of the demo village
// (targets.ts). Each answer must be what the allowed table (cloudfunctions/shared/access/table.ts)
// says: let through (an answer, or a refusal that is not about who is asking) or turned away (a
// refusal about who is asking); a refused call changes no document. And no answer of any call
// carries an openid: people are named by member id.
import type { ActionName, FunctionName, RequestOf } from '../../typings';
import { allowedFor, DENIED_CODES, type Who } from '../../cloudfunctions/shared/access/table';
import type { TestCloud } from '../support/localcloud';
import { getAll, isRecord, str } from '../support/sdk';
import type { caller } from '../cloudfunctions/support';
import { SAMPLES, samplesFor, type Samples } from './samples';
import { ATTEMPT_COUNTERS, demoAndOtherVillage, OTHER, OWN, WHO, writesSince } from './support';
import { prepareTargets } from './targets';

let cloud: TestCloud;
let api: ReturnType<typeof caller>;
let samples: Samples;
/** Every answer of the matrix, for the openid check. */
const answers: { what: string; text: string }[] = [];
const knownOpenids = new Set<string>();

beforeAll(async () => {
  const demo = await demoAndOtherVillage();
  ({ cloud, api } = demo);
  samples = samplesFor(await prepareTargets(api, demo.sdk));
  for (const side of [OWN, OTHER]) for (const openid of Object.values(side)) knownOpenids.add(openid);
}, 120_000);
afterAll(async () => {
  await cloud.stop();
});

type Verdict = 'allowed' | 'refused';
/**
 * Turned away: a refusal about who is asking, or "not found" (every id names a real document of the
 * village, so "not found" is the function hiding it from this caller); and a batch review whose every
 * record was skipped for who is asking (not for a record someone reviewed first).
 */
const TURNED_AWAY: ReadonlySet<string> = new Set([...DENIED_CODES, 'COMMON.NOT_FOUND']);
const ALREADY_REVIEWED = new Set(['这条记录已经审核过了', '这条记录刚被别人审核过了']);

function skippedForWho(data: unknown): boolean {
  if (!isRecord(data) || !Array.isArray(data.done) || !Array.isArray(data.skipped)) return false;
  const reasons = data.skipped.map((s) => (isRecord(s) ? String(s.message) : ''));
  return data.done.length === 0 && reasons.length > 0 && reasons.every((r) => !ALREADY_REVIEWED.has(r));
}

function turnedAway(envelope: { ok: true; data: unknown } | { ok: false; error: { code: string } }): boolean {
  return envelope.ok ? skippedForWho(envelope.data) : TURNED_AWAY.has(envelope.error.code);
}

/** The sample with a client key of this call's own: a key another caller used finds their write, and proves nothing. */
function payloadFor<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, c: Caller): RequestOf<F, A> {
  const sample = samples[fn][action];
  return isRecord(sample) && 'clientKey' in sample ? { ...sample, clientKey: `matrix-${action}-${c.side}-${c.who}` } : sample;
}
type Side = 'own' | 'other';
const FUNCTIONS: FunctionName[] = ['account', 'points', 'notice', 'village', 'shop', 'matters', 'honours', 'board'];

function actionsOf<F extends FunctionName>(fn: F, s: Samples): ActionName<F>[] {
  return Object.keys(s[fn]).filter((a): a is ActionName<F> => a in s[fn]);
}

interface Caller {
  who: Who;
  side: Side;
  openid: string;
  expected: Verdict;
}

/** Who calls an action, those the table turns away first: a refusal writes nothing, so each of them meets the documents as they were made. */
function callersOf<F extends FunctionName>(fn: F, action: ActionName<F>): Caller[] {
  const rule = allowedFor(fn, action);
  const all = WHO.flatMap((who) =>
    (['own', 'other'] as const).map((side): Caller => {
      const allowed = (side === 'own' ? rule.roles : rule.otherVillage).includes(who);
      return { who, side, openid: (side === 'own' ? OWN : OTHER)[who], expected: allowed ? 'allowed' : 'refused' };
    }),
  );
  return [...all.filter((c) => c.expected === 'refused'), ...all.filter((c) => c.expected === 'allowed')];
}

async function verdict<F extends FunctionName>(c: Caller, fn: F, action: ActionName<F>): Promise<{ verdict: Verdict; problems: string[] }> {
  const { seq } = await writesSince(cloud, Number.MAX_SAFE_INTEGER);
  const { envelope } = await api.call(c.openid, fn, action, payloadFor(fn, action, c));
  const code = envelope.ok ? 'ok' : envelope.error.code;
  const what = `${fn}.${action} as ${c.side} ${c.who}`;
  answers.push({ what, text: JSON.stringify(envelope) });
  if (process.env.MATRIX_PRINT && code !== 'ok') console.log(`${what}: ${code}`);
  const got: Verdict = turnedAway(envelope) ? 'refused' : 'allowed';
  const problems = got === c.expected ? [] : [`${what}: expected ${c.expected}, got ${code}`];
  if (!envelope.ok) {
    const wrote = (await writesSince(cloud, seq)).writes.filter((w) => !ATTEMPT_COUNTERS.has(w.c)).map((w) => `${w.c}/${w.id}`);
    if (wrote.length) problems.push(`${what}: refused (${code}) but wrote ${wrote.join(', ')}`);
  }
  return { verdict: got, problems };
}

test('every action × every role × own and other village, on real documents, answers as the allowed table says; refusals write nothing', async () => {
  const mismatches: string[] = [];
  const printed: string[] = [];
  let calls = 0;
  for (const fn of FUNCTIONS) {
    for (const action of actionsOf(fn, samples)) {
      const seen: Record<Side, Who[]> = { own: [], other: [] };
      for (const c of callersOf(fn, action)) {
        const got = await verdict(c, fn, action);
        calls++;
        if (got.verdict === 'allowed') seen[c.side].push(c.who);
        mismatches.push(...got.problems);
      }
      const order = (list: Who[]): string => WHO.filter((w) => list.includes(w)).join(' ');
      printed.push(`${fn}.${action}|${order(seen.own)}|${order(seen.other)}`);
    }
  }
  if (process.env.MATRIX_PRINT) console.log(`${printed.join('\n')}\n${mismatches.join('\n')}`);
  expect(mismatches).toEqual([]);
  expect(calls).toBe(MATRIX_CALLS);
}, 900_000);

test('no answer of the matrix carries an openid, not even the caller’s own', async () => {
  const sdk = await import('wx-server-sdk');
  const db = sdk.database();
  // Every openid the store knows: users, the people linked to members, raisers and recorders.
  for (const u of await getAll(db.collection('users').limit(1000))) knownOpenids.add(str(u, '_id'));
  for (const m of await getAll(
    db
      .collection('members')
      .where({ userId: db.command.neq(null) })
      .limit(1000),
  ))
    knownOpenids.add(str(m, 'userId'));
  for (const m of await getAll(db.collection('matters').limit(1000))) knownOpenids.add(str(m, 'raisedBy'));
  expect(answers.length).toBe(MATRIX_CALLS);
  const leaks = answers.flatMap((a) => {
    const found = [...knownOpenids].filter((openid) => openid && a.text.includes(openid));
    return found.length ? [`${a.what}: ${found.join(', ')}`] : [];
  });
  expect(leaks).toEqual([]);
});

const MATRIX_CALLS = FUNCTIONS.reduce((n, fn) => n + Object.keys(SAMPLES[fn]).length, 0) * WHO.length * 2;
