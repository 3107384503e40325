// What opening a letter reads, in ONE database request: an aggregation from the letter that joins
// its village and town, the caller's user document and the caller's like of it (both ids are known
// from the caller's openid). Then one round trip reads the comments and counts the households while
// a member's read is written, and one more counts it on the letter: three round trips in all.
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { townSchema, userSchema, villageSchema } from '../shared/village/model';
import { aggregateRows, joinedDocs } from '../shared/repo';
import { letterSchema, likeSchema, type Letter } from '../shared/board/model';
import { likeId } from '../shared/board/policy';
import { readerOf, type Reader } from './context';

export async function letterWithReader(openid: string, id: string): Promise<{ letter: Letter; reader: Reader; liked: boolean }> {
  const [row] = await aggregateRows(C.boardLetters, (a) =>
    a
      .match({ _id: id })
      .addFields({ lOpenid: { $literal: openid }, lLike: { $literal: likeId(id, openid) } })
      .lookup({ from: C.villages, localField: 'villageId', foreignField: '_id', as: 'lVillage' })
      .lookup({ from: C.towns, localField: 'townId', foreignField: '_id', as: 'lTown' })
      .lookup({ from: C.users, localField: 'lOpenid', foreignField: '_id', as: 'lUser' })
      .lookup({ from: C.boardLikes, localField: 'lLike', foreignField: '_id', as: 'lLike' }),
  );
  if (row === undefined) throw new AppError('COMMON.NOT_FOUND', '没有找到这封公开信');
  const letter = letterSchema.parse(row);
  const [village] = joinedDocs(row, 'lVillage', villageSchema);
  if (!village) throw new AppError('COMMON.NOT_FOUND', '没有找到这个村');
  const [town] = joinedDocs(row, 'lTown', townSchema).filter((t) => t._id === village.townId);
  const [found] = joinedDocs(row, 'lUser', userSchema);
  // As optionalUser(): only a confirmed user is one here.
  const user = found?.status === 'active' ? found : null;
  const reader = readerOf(openid, user, village, { id: village._id, name: village.name, townName: town?.name ?? '' });
  return { letter, reader, liked: joinedDocs(row, 'lLike', likeSchema).length > 0 };
}
