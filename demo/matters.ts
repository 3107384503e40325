// The demo village's 村民说事: a month of matters ending now, in every state — rated and closed,
// one reopened after a poor rating, one handed to a grid leader, one private, one held by the
// content check, one past its deadline without an answer, some just raised. Each is built by
// replaying its steps through the function's own rules (changeOf) and deadline rule, so the demo
// can never hold a state the function could not reach.
import { C } from '../cloudfunctions/shared/collections';
import { addDays, chinaDate } from '../cloudfunctions/shared/china-time';
import { responseDeadline } from '../cloudfunctions/shared/matters/deadline';
import { chineseDays } from '../cloudfunctions/shared/matters/holidays';
import { matterSchema, type Matter } from '../cloudfunctions/shared/matters/model';
import {
  accessOf,
  changeOf,
  requireAllowed,
  roleOf,
  type Access,
  type ActionInput,
  type Actor,
} from '../cloudfunctions/shared/matters/policy';
import { personIdOf } from '../cloudfunctions/shared/person-id';
import { type Raising, raisedMatter } from '../cloudfunctions/shared/matters/raised';
import type { Household, User } from '../cloudfunctions/shared/village/model';
import type { SeedStore } from '../localcloud/src/demo-module';
import { SCRIPTS, type Script, type Step } from './matters-scripts';

const HOUR = 3_600_000;
const RULES = { calendar: chineseDays, overrides: new Map<string, 'holiday' | 'workday'>() };

function raisedAtOf(s: Script, now: Date): Date {
  if (s.daysAgo === 0) return new Date(now.getTime() - s.hour * HOUR);
  const day = addDays(chinaDate(now), -s.daysAgo);
  return new Date(`${day}T${String(s.hour).padStart(2, '0')}:00:00+08:00`);
}

/** One step, refused as the function would refuse it (so the demo only holds reachable states). */
function apply(m: Matter, access: Access, input: ActionInput, by: Actor, id: string, at: Date): Matter {
  requireAllowed(m, access, input.action);
  const change = changeOf(m, input, by, id, at);
  return { ...m, ...change.set, version: m.version + 1, events: [...m.events, change.event] };
}

/** What a scripted step asks of the matter, as the function would build it from the request. */
function inputOf(step: Step, at: Date, userOf: (openid: string) => User): ActionInput {
  switch (step.action) {
    case 'assign':
      return assignInput(step, addDays(chinaDate(at), step.dueInDays), userOf);
    case 'reopen':
      return { action: 'reopen', reason: step.reason, roundDeadlineAt: responseDeadline(at, RULES).at };
    case 'rate':
      return { action: 'rate', stars: step.stars, comment: step.comment };
    case 'note':
      return { action: 'note', text: step.text, publish: step.publish };
    default:
      return { action: step.action, text: step.text, photos: [] };
  }
}

function assignInput(step: Extract<Step, { action: 'assign' }>, dueDate: string, userOf: (openid: string) => User): ActionInput {
  const note = step.note ?? '';
  if (step.body)
    return {
      action: 'assign',
      assignee: { kind: 'body', userId: null, personId: null, name: step.to, dueDate },
      assigneeIsCadre: false,
      note,
    };
  const person = userOf(step.to);
  return {
    action: 'assign',
    assignee: { kind: 'person', userId: person._id, personId: personIdOf(person), name: person.name, dueDate },
    assigneeIsCadre: person.roles.includes('cadre'),
    note,
  };
}

/** Who raised a script's matter: a demo identity, or a household head without one ("hh:<index>"). */
function raiserOf(s: Script, households: Household[], userOf: (openid: string) => User): Raising['raiser'] {
  if (s.by.startsWith('hh:')) {
    const hh = households[Number(s.by.slice(3))];
    if (!hh) throw new Error(`no demo household ${s.by}`);
    return { id: `seed-villager-${hh._id}`, name: hh.headName, householdId: hh._id, householdLabel: hh.no };
  }
  const u = userOf(s.by);
  const householdLabel = households.find((h) => h._id === u.householdId)?.no ?? '';
  return { id: u._id, name: u.name, householdId: u.householdId, householdLabel };
}

function build(s: Script, index: number, households: Household[], users: User[], now: Date): Matter {
  const userOf = (openid: string): User => {
    const u = users.find((x) => x._id === openid);
    if (!u) throw new Error(`no demo user ${openid}`);
    return u;
  };
  const raiser = raiserOf(s, households, userOf);
  const raisedAt = raisedAtOf(s, now);
  const deadline = responseDeadline(raisedAt, RULES);
  const villager: Actor = { id: raiser.id, name: raiser.name, role: 'villager' };
  let m = raisedMatter({
    id: `seed-matter-${String(index + 1).padStart(2, '0')}`,
    villageId: households[0]?.villageId ?? '',
    townId: users.find((u) => u.townId)?.townId ?? '',
    raiser,
    text: s.text,
    photos: [],
    voice: null,
    category: s.category,
    public: s.public,
    location: s.location ?? null,
    hold: s.held ? { reason: 'risky', at: raisedAt, by: raiser.id } : null,
    routing: { audience: 'village', concerns: [] },
    mediaChecks: [],
    raisedAt,
    deadline,
    clientKey: `seed-${index + 1}`,
  });
  let at = raisedAt;
  s.steps.forEach(([hours, who, step], j) => {
    at = new Date(Math.min(at.getTime() + hours * HOUR, now.getTime() - 10 * 60_000));
    const actor: Actor = who === 'raiser' ? villager : { id: who, name: userOf(who).name, role: roleOf(userOf(who)) };
    const access = who === 'raiser' ? { mine: true, cadre: false, assignee: false } : accessOf(userOf(who), m);
    if (!access) throw new Error(`${who} cannot see demo matter ${index + 1}`);
    m = apply(m, access, inputOf(step, at, userOf), actor, `${step.action}-seed${index + 1}-${j + 1}`, at);
  });
  return matterSchema.parse(m);
}

/** The demo matters, as of `now`. */
export function demoMatters(households: Household[], users: User[], now: Date): Matter[] {
  return SCRIPTS.map((s, i) => build(s, i, households, users, now));
}

export async function seedMatters(db: SeedStore, households: Household[], users: User[], now: Date): Promise<void> {
  await db.insert(C.matters, demoMatters(households, users, now));
}
