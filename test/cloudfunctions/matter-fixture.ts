// A stored matter for tests, built by the product's own builder (raisedMatter) from a few facts,
// then changed by `over` (a state the test needs) and parsed as the store would hold it.
import { matterSchema, type Matter } from '../../cloudfunctions/shared/matters/model';
import { type Raising, raisedMatter } from '../../cloudfunctions/shared/matters/raised';

const DAY = 86_400_000;

/** An open, public, ordinary matter raised at `raisedAt` (default: now) with no events unless `over` gives them. */
export function matterFixture(facts: Partial<Raising> & Pick<Raising, 'id' | 'villageId'>, over: Partial<Matter> = {}): Matter {
  const raisedAt = facts.raisedAt ?? new Date();
  const raised = raisedMatter({
    townId: 'town-qingxi',
    raiser: { id: 'demo-villager', name: '村民', householdId: null, householdLabel: '' },
    text: '路灯坏了',
    photos: [],
    voice: null,
    category: '水电设施',
    public: true,
    location: null,
    hold: null,
    routing: { audience: 'village', concerns: [] },
    mediaChecks: [],
    deadline: { raisedOn: raisedAt.toISOString().slice(0, 10), at: new Date(raisedAt.getTime() + 2 * DAY) },
    clientKey: facts.id,
    ...facts,
    raisedAt,
  });
  return matterSchema.parse({ ...raised, events: [], ...over });
}
