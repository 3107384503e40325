// 加入村庄: arrive with a code (a shared link ?code=, a scanned 小程序码 ?scene=) or type one; see
// what it is for; give the name (and, for a household, the last 4 of the ID number, matched against
// the household's record); then wait for a cadre's confirmation. Opened again later, the page shows
// where the request stands (waiting, or refused with the reason).
import type { InvitePreview, MembershipRequestView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { errorText, showError } from '../../../services/cloud';
import { inviteInfo, join, myJoin } from '../../../services/village';
import { timeText } from '../../../utils/china-time';
import { codeFromQuery, normaliseCode } from '../../../utils/village-format';

type Step = 'code' | 'form' | 'pending' | 'active';

interface JoinData {
  loading: boolean;
  step: Step;
  codeInput: string;
  preview: InvitePreview | null;
  name: string;
  idLast4: string;
  submitting: boolean;
  error: string;
  /** The caller's latest request (waiting, or refused), shown on the code step too. */
  request: MembershipRequestView | null;
  requestTime: string;
  activeText: string;
}

const initial: JoinData = {
  loading: true,
  step: 'code',
  codeInput: '',
  preview: null,
  name: '',
  idLast4: '',
  submitting: false,
  error: '',
  request: null,
  requestTime: '',
  activeText: '',
};

Component({
  behaviors: [care],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const code = codeFromQuery(query);
      void (code ? this.lookup(code) : this.loadMine());
    },
    async loadMine() {
      try {
        const { request } = await myJoin();
        this.showRequest(request);
        this.setData({ step: request?.status === 'pending' ? 'pending' : 'code', loading: false });
      } catch (e) {
        this.setData({ loading: false, error: errorText(e) });
      }
    },
    showRequest(request: MembershipRequestView | null) {
      this.setData({ request, requestTime: request ? timeText(request.createdAt) : '' });
    },
    async lookup(code: string) {
      this.setData({ loading: true, error: '', codeInput: code });
      try {
        const preview = await inviteInfo(code);
        this.setData({ preview, step: 'form', loading: false });
      } catch (e) {
        this.setData({ step: 'code', loading: false, error: errorText(e) });
      }
    },
    onCodeInput(e: WechatMiniprogram.Input) {
      this.setData({ codeInput: e.detail.value, error: '' });
    },
    onLookup() {
      const code = normaliseCode(this.data.codeInput);
      if (!code) {
        this.setData({ error: '邀请码是8位字母和数字，请核对' });
        return;
      }
      void this.lookup(code);
    },
    onName(e: WechatMiniprogram.Input) {
      this.setData({ name: e.detail.value, error: '' });
    },
    onIdLast4(e: WechatMiniprogram.Input) {
      this.setData({ idLast4: e.detail.value, error: '' });
    },
    /** The form's own checks, in the words the function would use. */
    formError(): string {
      if (!this.data.name.trim()) return '请填写您的真实姓名';
      if (this.data.preview?.needsIdLast4 && !/^\d{3}[\dXx]$/.test(this.data.idLast4.trim())) return '请填写身份证号后4位';
      return '';
    },
    async onSubmit() {
      const preview = this.data.preview;
      if (!preview || this.data.submitting) return;
      const error = this.formError();
      if (error) {
        this.setData({ error });
        return;
      }
      this.setData({ submitting: true, error: '' });
      try {
        const res = await join({
          code: preview.code,
          name: this.data.name.trim(),
          ...(preview.needsIdLast4 ? { idLast4: this.data.idLast4.trim() } : {}),
        });
        if (res.status === 'pending') {
          this.showRequest(res.request);
          this.setData({ step: 'pending', submitting: false });
        } else {
          this.setData({ step: 'active', submitting: false, activeText: `您已加入${res.villageName}，身份：${res.roleNames.join('、')}` });
        }
      } catch (e) {
        this.setData({ submitting: false, error: errorText(e) });
        showError(e);
      }
    },
    onHome() {
      wx.reLaunch({ url: '/pages/home/home' });
    },
  },
});
