// Who reads and in which village. Reading works in public mode too: anyone holding a village's id
// (a shared card carries it) reads what that village published; only a confirmed member of the
// village is a member here, whatever other village they belong to.
import type { BoardVillage, BoardViewer } from '../../typings';
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { townSchema, userSchema, villageSchema, type User, type Village } from '../shared/village/model';
import { getById } from '../shared/repo';
import { isMemberOf, viewerOf } from '../shared/board/policy';

export interface Reader {
  openid: string;
  /** The caller's user document when confirmed (of whichever village), else null. */
  user: User | null;
  village: Village;
  ref: BoardVillage;
  viewer: BoardViewer;
}

/** The caller's user document, or null for someone not (or no longer, or not yet) in a village. */
export async function optionalUser(openid: string): Promise<User | null> {
  const user = await getById(C.users, openid, userSchema);
  return user && user.status === 'active' ? user : null;
}

/** The village and its reference; its town read alongside when the caller's user names it (one round trip). */
export async function villageRef(villageId: string, townId: string | null = null): Promise<{ village: Village; ref: BoardVillage }> {
  const [village, knownTown] = await Promise.all([
    getById(C.villages, villageId, villageSchema),
    townId ? getById(C.towns, townId, townSchema) : Promise.resolve(null),
  ]);
  if (!village) throw new AppError('COMMON.NOT_FOUND', '没有找到这个村');
  const town = knownTown?._id === village.townId ? knownTown : await getById(C.towns, village.townId, townSchema);
  return { village, ref: { id: village._id, name: village.name, townName: town?.name ?? '' } };
}

export function readerOf(openid: string, user: User | null, village: Village, ref: BoardVillage): Reader {
  return { openid, user, village, ref, viewer: viewerOf(user, village._id) };
}

/** The reader of `villageId` (public mode), or of the caller's own village when omitted. */
export async function readerFor(openid: string, villageId: string | undefined): Promise<Reader> {
  if (villageId) {
    const [user, v] = await Promise.all([optionalUser(openid), villageRef(villageId)]);
    return readerOf(openid, user, v.village, v.ref);
  }
  const user = await optionalUser(openid);
  if (!user?.villageId) throw new AppError('AUTH.NOT_JOINED');
  const v = await villageRef(user.villageId, user.townId);
  return readerOf(openid, user, v.village, v.ref);
}

/** The caller as a confirmed member of the village, for anything that writes. */
export function memberOf(user: User | null, villageId: string): User {
  if (isMemberOf(user, villageId)) return user;
  throw new AppError(
    user ? 'AUTH.OTHER_VILLAGE' : 'AUTH.NOT_JOINED',
    user ? '您不是本村村民，只能查看公开内容' : '加入本村后才能参与，请先加入',
  );
}

export function requireMember(reader: Reader): User {
  return memberOf(reader.user, reader.village._id);
}

export function requireSecretary(reader: Reader): User {
  const user = requireMember(reader);
  if (!reader.viewer.secretary) throw new AppError('AUTH.FORBIDDEN', '只有村书记可以办理');
  return user;
}

export function requireCadre(reader: Reader): User {
  const user = requireMember(reader);
  if (!reader.viewer.cadre) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以发布');
  return user;
}
