// shop.saveGoods: cadres add goods (photo, name, price, stock, limit) and edit them — restock by a
// number of pieces, so a redemption happening meanwhile is never overwritten; off the shelf instead
// of deleted. A retried submit of the same form (same client key) changes nothing twice.
import { createHash } from 'node:crypto';
import type { GoodsView, SaveGoodsRequest } from '../../typings';
import { C } from '../shared/collections';
import { requireCleanText } from '../shared/content-check';
import { AppError } from '../shared/errors';
import { shopGoodsSchema, type ShopGoods } from '../shared/shop/model';
import type { User } from '../shared/village/model';
import { getById } from '../shared/repo';
import { db } from '../shared/sdk';
import { canManageShop } from '../shared/shop/rules';
import { isConflict, isDuplicateKey, withTransaction } from '../shared/tx';
import { currentUser, villageOf } from '../shared/users';
import { readGoods } from './stock';
import { goodsView } from './views';
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

async function add(req: SaveGoodsRequest, user: User, villageId: string): Promise<ShopGoods> {
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

async function edit(id: string, req: SaveGoodsRequest, villageId: string): Promise<ShopGoods> {
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
  await requireCleanText(openid, req.name, 1);
  const saved = req.id ? await edit(req.id, req, villageId) : await add(req, user, villageId);
  return goodsView(saved, 0);
}
