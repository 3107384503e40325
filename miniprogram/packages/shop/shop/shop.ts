// 积分超市: the household's available points, whether the shop is open (兑换活动), and the goods on
// the shelf — ONE cloud call (shop.browse). Tapping 兑换 opens a sheet (pieces − / +, the points it
// costs and what is left); 确认兑换 is ONE cloud call (shop.redeem) with a key made when the sheet
// opened, so a double tap or a retry after a weak network makes one order. The result updates the
// page without another call and shows the pickup code.
import type { BrowseResult, GoodsView, RedeemResult } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';
import { errorText, showError } from '../../../services/cloud';
import { browseShop, codeText, decideGoods, redeem } from '../../../services/shop';
import { type GoodsTile, goodsTile } from '../format';
import { confirmDecision, decidedText } from '../../../utils/held';
import { newClientKey } from '../../../utils/client-key';
import { dataString } from '../../../utils/event';

interface GoodsCard extends GoodsTile {
  stockText: string;
  limitText: string;
  /** Why 兑换 cannot be tapped ('' when it can). */
  blocked: string;
  /** Cadres: why villagers do not see it (its name did not pass the content check), '' when they do. */
  held: string;
  /** A cadre who wrote none of it may release it. */
  canRelease: boolean;
}

interface Sheet {
  goodsId: string;
  name: string;
  price: number;
  qty: number;
  max: number;
  clientKey: string;
}

interface ShopData {
  shop: BrowseResult | null;
  cards: GoodsCard[];
  sheet: Sheet | null;
  submitting: boolean;
  sheetError: string;
  /** The order just made, shown on top of the page. */
  done: { code: string; goodsName: string; qty: number; points: number } | null;
}

const initial: ShopData = {
  shop: null,
  cards: [],
  sheet: null,
  submitting: false,
  sheetError: '',
  done: null,
};

/** The most pieces of `g` the household can take now: stock, limit, points (and at most 20 at once). */
export function maxPieces(g: GoodsView, available: number): number {
  const byLimit = g.limit ? g.limit.qty - g.used : Infinity;
  return Math.max(0, Math.min(20, g.stock, byLimit, Math.floor(available / g.price)));
}

function blockedText(g: GoodsView, shop: BrowseResult): string {
  if (g.hold) return '待审核';
  if (!shop.household) return '加入一户后才能兑换';
  if (!shop.status.open) return '暂未开放';
  if (g.stock <= 0) return '已兑完';
  if (g.limit && g.used >= g.limit.qty) return '本期已兑满';
  if (shop.household.available < g.price) return '积分不够';
  return '';
}

function card(g: GoodsView, shop: BrowseResult): GoodsCard {
  return {
    ...goodsTile(g),
    stockText: g.stock > 0 ? `库存 ${g.stock} 件` : '已兑完',
    limitText: g.limit ? `${g.limitText}，本期已兑 ${g.used} 件` : '',
    blocked: blockedText(g, shop),
    held: g.hold ? `待审核：${g.hold.reasonText}，村民看不到` : '',
    canRelease: g.canRelease,
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      this.show(await browseShop());
    },
    async onRelease(e: WechatMiniprogram.BaseEvent) {
      const id = dataString(e, 'id');
      if (!id || !(await confirmDecision('release', '这件商品'))) return;
      try {
        await decideGoods(id, 'release');
        wx.showToast({ title: decidedText('release'), icon: 'none' });
        await this.load();
      } catch (err) {
        showError(err);
      }
    },
    show(shop: BrowseResult) {
      this.setData({ shop, cards: shop.goods.filter((g) => g.onShelf).map((g) => card(g, shop)) });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const shop = this.data.shop;
      const g = shop?.goods.find((x) => x.id === dataString(e, 'id'));
      if (!shop || !g || blockedText(g, shop)) return;
      const max = maxPieces(g, shop.household?.available ?? 0);
      this.setData({
        sheet: { goodsId: g.id, name: g.name, price: g.price, qty: 1, max, clientKey: newClientKey() },
        sheetError: '',
        done: null,
      });
    },
    onClose() {
      if (this.data.submitting) return;
      this.setData({ sheet: null, sheetError: '' });
    },
    onSheetTap() {},
    onLess() {
      const s = this.data.sheet;
      if (s && s.qty > 1 && !this.data.submitting) this.setData({ sheet: { ...s, qty: s.qty - 1, clientKey: newClientKey() } });
    },
    onMore() {
      const s = this.data.sheet;
      if (s && s.qty < s.max && !this.data.submitting) this.setData({ sheet: { ...s, qty: s.qty + 1, clientKey: newClientKey() } });
    },
    async onConfirm() {
      const s = this.data.sheet;
      if (!s || this.data.submitting) return;
      this.setData({ submitting: true, sheetError: '' });
      try {
        const res = await redeem({ clientKey: s.clientKey, goodsId: s.goodsId, qty: s.qty });
        this.applied(res, s.qty);
        this.setData({ submitting: false, sheet: null });
        wx.showToast({ title: '兑换成功', icon: 'success', duration: 1500 });
      } catch (e) {
        this.setData({ submitting: false, sheetError: errorText(e) });
      }
    },
    /** The redemption's result on the page: points, stock and the limit's count, without reloading. */
    applied(res: RedeemResult, qty: number) {
      const shop = this.data.shop;
      if (!shop?.household) return;
      const goods = shop.goods.map((g) =>
        g.id === res.order.goodsId && !res.repeated
          ? { ...g, stock: Math.max(0, g.stock - qty), used: g.limit ? g.used + qty : g.used }
          : g,
      );
      this.show({ ...shop, household: { ...shop.household, available: res.available }, goods });
      this.setData({
        done: { code: codeText(res.order.code), goodsName: res.order.goodsName, qty: res.order.qty, points: res.order.points },
      });
    },
    onGo(e: WechatMiniprogram.BaseEvent) {
      const page = dataString(e, 'page');
      if (page) wx.navigateTo({ url: `/packages/shop/${page}/${page}` });
    },
  },
});
