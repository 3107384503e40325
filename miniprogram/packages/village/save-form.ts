// A village admin form's save (建村, 邀请, 建网格): it asks for what is missing first; `saving` is set
// while it runs (the button shows it); a failure keeps the form as typed and says why in `error`.
import { errorText } from '../../services/cloud';

interface FormHost {
  setData(data: Record<string, unknown>): void;
}

/**
 * Saves unless `missing` says what to fill in first ('' when the form is complete). `step` makes the
 * call and answers the data to show after it (the form cleared, what was done).
 */
export async function saveForm(host: FormHost, missing: string, step: () => Promise<Record<string, unknown>>): Promise<void> {
  if (missing) {
    host.setData({ error: missing });
    return;
  }
  host.setData({ saving: true, error: '' });
  try {
    host.setData({ ...(await step()), saving: false });
  } catch (e) {
    host.setData({ saving: false, error: errorText(e) });
  }
}
