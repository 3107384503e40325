// 写公开信 and 发布公开内容 are one kind of form: a title and a body typed in, files uploading as they
// are picked, saved as a draft or published under the form's key (made once when the page opens,
// so a retried save makes one). The page defines save(publish) and what it uploads.
import { CloudError, showError } from '../../services/cloud';
import { newClientKey } from '../../utils/client-key';
import { param } from '../../utils/board-share';

export interface DraftFields {
  /** The draft edited (?id=…); '' for a new one. */
  id: string;
  clientKey: string;
  title: string;
  body: string;
  uploading: boolean;
  saving: boolean;
  error: string;
}

export const blankDraft: DraftFields = { id: '', clientKey: '', title: '', body: '', uploading: false, saving: false, error: '' };

interface DraftHost {
  setData(data: Partial<DraftFields>): void;
  save(publish: boolean): Promise<void>;
}

/** The id of the draft to continue and a new key for this form, from the page's link. */
export function draftStart(query: Record<string, string | undefined>): Pick<DraftFields, 'id' | 'clientKey'> {
  return { id: param(query, 'id'), clientKey: newClientKey() };
}

/** What the save call adds to the form's fields: its key, and the draft's id when it continues one. */
export type DraftKeys = { clientKey: string; id?: string };

/**
 * Saves the form once: `missing` is what to ask for first ('' when the form is complete), `send` the
 * call given the form's keys. The form is busy meanwhile; a failure leaves it as typed and says why.
 * Resolves to what was saved, or null when nothing was.
 */
export async function saveDraft<T extends { id: string }>(
  host: DraftHost & { data: DraftFields },
  missing: string,
  send: (keys: DraftKeys) => Promise<T>,
): Promise<T | null> {
  if (missing) {
    host.setData({ error: missing });
    return null;
  }
  if (host.data.saving || host.data.uploading) return null;
  host.setData({ saving: true, error: '' });
  try {
    const saved = await send({ clientKey: host.data.clientKey, ...(host.data.id ? { id: host.data.id } : {}) });
    host.setData({ saving: false, id: saved.id });
    return saved;
  } catch (e) {
    host.setData({ saving: false, error: e instanceof CloudError ? e.message : '没有保存成功，请再试一次' });
    showError(e);
    return null;
  }
}

export const draftForm = Behavior({
  methods: {
    onTitle(this: DraftHost, e: WechatMiniprogram.Input) {
      this.setData({ title: e.detail.value, error: '' });
    },
    onBody(this: DraftHost, e: WechatMiniprogram.TextareaInput) {
      this.setData({ body: e.detail.value, error: '' });
    },
    onSaveDraft(this: DraftHost) {
      void this.save(false);
    },
  },
});
