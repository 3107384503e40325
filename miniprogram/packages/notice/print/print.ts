// 打印张贴: the month's notice as A4 images for the village notice board. The notice is drawn on a
// <canvas type="2d"> (utils/notice-print.ts: every household line with its total and items, the period
// and a footer, page after page) and each page exported with wx.canvasToTempFilePath; the pages can
// then be saved to the phone's album (to print at home or at a print shop) or previewed, where a long
// press also sends or prints them. Chinese text is drawn with the phone's own fonts.
import type { NoticeView } from '../../../../typings/index';
import { getNotice } from '../../../services/notice';
import { dataNumber } from '../../../utils/event';
import { monthTitle } from '../../../utils/notice-format';
import { behindGate, type Gate } from '../../../utils/notice-gate';
import { noticePage } from '../notice-page';
import { drawPrint } from '../../../utils/notice-print';
import { PRINT_PAGE, type PrintContext } from '../../../utils/print-layout';
import { monthParam } from '../month';
import { care } from '../../../behaviors/care';
import { shell } from '../../../behaviors/page-shell';

interface PrintData {
  gate: Gate;
  month: string;
  title: string;
  households: number;
  making: boolean;
  progress: string;
  /** Temp file paths of the pages made. */
  pages: string[];
  saving: boolean;
  result: string;
  resultWarn: boolean;
  canvasWidth: number;
  canvasHeight: number;
}

const initial: PrintData = {
  gate: '',
  month: '',
  title: '',
  households: 0,
  making: false,
  progress: '',
  pages: [],
  saving: false,
  result: '',
  resultWarn: false,
  canvasWidth: PRINT_PAGE.width,
  canvasHeight: PRINT_PAGE.height,
};

/** The notice loaded (kept out of `data`: the view never shows it whole). */
let notice: NoticeView | null = null;

function isCanvas(v: unknown): v is WechatMiniprogram.Canvas {
  return typeof v === 'object' && v !== null && 'getContext' in v && typeof v.getContext === 'function' && 'width' in v && 'height' in v;
}

/** The canvas node the selector query gives (old clients and simulators may give none). */
function canvasOf(res: unknown): WechatMiniprogram.Canvas | null {
  const hit: unknown = Array.isArray(res) ? res[0] : null;
  if (typeof hit !== 'object' || hit === null || !('node' in hit)) return null;
  return isCanvas(hit.node) ? hit.node : null;
}

function exportPage(canvas: WechatMiniprogram.Canvas): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.canvasToTempFilePath({
      canvas,
      x: 0,
      y: 0,
      width: PRINT_PAGE.width,
      height: PRINT_PAGE.height,
      destWidth: PRINT_PAGE.width,
      destHeight: PRINT_PAGE.height,
      fileType: 'png',
      success: (res) => resolve(res.tempFilePath),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

function saveToAlbum(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.saveImageToPhotosAlbum({ filePath, success: () => resolve(), fail: (err) => reject(new Error(err.errMsg)) });
  });
}

Component({
  behaviors: [care, shell, noticePage],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      notice = null;
      this.setData({ month: monthParam(query) });
    },
    async load() {
      const month = this.data.month;
      const { gate, value: res } = await behindGate(async () => (month ? getNotice(month) : null));
      // A link without a month prints nothing: the notice list links each month.
      this.setData({ gate: res ? '' : gate || 'notFound' });
      if (!res) return;
      notice = res.notice;
      this.setData({ title: `${res.notice.villageName}${monthTitle(res.notice.month)}积分公示`, households: res.notice.households });
    },
    canvasNode(): Promise<WechatMiniprogram.Canvas | null> {
      return new Promise((resolve) => {
        try {
          wx.createSelectorQuery()
            .in(this)
            .select('#print-canvas')
            .fields({ node: true, size: true })
            .exec((res: unknown) => resolve(canvasOf(res)));
        } catch {
          resolve(null);
        }
      });
    },
    async onMake() {
      if (this.data.making || !notice) return;
      const current = notice;
      this.setData({ making: true, progress: '正在准备…', result: '', pages: [] });
      const failed = { making: false, progress: '', result: '图片没有生成成功。请把微信更新到最新版本后再试。', resultWarn: true };
      const canvas = await this.canvasNode();
      if (!canvas) {
        this.setData(failed);
        return;
      }
      try {
        canvas.width = PRINT_PAGE.width;
        canvas.height = PRINT_PAGE.height;
        const ctx: PrintContext = canvas.getContext('2d');
        const pages: string[] = [];
        await drawPrint(ctx, current, async (i, n) => {
          this.setData({ progress: `正在生成第 ${i + 1} / ${n} 页…` });
          pages.push(await exportPage(canvas));
        });
        this.setData({
          making: false,
          progress: '',
          pages,
          result: `已生成 ${pages.length} 页 A4 图片。保存到相册后可以打印，张贴到村务公开栏。`,
          resultWarn: false,
        });
      } catch (e) {
        console.warn('notice print failed', e);
        this.setData(failed);
      }
    },
    async onSave() {
      const pages = this.data.pages;
      if (!pages.length || this.data.saving) return;
      this.setData({ saving: true, result: '' });
      let saved = 0;
      try {
        for (const p of pages) {
          await saveToAlbum(p);
          saved += 1;
        }
        this.setData({ saving: false, result: `已保存 ${saved} 张图片到手机相册，可以拿到打印店打印。`, resultWarn: false });
        wx.showToast({ title: '已保存到相册', icon: 'success' });
      } catch (e) {
        const denied = e instanceof Error && /auth|deny|denied|authorize/i.test(e.message);
        this.setData({ saving: false, result: saved ? `已保存 ${saved} 张，其余没有保存。` : '没有保存到相册。', resultWarn: true });
        if (denied) {
          wx.showModal({
            title: '需要相册权限',
            content: '请在设置里允许“保存到相册”，然后再点一次“保存到相册”。',
            confirmText: '去设置',
            success: (r) => {
              if (r.confirm) wx.openSetting({});
            },
          });
        }
      }
    },
    onPreview(e: WechatMiniprogram.BaseEvent) {
      const pages = this.data.pages;
      if (!pages.length) return;
      const i = dataNumber(e, 'index');
      wx.previewImage({ urls: pages, current: pages[i] ?? pages[0] ?? '' });
    },
  },
});
