// 商品管理 (cadres): every goods of the village, on or off the shelf; add or edit one with its photo
// (taken or picked, uploaded to cloud storage), name, points price, stock (restock by pieces),
// per-household limit and shelf; and the shop's settings — the pickup period and the 兑换活动
// (redemption days) outside which the shop stays closed when the village wants it so.
import type { GoodsView, ShopMode } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { formShell } from '../../../behaviors/page-shell';
import { errorText, showError } from '../../../services/cloud';
import { browseShop, saveGoods, saveShopSettings, shopSettings } from '../../../services/shop';
import { chooseImages, extensionOf, fileUrl, uploadFile } from '../../../services/upload';
import { dataNumber, dataString } from '../../../utils/event';

import { eventRow, formOf, goodsRequest, LIMIT_NAMES, row, wholeNumber, type EventRow, type Form, type Row } from './goods-form';

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

Component({
  behaviors: [care, formShell],
  data: initial,
  methods: {
    async load() {
      const [, settings] = await Promise.all([this.loadGoods(), shopSettings()]);
      this.setData({ mode: settings.mode, pickupDays: String(settings.pickupDays), events: settings.events.map(eventRow) });
    },
    /** The goods alone: after saving one, the settings being edited on the same page stay as typed. */
    async loadGoods() {
      const shop = await browseShop();
      this.setData({ all: shop.goods, rows: shop.goods.map(row) });
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
        // The list first, so the form closes over the goods as saved.
        await this.loadGoods().catch(showError);
        this.setData({
          saving: false,
          form: null,
          notice: `已保存：${saved.name}（库存 ${saved.stock} 件，${saved.onShelf ? '在售' : '已下架'}）`,
        });
        wx.showToast({ title: '已保存', icon: 'success', duration: 1500 });
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
