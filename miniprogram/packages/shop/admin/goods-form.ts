// 商品管理's rows and forms as plain functions: a goods row, a redemption day's row, the goods form
// (new or from existing goods) and the form checked into the function's request.
import type { GoodsView, LimitPeriod, RedemptionEventView, SaveGoodsRequest } from '../../../../typings/index';
import { type GoodsTile, goodsTile } from '../format';
import { fileUrl } from '../../../services/upload';
import { newClientKey } from '../../../utils/client-key';

export interface Row extends GoodsTile {
  stock: number;
  limitText: string;
  onShelf: boolean;
}

export interface Form {
  /** '' for new goods. */
  id: string;
  clientKey: string;
  name: string;
  photo: string;
  photoUrl: string;
  price: string;
  /** New goods: the stock; existing goods: pieces to add (or, negative, remove). */
  stock: string;
  limitIndex: number;
  limitQty: string;
  onShelf: boolean;
  currentStock: number;
}

export interface EventRow extends RedemptionEventView {
  text: string;
  key: string;
}

export const LIMITS: (LimitPeriod | null)[] = [null, 'month', 'quarter', 'year'];
export const LIMIT_NAMES = ['不限购', '每户每月限', '每户每季度限', '每户每年限'];

export function row(g: GoodsView): Row {
  return {
    ...goodsTile(g),
    stock: g.stock,
    limitText: g.limitText,
    onShelf: g.onShelf,
  };
}

export function eventRow(e: RedemptionEventView): EventRow {
  return { ...e, text: e.from === e.to ? e.from : `${e.from} 至 ${e.to}`, key: `${e.id}|${e.title}|${e.from}|${e.to}` };
}

/** A whole number typed in a field, or null. */
export function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^[+-]?\d{1,6}$/.test(t) ? Number(t) : null;
}

/** The stock typed: new goods 0 or more; existing goods pieces to add or (negative) remove, never below 0 left. */
function stockOf(f: Form): number | string {
  const stock = f.stock.trim() ? wholeNumber(f.stock) : 0;
  if (stock === null || (!f.id && stock < 0)) return f.id ? '补货数量要填整数（减少填负数）' : '库存要填0以上的整数';
  if (f.id && f.currentStock + stock < 0) return `库存只有 ${f.currentStock} 件，不能减少 ${-stock} 件`;
  return stock;
}

/** The per-household limit chosen: none, or a period and a quantity of 1 or more. */
function limitOf(f: Form): SaveGoodsRequest['limit'] | string {
  const period = LIMITS[f.limitIndex] ?? null;
  if (!period) return null;
  const qty = wholeNumber(f.limitQty);
  if (qty === null || qty < 1) return '限购数量要填1以上的整数';
  return { period, qty };
}

/** The form as the function's request, or the Chinese reason it cannot be sent. */
export function goodsRequest(f: Form): SaveGoodsRequest | string {
  const name = f.name.trim();
  if (!name) return '请填写商品名称';
  const price = wholeNumber(f.price);
  if (price === null || price < 1) return '积分价格要填1以上的整数';
  const stock = stockOf(f);
  if (typeof stock === 'string') return stock;
  const limit = limitOf(f);
  if (typeof limit === 'string') return limit;
  const base = { clientKey: f.clientKey, name, photo: f.photo, price, limit, onShelf: f.onShelf };
  return f.id ? { ...base, id: f.id, addStock: stock } : { ...base, stock };
}

export function formOf(g: GoodsView | null): Form {
  if (!g)
    return {
      id: '',
      clientKey: newClientKey(),
      name: '',
      photo: '',
      photoUrl: '',
      price: '',
      stock: '',
      limitIndex: 0,
      limitQty: '',
      onShelf: true,
      currentStock: 0,
    };
  return {
    id: g.id,
    clientKey: newClientKey(),
    name: g.name,
    photo: g.photo,
    photoUrl: g.photo ? fileUrl(g.photo) : '',
    price: String(g.price),
    stock: '',
    limitIndex: g.limit ? LIMITS.indexOf(g.limit.period) : 0,
    limitQty: g.limit ? String(g.limit.qty) : '',
    onShelf: g.onShelf,
    currentStock: g.stock,
  };
}
