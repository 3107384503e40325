// A matter as it stands the moment it is raised, built from plain inputs with no reads and no
// writes: the one shape both matters.raise and the demo village store (read → allowed? → pure
// build → write, as for every other step of a matter).
import type { Routing } from '../access';
import type { Deadline } from './deadline';
import { heldText, type Hold } from '../hold';
import { matterSchema, type Matter } from './model';
import { event } from './policy';

export interface Raising {
  id: string;
  villageId: string;
  townId: string;
  raiser: { id: string; name: string; householdId: string | null; householdLabel: string };
  text: string;
  photos: string[];
  voice: Matter['voice'];
  category: Matter['category'];
  /** Whether others may read it (the raiser's choice, and an ordinary matter: a complaint about cadres never is). */
  public: boolean;
  location: Matter['location'];
  /** The content check did not pass it: it waits for a cadre (never listed) until released, and says why. */
  hold: Hold | null;
  routing: Routing;
  mediaChecks: Matter['mediaChecks'];
  raisedAt: Date;
  deadline: Pick<Deadline, 'at' | 'raisedOn'>;
  clientKey: string;
}

const SYSTEM = { id: 'system', name: '系统', role: 'system' } as const;

export function raisedMatter(r: Raising): Matter {
  const { raiser, raisedAt, deadline } = r;
  return matterSchema.parse({
    _id: r.id,
    villageId: r.villageId,
    townId: r.townId,
    raisedBy: raiser.id,
    raiserName: raiser.name,
    householdId: raiser.householdId,
    householdLabel: raiser.householdLabel,
    text: r.text,
    photos: r.photos,
    voice: r.voice,
    category: r.category,
    public: r.public,
    location: r.location,
    status: r.hold ? 'held' : 'open',
    listed: r.public && !r.hold,
    audience: r.routing.audience,
    concerns: r.routing.concerns,
    mediaCleared: false,
    mediaChecks: r.mediaChecks,
    raisedAt,
    raisedOn: deadline.raisedOn,
    deadlineAt: deadline.at,
    respondedAt: null,
    respondedBy: null,
    respondedInTime: null,
    handlerId: null,
    round: 1,
    dueAt: deadline.at,
    roundDeadlineAt: deadline.at,
    active: true,
    armed: true,
    assignee: null,
    closedAt: null,
    stars: null,
    rating: null,
    ratings: [],
    reopens: 0,
    events: [
      // The raiser's own role, whatever else they are: in the timeline they speak as a villager.
      event('raised', 'raised', { id: raiser.id, name: raiser.name, role: 'villager' }, raisedAt, { text: r.text, photos: r.photos }),
      ...(r.hold ? [event('held', 'held', SYSTEM, raisedAt, { text: heldText(r.hold) })] : []),
    ],
    version: 0,
    clientKey: r.clientKey,
  });
}
