// 积分证明核验, for a bank officer (who need not be a villager): arrive by the shared card
// (?code=…) or type the code. A valid certificate shows exactly what it states; an expired,
// revoked or unknown one says so plainly, and nothing more.
import type { CertificateFacts, VerifyResult } from '../../../../typings/index';
import { verifyCertificate } from '../../../services/honours';
import { codeText, dayText, rateText } from '../../../utils/honours-format';
import { care } from '../../../behaviors/care';
import { codeLookup } from '../../../behaviors/code-lookup';

interface Fact {
  label: string;
  value: string;
}

interface VerifyData {
  searching: boolean;
  code: string;
  status: VerifyResult['status'] | '';
  facts: Fact[];
  message: string;
  error: string;
}

const initial: VerifyData = { searching: false, code: '', status: '', facts: [], message: '', error: '' };

const MESSAGES: Record<Exclude<VerifyResult['status'], 'valid'>, string> = {
  expired: '这份积分证明已经过了有效期，请联系户主重新开具。',
  revoked: '这份积分证明已被户主作废，不能再使用。',
  notFound: '没有找到这份积分证明，请核对核验码后再试。',
};

export function factsOf(c: CertificateFacts): Fact[] {
  return [
    { label: '户号', value: c.householdLabel },
    { label: '户主', value: c.headName },
    { label: '累计积分', value: `${c.earnedPoints} 分` },
    { label: '积分贷利率', value: rateText(c.rateBp) },
    { label: '开具日期', value: dayText(c.issuedOn) },
    { label: '有效期至', value: dayText(c.expiresOn) },
    { label: '核验码', value: codeText(c.code) },
  ];
}

Component({
  behaviors: [care, codeLookup({ ask: '请输入核验码', cleared: { status: '', facts: [], message: '' } })],
  data: initial,
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const code = query.code ?? '';
      this.setData({ code });
      if (code) void this.search();
    },
    async lookUp(code: string): Promise<Partial<VerifyData>> {
      const r = await verifyCertificate(code);
      if (r.status === 'valid') return { status: r.status, facts: factsOf(r.certificate), message: '证明有效' };
      return { status: r.status, message: MESSAGES[r.status] };
    },
  },
});
