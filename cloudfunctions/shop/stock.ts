// Goods read inside a transaction.
import { C } from '../shared/collections';
import { AppError } from '../shared/errors';
import { shopGoodsSchema, type ShopGoods } from '../shared/shop/model';
import { txGet, type Tx } from '../shared/tx';

export async function readGoods(t: Tx, id: string): Promise<ShopGoods> {
  const raw = await txGet(t, C.shopGoods, id);
  if (!raw) throw new AppError('COMMON.NOT_FOUND', '没有这件商品');
  return shopGoodsSchema.parse(raw);
}
