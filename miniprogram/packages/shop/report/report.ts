// 月度报表 (cadres): one month of the 积分超市 for the village's accounts — goods handed over, points
// spent, per goods and per household, and what came back. 导出 makes an Excel file in cloud storage;
// the page downloads it (wx.downloadFile) and opens it (wx.openDocument, whose menu forwards it to
// the accountant's WeChat or saves it).
import type { ReportResult } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { showError } from '../../../services/cloud';
import { exportReport, monthReport } from '../../../services/shop';
import { chinaDate } from '../../../utils/china-time';
import { monthText } from '../format';

interface ReportData {
  month: string;
  monthTitle: string;
  /** The latest month one can pick: this one. */
  lastMonth: string;
  report: ReportResult | null;
  exporting: boolean;
  exported: string;
}

function thisMonth(): string {
  return chinaDate().slice(0, 7);
}

const initial: ReportData = {
  month: '',
  monthTitle: '',
  lastMonth: '',
  report: null,
  exporting: false,
  exported: '',
};

function download(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (res) => (res.statusCode === 200 ? resolve(res.tempFilePath) : reject(new Error(`HTTP ${res.statusCode}`))),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

function open(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({ filePath, fileType: 'xlsx', showMenu: true, success: () => resolve(), fail: (err) => reject(new Error(err.errMsg)) });
  });
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const month = /^\d{4}-\d{2}$/.test(query.month ?? '') ? (query.month ?? '') : thisMonth();
      this.setData({ month, monthTitle: monthText(month), lastMonth: thisMonth() });
    },
    async load() {
      this.setData({ exported: '' });
      const report = await monthReport(this.data.month);
      this.setData({ report });
    },
    onMonth(e: WechatMiniprogram.PickerChange) {
      const month = String(e.detail.value).slice(0, 7);
      if (!/^\d{4}-\d{2}$/.test(month)) return;
      this.setData({ month, monthTitle: monthText(month) });
      void reload(this);
    },
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true, exported: '' });
      try {
        const file = await exportReport(this.data.month);
        const path = await download(file.url);
        this.setData({ exported: file.fileName });
        await open(path);
      } catch (e) {
        showError(e);
      }
      this.setData({ exporting: false });
    },
  },
});
