// 核验积分证明 and 核销取货 look up a code typed in, scanned, or carried by the page's link. The page
// keeps `code`, `searching` and `error` in its data and defines lookUp(code): the call, answering
// what to show. This behavior keeps the code as typed, asks for one when none is typed, runs one
// look-up at a time (the last answer taken off first) and says why a look-up failed.
import { errorText } from '../services/cloud';

export interface CodeLookupSpec {
  /** What to say when no code is typed. */
  ask: string;
  /** The page's data with no answer shown, set as a look-up starts. */
  cleared: Record<string, unknown>;
  /** The code as the page keeps it (e.g. upper case). */
  normalize?: (typed: string) => string;
}

interface LookupHost {
  data: { code: string; searching: boolean };
  setData(data: Record<string, unknown>): void;
  lookUp(code: string): Promise<Record<string, unknown>>;
}

async function search(host: LookupHost, spec: CodeLookupSpec): Promise<void> {
  const code = host.data.code.trim();
  if (!code) {
    host.setData({ error: spec.ask });
    return;
  }
  if (host.data.searching) return;
  host.setData({ ...spec.cleared, searching: true, error: '' });
  try {
    host.setData({ ...(await host.lookUp(code)), searching: false });
  } catch (e) {
    host.setData({ searching: false, error: errorText(e) });
  }
}

export function codeLookup(spec: CodeLookupSpec) {
  const normalize = spec.normalize ?? ((typed: string) => typed);
  return Behavior({
    methods: {
      onInput(this: LookupHost, e: WechatMiniprogram.Input) {
        this.setData({ code: normalize(e.detail.value), error: '' });
      },
      onSearch(this: LookupHost) {
        void search(this, spec);
      },
      /** Looks up the code now in `data.code` (from the link, or just scanned). */
      search(this: LookupHost) {
        return search(this, spec);
      },
    },
  });
}
