// shop.saveGoods: cadres add goods (photo, name, price, stock, limit) and edit them — restock by a
// number of pieces, so a redemption happening meanwhile is never overwritten; off the shelf instead
// of deleted. A retried submit of the same form (same client key) changes nothing twice. A name the
// content check does not pass is held: saved, but villagers do not see the goods until a cadre who
// wrote none of it releases them (shop.decideGoods).
import { createHash } from 'node:crypto';
import type { GoodsView, HoldDecision, SaveGoodsRequest } from '../../typings';
import { requireReleaser } from '../shared/access';
import { C } from '../shared/collections';
import { holdFor } from '../shared/content-check';
import type { Hold } from '../shared/hold';
import { AppError } from '../shared/errors';
import { shopGoodsSchema, type ShopGoods } from '../shared/shop/model';
import type { User } from '../shared/village/model';
import { getById, updatedOf } from '../shared/repo';
import { db } from '../shared/sdk';
import { canManageShop } from '../shared/shop/rules';
import { isConflict, isDuplicateKey, withTransaction } from '../shared/tx';
import { currentUser, villageOf } from '../shared/users';
import { readGoods } from './stock';
import { goodsView, goodsWriters } from './views';
import { currentTime } from '../shared/clock';

export function goodsId(villageId: string, clientKey: string): string {
  return `g${createHash('sha1').update(`${villageId}|${clientKey}`).digest('hex').slice(0, 20)}`;
}

export function requireManager(user: User): User {
  villageOf(user);
  if (!canManageShop(user)) throw new AppError('AUTH.FORBIDDEN', '只有村干部可以管理积分超市');
  return user;
}

export async function manager(openid: string): Promise<User> {
  return requireManager(await currentUser(openid));
}

async function add(req: SaveGoodsRequest, user: User, villageId: string, hold: Hold | null): Promise<ShopGoods> {
  if (req.addStock !== undefined) throw new AppError('COMMON.INVALID_INPUT', '新商品请直接填写库存');
  const id = goodsId(villageId, req.clientKey);
  const already = await getById(C.shopGoods, id, shopGoodsSchema);
  if (already) return already;
  const now = currentTime();
  const goods: ShopGoods = {
    _id: id,
    villageId,
    name: req.name,
    photo: req.photo,
    price: req.price,
    stock: req.stock ?? 0,
    limit: req.limit,
    onShelf: req.onShelf,
    hold,
    clientKey: req.clientKey,
    createdBy: user._id,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.collection(C.shopGoods).add({ data: goods });
    return goods;
  } catch (e) {
    const twin = isDuplicateKey(e) ? await getById(C.shopGoods, id, shopGoodsSchema) : null;
    if (twin) return twin;
    throw e;
  }
}

async function edit(id: string, req: SaveGoodsRequest, villageId: string, hold: Hold | null): Promise<ShopGoods> {
  if (req.stock !== undefined) throw new AppError('COMMON.INVALID_INPUT', '已有商品请用“补货”增减库存');
  try {
    return await withTransaction(async (t) => {
      const goods = await readGoods(t, id);
      if (goods.villageId !== villageId) throw new AppError('AUTH.OTHER_VILLAGE');
      if (goods.clientKey === req.clientKey) return goods; // this very form was saved already
      const stock = goods.stock + (req.addStock ?? 0);
      if (stock < 0) throw new AppError('COMMON.INVALID_INPUT', `库存只有 ${goods.stock} 件，不能减少 ${-(req.addStock ?? 0)} 件`);
      const changes = {
        name: req.name,
        photo: req.photo,
        price: req.price,
        stock,
        limit: req.limit,
        onShelf: req.onShelf,
        hold,
        clientKey: req.clientKey,
        updatedAt: currentTime(),
      };
      await t.collection(C.shopGoods).doc(id).update({ data: changes });
      return { ...goods, ...changes };
    });
  } catch (e) {
    if (isConflict(e)) throw new AppError('COMMON.BUSY');
    throw e;
  }
}

export async function saveGoods(req: SaveGoodsRequest, openid: string): Promise<GoodsView> {
  const user = await manager(openid);
  const villageId = villageOf(user);
  if (req.photo && !req.photo.startsWith('cloud://')) throw new AppError('COMMON.INVALID_INPUT', '照片没有上传成功，请重新选择');
  const hold = await nameHold(openid, req, villageId);
  const saved = req.id ? await edit(req.id, req, villageId, hold) : await add(req, user, villageId, hold);
  return goodsView(saved, 0, user);
}

/**
 * The name is checked when it is new or changed, or while the goods are held; a restock of goods
 * whose name passed is not, so an outage of the check never takes goods off the shelf.
 */
async function nameHold(openid: string, req: SaveGoodsRequest, villageId: string): Promise<Hold | null> {
  const before = req.id ? await getById(C.shopGoods, req.id, shopGoodsSchema) : null;
  if (before && before.villageId === villageId && before.name === req.name && !before.hold) return null;
  return holdFor(openid, req.name, 1, currentTime());
}

/** shop.decideGoods: a cadre who wrote none of it releases held goods (villagers see them) or withdraws them (off the shelf). */
export async function decideGoods(openid: string, id: string, decision: HoldDecision): Promise<GoodsView> {
  const user = await manager(openid);
  const goods = await getById(C.shopGoods, id, shopGoodsSchema);
  if (!goods || goods.villageId !== villageOf(user)) throw new AppError('COMMON.NOT_FOUND', '没有这件商品，请刷新后再试');
  const hold = goods.hold;
  if (!hold) throw new AppError('COMMON.INVALID_INPUT', '这件商品不需要审核');
  if (decision === 'release') requireReleaser(user, goods.villageId, goodsWriters(goods));
  const changes = decision === 'release' ? { hold: null } : { onShelf: false };
  // Conditional on the hold read: two cadres (or a double tap) decide once; an edit in between is read again.
  const changed = updatedOf(
    await db
      .collection(C.shopGoods)
      .where({ _id: goods._id, updatedAt: goods.updatedAt })
      .update({ data: { ...changes, updatedAt: currentTime() } }),
  );
  if (changed !== 1) throw new AppError('COMMON.BUSY', '这件商品刚被别人修改或审核过，请刷新后再看');
  return goodsView({ ...goods, ...changes }, 0, user);
}
