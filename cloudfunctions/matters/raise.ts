// matters.raise: 群众说. A villager raises a matter with text and/or a voice note, photos, a
// category, public or for the cadres only, and a place. What others would read passes the content
// check; a risky one is held for a cadre (status held, never listed) rather than refused. Its
// photos and voice go to WeChat's media check (media.ts takes the verdicts). The
// deadline is the end of the second working day after today (China time). The matter's id derives
// from the client's key, so a retried or double-tapped submission raises it once.
import type { MatterRaiseRequest, MatterRaiseResult } from '../../typings';
import { C } from '../shared/collections';
import { holdFor } from '../shared/content-check';
import type { Hold } from '../shared/hold';
import { requestMediaChecks, type MediaFile } from '../shared/media-check';
import { AppError } from '../shared/errors';
import { responseDeadline } from '../shared/matters/deadline';
import type { Matter } from '../shared/matters/model';
import type { Access } from '../shared/matters/policy';
import { raisedMatter } from '../shared/matters/raised';
import { householdSchema } from '../shared/village/model';
import { getById } from '../shared/repo';
import { db } from '../shared/sdk';
import { isDuplicateKey } from '../shared/tx';
import { currentUser, villageOf } from '../shared/users';
import { dayRulesFor, townOf, warnMissingYear } from './calendar';
import { matterId, readMatter } from './store';
import { tellCadres, villageCadres } from './tell';
import { detailView } from './views';
import { isCadre, routeMatter } from '../shared/access';
import { currentTime } from '../shared/clock';

/** Only what others will read is checked: the text and the place's name. A risky one (or a check that did not answer) is held. */
function contentHold(openid: string, text: string, req: MatterRaiseRequest, now: Date): Promise<Hold | null> {
  const seen = [text, req.location?.name ?? ''].filter(Boolean).join('\n');
  return holdFor(openid, seen, 3, now);
}

function mediaFilesOf(req: MatterRaiseRequest): MediaFile[] {
  const photos = (req.photos ?? []).map((fileId): MediaFile => ({ fileId, kind: 'image' }));
  return req.voice ? [...photos, { fileId: req.voice.fileId, kind: 'audio' }] : photos;
}

/** Stores the matter, or answers the twin a double tap stored first (null when this call stored it). */
async function addOnce(matter: Matter): Promise<Matter | null> {
  try {
    await db.collection(C.matters).add({ data: matter });
    return null;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const twin = await readMatter(matter._id);
    if (!twin) throw e;
    return twin;
  }
}

export async function raise(req: MatterRaiseRequest, openid: string): Promise<MatterRaiseResult> {
  const user = await currentUser(openid);
  const villageId = villageOf(user);
  const text = req.text.trim();
  if (!text && !req.voice) throw new AppError('COMMON.INVALID_INPUT', '请写几句话，或者按住按钮说一段语音');
  const id = matterId(villageId, openid, req.clientKey);
  const access: Access = { mine: true, cadre: isCadre(user), assignee: false };
  const now = currentTime();

  const townId = await townOf(user, villageId);
  const [existing, household, rules, cadres] = await Promise.all([
    readMatter(id),
    user.householdId ? getById(C.households, user.householdId, householdSchema) : Promise.resolve(null),
    dayRulesFor(townId, villageId, now),
    villageCadres(villageId),
  ]);
  // A complaint about cadres (干部作风, or naming a cadre) is never public and reaches only those who judge it.
  const routing = routeMatter(req.category, text, cadres);
  const open = req.public && routing.audience === 'village';
  if (existing) return { matter: detailView(existing, access, now), held: existing.status === 'held', repeated: true };

  const hold = open ? await contentHold(openid, text, req, now) : null;
  const held = hold !== null;
  // Photos and voice are checked whatever the audience (a cadre may make a private matter public):
  // until every file passes, only the raiser and the cadres see them.
  const mediaChecks = await requestMediaChecks(openid, mediaFilesOf(req), 3);
  const deadline = responseDeadline(now, rules);
  const matter = raisedMatter({
    id,
    villageId,
    townId,
    raiser: { id: user._id, name: user.name, householdId: user.householdId, householdLabel: household?.no ?? '' },
    text,
    photos: req.photos ?? [],
    voice: req.voice ?? null,
    category: req.category,
    public: open,
    location: req.location ?? null,
    hold,
    routing,
    mediaChecks,
    raisedAt: now,
    deadline,
    clientKey: req.clientKey,
  });

  const twin = await addOnce(matter);
  if (twin) return { matter: detailView(twin, access, now), held: twin.status === 'held', repeated: true };

  await Promise.all([
    ...deadline.uncoveredYears.map((y) => warnMissingYear(townId, y, now)),
    tellCadres(matter, held ? '新说事（内容待审核）' : '新的村民说事', cadres),
  ]);
  return { matter: detailView(matter, access, now), held, repeated: false };
}
