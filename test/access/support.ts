// The people the access matrix and the fuzzer call as: every role of the demo village, the same roles
// of another village (青山村, and a town admin of another town), and a stranger; and the store's writes
// between two moments, to show a refused call changed nothing.
import type { TestCloud } from '../support/localcloud';
import { useDemoCloud, type DemoCloud } from '../cloudfunctions/support';
import type { Database } from '../support/sdk';
import { settled } from '../support/sdk';
import type { Who } from '../../cloudfunctions/shared/access/table';

export const WHO: readonly Who[] = [
  'villager',
  'head',
  'gridLeader',
  'cadre',
  'secretary',
  'keeper',
  'supervisor',
  'townAdmin',
  'stranger',
];

export const OWN: Record<Who, string> = {
  villager: 'demo-villager',
  head: 'demo-head',
  gridLeader: 'demo-grid-1',
  cadre: 'demo-cadre-1',
  secretary: 'demo-secretary',
  keeper: 'demo-keeper',
  supervisor: 'demo-supervisor',
  townAdmin: 'demo-town',
  stranger: 'o-stranger',
};

export const OTHER: Record<Who, string> = {
  villager: 'other-villager',
  head: 'other-head',
  gridLeader: 'other-gridLeader',
  cadre: 'other-cadre',
  secretary: 'other-secretary',
  keeper: 'other-keeper',
  supervisor: 'other-supervisor',
  townAdmin: 'other-townAdmin',
  stranger: 'other-stranger',
};

const ROLES: Record<Who, string[]> = {
  villager: ['villager'],
  head: ['head', 'villager'],
  gridLeader: ['gridLeader', 'head', 'villager'],
  cadre: ['cadre', 'head', 'villager'],
  secretary: ['secretary', 'cadre', 'head', 'villager'],
  keeper: ['keeper', 'head', 'villager'],
  supervisor: ['supervisor', 'head', 'villager'],
  townAdmin: ['townAdmin'],
  stranger: [],
};

/** The same roles in 青山村 (another village of the town), one household each; a town admin of another town. */
export async function seedOtherVillage(db: Database): Promise<void> {
  const users = db.collection('users');
  for (const who of WHO) {
    if (who === 'stranger') continue;
    const household = who === 'townAdmin' ? null : `qs-${who}`;
    await settled(
      users.add({
        data: {
          _id: OTHER[who],
          name: `青山${who}`,
          roles: ROLES[who],
          villageId: who === 'townAdmin' ? null : 'village-qingshan',
          townId: who === 'townAdmin' ? 'town-far' : 'town-qingxi',
          householdId: household,
          memberId: null,
          status: 'active',
        },
      }),
    );
  }
}

/** The demo village's cloud with 青山村's people added (for a test file's beforeAll; stop it in afterAll). */
export async function demoAndOtherVillage(): Promise<DemoCloud> {
  const demo = await useDemoCloud();
  await seedOtherVillage(demo.db);
  return demo;
}

export interface Writes {
  seq: number;
  writes: { c: string; id: string }[];
}

/** Counters of attempts, written by refused calls on purpose (daily limits, failed certificate look-ups). */
export const ATTEMPT_COUNTERS = new Set(['dailyQuotas', 'certificateAttempts']);

export async function writesSince(cloud: TestCloud, since: number): Promise<Writes> {
  return cloud.control<Writes>('GET', `/_localcloud/writes?since=${since}`);
}
