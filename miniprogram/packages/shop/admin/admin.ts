// 商品管理 (cadres): every goods of the village, on or off the shelf; add or edit one with its photo
// (taken or picked, uploaded to cloud storage), name, points price, stock (restock by pieces),
// per-household limit and shelf; and the shop's settings — the pickup period and the 兑换活动
// (redemption days) outside which the shop stays closed when the village wants it so.
import type { GoodsView, LimitPeriod, RedemptionEventView, SaveGoodsRequest, ShopMode } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { formShell, reload } from '../../../behaviors/page-shell';
import { errorText, showError } from '../../../services/cloud';
import { browseShop, initialOf, saveGoods, saveShopSettings, shopSettings } from '../../../services/shop';
import { chooseImages, extensionOf, fileUrl, uploadFile } from '../../../services/upload';
import { newClientKey } from '../../../utils/client-key';
import { dataNumber, dataString } from '../../../utils/event';

interface Row {
  id: string;
  name: string;
  photo: string;
  initial: string;
  price: number;
  stock: number;
  limitText: string;
  onShelf: boolean;
}

interface Form {
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

interface EventRow extends RedemptionEventView {
  text: string;
  key: string;
}

interface AdminData {
  /** The goods as the function gave them (the form starts from one). */
  all: GoodsView[];
  rows: Row[];
  form: Form | null;
  saving: boolean;
  uploading: boolean;
  formError: string;
  notice: string;
  limitNames: string[];
  mode: ShopMode;
  pickupDays: string;
  events: EventRow[];
  newEvent: { title: string; from: string; to: string };
  savingSettings: boolean;
  settingsError: string;
}

export const LIMITS: (LimitPeriod | null)[] = [null, 'month', 'quarter', 'year'];
const LIMIT_NAMES = ['不限购', '每户每月限', '每户每季度限', '每户每年限'];

const initial: AdminData = {
  all: [],
  rows: [],
  form: null,
  saving: false,
  uploading: false,
  formError: '',
  notice: '',
  limitNames: LIMIT_NAMES,
  mode: 'always',
  pickupDays: '7',
  events: [],
  newEvent: { title: '', from: '', to: '' },
  savingSettings: false,
  settingsError: '',
};

function row(g: GoodsView): Row {
  return {
    id: g.id,
    name: g.name,
    photo: g.photo ? fileUrl(g.photo) : '',
    initial: initialOf(g.name),
    price: g.price,
    stock: g.stock,
    limitText: g.limitText,
    onShelf: g.onShelf,
  };
}

function eventRow(e: RedemptionEventView): EventRow {
  return { ...e, text: e.from === e.to ? e.from : `${e.from} 至 ${e.to}`, key: `${e.id}|${e.title}|${e.from}|${e.to}` };
}

/** A whole number typed in a field, or null. */
export function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^[+-]?\d{1,6}$/.test(t) ? Number(t) : null;
}

/** The form as the function's request, or the Chinese reason it cannot be sent. */
export function goodsRequest(f: Form): SaveGoodsRequest | string {
  const name = f.name.trim();
  if (!name) return '请填写商品名称';
  const price = wholeNumber(f.price);
  if (price === null || price < 1) return '积分价格要填1以上的整数';
  const stock = f.stock.trim() ? wholeNumber(f.stock) : 0;
  if (stock === null || (!f.id && stock < 0)) return f.id ? '补货数量要填整数（减少填负数）' : '库存要填0以上的整数';
  if (f.id && f.currentStock + stock < 0) return `库存只有 ${f.currentStock} 件，不能减少 ${-stock} 件`;
  const period = LIMITS[f.limitIndex] ?? null;
  const qty = period ? wholeNumber(f.limitQty) : null;
  if (period && (qty === null || qty < 1)) return '限购数量要填1以上的整数';
  const base = { clientKey: f.clientKey, name, photo: f.photo, price, limit: period && qty ? { period, qty } : null, onShelf: f.onShelf };
  return f.id ? { ...base, id: f.id, addStock: stock } : { ...base, stock };
}

function formOf(g: GoodsView | null): Form {
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

Component({
  behaviors: [care, formShell],
  data: initial,
  methods: {
    async load() {
      const [shop, settings] = await Promise.all([browseShop(), shopSettings()]);
      this.setData({
        all: shop.goods,
        rows: shop.goods.map(row),
        mode: settings.mode,
        pickupDays: String(settings.pickupDays),
        events: settings.events.map(eventRow),
      });
    },
    // ---- goods ---------------------------------------------------------------------------------
    onAdd() {
      this.setData({ form: formOf(null), formError: '', notice: '' });
    },
    onEdit(e: WechatMiniprogram.BaseEvent) {
      const g = this.data.all.find((x) => x.id === dataString(e, 'id'));
      if (g) this.setData({ form: formOf(g), formError: '', notice: '' });
    },
    onCloseForm() {
      if (!this.data.saving) this.setData({ form: null, formError: '' });
    },
    /** Keeps taps on the form from closing it. */
    onSheetTap() {},
    onField(e: WechatMiniprogram.Input) {
      const field = dataString(e, 'field');
      const f = this.data.form;
      if (!f || !['name', 'price', 'stock', 'limitQty'].includes(field)) return;
      this.setData({ form: { ...f, [field]: e.detail.value }, formError: '' });
    },
    onLimit(e: WechatMiniprogram.PickerChange) {
      const f = this.data.form;
      if (f) this.setData({ form: { ...f, limitIndex: Number(e.detail.value), limitQty: f.limitQty || '1' } });
    },
    onShelf() {
      const f = this.data.form;
      if (f) this.setData({ form: { ...f, onShelf: !f.onShelf } });
    },
    async onPhoto() {
      const f = this.data.form;
      if (!f || this.data.uploading) return;
      const [path] = await chooseImages(1).catch((e: unknown) => {
        showError(e);
        return [];
      });
      if (!path) return;
      this.setData({ uploading: true, formError: '' });
      try {
        const fileID = await uploadFile(path, `shop/goods/${f.clientKey}.${extensionOf(path)}`);
        const now = this.data.form;
        if (now) this.setData({ form: { ...now, photo: fileID, photoUrl: fileUrl(fileID) } });
      } catch (e) {
        this.setData({ formError: errorText(e) });
      }
      this.setData({ uploading: false });
    },
    async onSave() {
      const f = this.data.form;
      if (!f || this.data.saving || this.data.uploading) return;
      const req = goodsRequest(f);
      if (typeof req === 'string') {
        this.setData({ formError: req });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        const saved = await saveGoods(req);
        this.setData({
          saving: false,
          form: null,
          notice: `已保存：${saved.name}（库存 ${saved.stock} 件，${saved.onShelf ? '在售' : '已下架'}）`,
        });
        wx.showToast({ title: '已保存', icon: 'success', duration: 1500 });
        await reload(this);
      } catch (e) {
        this.setData({ saving: false, formError: errorText(e) });
      }
    },
    // ---- settings ------------------------------------------------------------------------------
    onMode(e: WechatMiniprogram.BaseEvent) {
      const mode = dataString(e, 'mode');
      if (mode === 'always' || mode === 'events') this.setData({ mode, settingsError: '' });
    },
    onPickupDays(e: WechatMiniprogram.Input) {
      this.setData({ pickupDays: e.detail.value, settingsError: '' });
    },
    onEventTitle(e: WechatMiniprogram.Input) {
      this.setData({ newEvent: { ...this.data.newEvent, title: e.detail.value }, settingsError: '' });
    },
    onEventDate(e: WechatMiniprogram.PickerChange) {
      const which = dataString(e, 'which');
      const value = String(e.detail.value);
      const ne = this.data.newEvent;
      if (which === 'from') this.setData({ newEvent: { ...ne, from: value, to: ne.to && ne.to >= value ? ne.to : value } });
      if (which === 'to') this.setData({ newEvent: { ...ne, to: value } });
    },
    onAddEvent() {
      const ne = this.data.newEvent;
      const title = ne.title.trim();
      if (!title || !ne.from) {
        this.setData({ settingsError: '请填写活动名称并选择日期' });
        return;
      }
      const to = ne.to || ne.from;
      if (to < ne.from) {
        this.setData({ settingsError: '结束日期不能早于开始日期' });
        return;
      }
      const events = [...this.data.events, eventRow({ id: '', title, from: ne.from, to })].sort((a, b) => a.from.localeCompare(b.from));
      this.setData({ events, newEvent: { title: '', from: '', to: '' }, settingsError: '' });
    },
    onRemoveEvent(e: WechatMiniprogram.BaseEvent) {
      const i = dataNumber(e, 'index');
      this.setData({ events: this.data.events.filter((_, k) => k !== i) });
    },
    async onSaveSettings() {
      if (this.data.savingSettings) return;
      const days = wholeNumber(this.data.pickupDays);
      if (days === null || days < 1 || days > 60) {
        this.setData({ settingsError: '领取期限要填1到60天' });
        return;
      }
      this.setData({ savingSettings: true, settingsError: '' });
      try {
        const saved = await saveShopSettings({
          mode: this.data.mode,
          pickupDays: days,
          events: this.data.events.map((e) => ({ ...(e.id ? { id: e.id } : {}), title: e.title, from: e.from, to: e.to })),
        });
        this.setData({ savingSettings: false, mode: saved.mode, pickupDays: String(saved.pickupDays), events: saved.events.map(eventRow) });
        wx.showToast({ title: '设置已保存', icon: 'success', duration: 1500 });
      } catch (e) {
        this.setData({ savingSettings: false, settingsError: errorText(e) });
      }
    },
  },
});
