// 核销取货 (the keeper's counter): scan the household's QR (wx.scanCode; its text is the pickup code)
// or type the code, see the order — household, goods, pieces, points, who redeemed, until when — and
// hand the goods over with one tap. A code of another village is not found here.
import type { OrderView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { codeLookup } from '../../../behaviors/code-lookup';
import { errorText, showError } from '../../../services/cloud';
import { codeText, handOver, verifyCode } from '../../../services/shop';
import { timeText } from '../../../utils/china-time';
import { deadlineText } from '../format';

interface Found {
  id: string;
  code: string;
  open: boolean;
  statusText: string;
  household: string;
  title: string;
  points: number;
  by: string;
  deadline: string;
  closed: string;
}

interface VerifyData {
  code: string;
  searching: boolean;
  handing: boolean;
  error: string;
  found: Found | null;
  /** Set when the goods were just handed over. */
  handed: string;
}

const initial: VerifyData = { code: '', searching: false, handing: false, error: '', found: null, handed: '' };

function found(o: OrderView): Found {
  return {
    id: o.id,
    code: codeText(o.code),
    open: o.status === 'open',
    statusText: o.statusText,
    household: o.householdLabel,
    title: `${o.goodsName} × ${o.qty}`,
    points: o.points,
    by: `${o.byName} ${timeText(o.createdAt)} 兑换`,
    deadline: deadlineText(o.expiresAt),
    closed: o.closedAt ? `${timeText(o.closedAt)}${o.status === 'done' ? ` 由 ${o.closedByName} 交付` : ''}` : '',
  };
}

function scan(): Promise<string | null> {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result),
      fail: () => resolve(null),
    });
  });
}

/** The pickup code, typed (upper case) or scanned; a new look-up takes the last order off. */
const lookup = codeLookup({
  ask: '请扫码，或输入6位取货码',
  cleared: { found: null, handed: '' },
  normalize: (typed) => typed.toUpperCase(),
});

Component({
  behaviors: [care, lookup],
  data: initial,
  methods: {
    onLoad() {},
    async onScan() {
      const text = await scan();
      if (text === null) return; // the keeper closed the camera
      this.setData({ code: text.trim().toUpperCase() });
      await this.search();
    },
    async lookUp(code: string): Promise<Partial<VerifyData>> {
      return { found: found(await verifyCode(code)) };
    },
    async onHandOver() {
      const f = this.data.found;
      if (!f?.open || this.data.handing) return;
      this.setData({ handing: true, error: '' });
      try {
        const order = await handOver(f.id);
        this.setData({ handing: false, found: found(order), handed: `已交付：${f.household}，${f.title}`, code: '' });
        wx.showToast({ title: '已交付', icon: 'success', duration: 1500 });
      } catch (e) {
        this.setData({ handing: false, error: errorText(e) });
        showError(e);
      }
    },
  },
});
