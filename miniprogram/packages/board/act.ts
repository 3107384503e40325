// The actions of 公开信 and 公开内容 (sign off, publish, release or withdraw, moderate, reply) run one
// at a time: `acting` is set while one runs (its buttons show it), `notice` says what was done, and a
// failure says why in the toast and leaves the page as it was.
import { showError } from '../../services/cloud';

interface ActHost {
  data: { acting: boolean };
  setData(data: { acting: boolean; notice?: string }): void;
}

/** Runs `step` unless another action is running; resolves true when it was done. */
export async function act(host: ActHost, step: () => Promise<unknown>, notice: string): Promise<boolean> {
  if (host.data.acting) return false;
  host.setData({ acting: true });
  try {
    await step();
    host.setData({ acting: false, notice });
    return true;
  } catch (e) {
    host.setData({ acting: false });
    showError(e);
    return false;
  }
}
