// 积分贷: the household's rate and how it is computed; the household head issues a 积分证明 for the
// bank, shares its verification link (the card opens the verify page with ?code=), copies the code
// to read it out, and revokes a certificate no longer wanted.
import type { CertificateView, LoanResult } from '../../../../typings/index';
import { showError } from '../../../services/cloud';
import { getLoan, issueCertificate, revokeCertificate } from '../../../services/honours';
import { newClientKey } from '../../../utils/client-key';
import { dataString } from '../../../utils/event';
import { CERTIFICATE_STATUS, codeText, dayText, pointsOfPercent, rateText } from '../../../utils/honours-format';
import { care } from '../../../behaviors/care';
import { confirmAction } from '../../../utils/confirm';
import { reload, shell } from '../../../behaviors/page-shell';

interface CertRow {
  code: string;
  codeText: string;
  status: string;
  statusClass: string;
  valid: boolean;
  detail: string;
  dates: string;
}

interface LoanData {
  household: LoanResult['household'] | null;
  rate: string;
  earned: number;
  steps: string[];
  next: string;
  isHead: boolean;
  validityDays: number;
  certificates: CertRow[];
  /** Made once per issue: a retried tap never issues twice. */
  issueKey: string;
  busy: boolean;
}

const initial: LoanData = {
  household: null,
  rate: '',
  earned: 0,
  steps: [],
  next: '',
  isHead: false,
  validityDays: 30,
  certificates: [],
  issueKey: '',
  busy: false,
};

const STATUS_CLASS: Record<CertificateView['status'], string> = { valid: 'badge-ok', expired: 'badge-wait', revoked: 'badge-bad' };

function certRow(c: CertificateView): CertRow {
  return {
    code: c.code,
    codeText: codeText(c.code),
    status: CERTIFICATE_STATUS[c.status],
    statusClass: STATUS_CLASS[c.status],
    valid: c.status === 'valid',
    detail: `累计积分 ${c.earnedPoints} 分，利率 ${rateText(c.rateBp)}`,
    dates: `${dayText(c.issuedOn)}开具，有效期至${dayText(c.expiresOn)}${c.revokedOn ? `，${dayText(c.revokedOn)}作废` : ''}`,
  };
}

export function loanView(r: LoanResult): Partial<LoanData> {
  const rate = r.rate;
  const cut = rate.baseRateBp - rate.rateBp;
  return {
    household: r.household,
    rate: rateText(rate.rateBp),
    earned: rate.earned,
    steps: [
      `村里的基准利率 ${rateText(rate.baseRateBp)}`,
      `您家累计积分 ${rate.earned} 分，每满 ${rate.stepPoints} 分降低 0.1 个百分点：满 ${rate.steps} 个 ${rate.stepPoints} 分`,
      rate.atFloor
        ? `已降到本村最低利率 ${rateText(rate.floorRateBp)}，不再降低`
        : `降低 ${pointsOfPercent(cut)}，最低不低于 ${rateText(rate.floorRateBp)}`,
    ],
    next: rate.toNextStep === null ? '' : `再得 ${rate.toNextStep} 分，利率再降 0.1 个百分点`,
    isHead: r.isHead,
    validityDays: r.validityDays,
    certificates: r.certificates.map(certRow),
  };
}

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    onLoad() {
      this.setData({ issueKey: newClientKey() });
      void reload(this);
    },
    async load() {
      this.setData({ ...loanView(await getLoan()) });
    },
    async onIssue() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        const cert = await issueCertificate(this.data.issueKey);
        // The next tap is a new certificate.
        this.setData({
          busy: false,
          issueKey: newClientKey(),
          certificates: [certRow(cert), ...this.data.certificates.filter((c) => c.code !== cert.code)],
        });
        wx.showToast({ title: '积分证明已开具', icon: 'success' });
      } catch (e) {
        this.setData({ busy: false });
        showError(e);
      }
    },
    onCopy(e: WechatMiniprogram.BaseEvent) {
      const code = dataString(e, 'code');
      if (!code) return;
      wx.setClipboardData({ data: codeText(code) });
    },
    async onRevoke(e: WechatMiniprogram.BaseEvent) {
      const code = dataString(e, 'code');
      if (!code || this.data.busy) return;
      const ok = await confirmAction('作废积分证明', `作废后，银行用核验码 ${codeText(code)} 将查不到证明内容。确定作废吗？`);
      if (!ok) return;
      this.setData({ busy: true });
      try {
        const cert = await revokeCertificate(code);
        this.setData({ busy: false, certificates: this.data.certificates.map((c) => (c.code === cert.code ? certRow(cert) : c)) });
        wx.showToast({ title: '已作废', icon: 'success' });
      } catch (err) {
        this.setData({ busy: false });
        showError(err);
      }
    },
    /** The share button of a certificate sends a card that opens the verify page with its code. */
    onShareAppMessage(res: WechatMiniprogram.Page.IShareAppMessageOption) {
      const target: unknown = res.target;
      const dataset: unknown = typeof target === 'object' && target !== null && 'dataset' in target ? target.dataset : null;
      const code: unknown = typeof dataset === 'object' && dataset !== null && 'code' in dataset ? dataset.code : '';
      if (res.from === 'button' && typeof code === 'string' && code) {
        return { title: `${this.data.household?.label ?? ''} 积分证明核验`, path: `/packages/honours/verify/verify?code=${code}` };
      }
      return { title: '积分证明核验', path: '/packages/honours/verify/verify' };
    },
  },
});
