// 批量导入农户 (cadres): pick an .xlsx or .csv from a WeChat chat, see every row with its problems and
// what would be created or updated — nothing is written yet — then import. Importing the same file
// again changes nothing: households are matched by 户号, people by ID number.
import type { ImportCounts, ImportPreview } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { CloudError, errorText, showError } from '../../../services/cloud';
import { uploadFile } from '../../../services/upload';
import { importCommit, importPreview } from '../../../services/village';

const ACTIONS: Record<string, string> = { create: '新增', update: '更新', unchanged: '不变' };

interface Row {
  key: string;
  line: number;
  text: string;
  person: string;
  action: string;
  problems: string[];
}

interface ImportData {
  step: 'choose' | 'preview' | 'done';
  busy: boolean;
  error: string;
  fileID: string;
  fileName: string;
  rows: Row[];
  onlyProblems: boolean;
  counts: ImportCounts | null;
  summary: string;
}

const initial: ImportData = {
  step: 'choose',
  busy: false,
  error: '',
  fileID: '',
  fileName: '',
  rows: [],
  onlyProblems: false,
  counts: null,
  summary: '',
};

/** "新增2户、更新1户；新增4人、更新1人；新建网格3个". */
export function summaryText(c: ImportCounts): string {
  const part = (n: number, what: string): string => (n ? `${what}${n}` : '');
  const households = [part(c.households.create, '新增'), part(c.households.update, '更新'), part(c.households.unchanged, '不变')]
    .filter(Boolean)
    .join('、');
  const members = [part(c.members.create, '新增'), part(c.members.update, '更新'), part(c.members.unchanged, '不变')]
    .filter(Boolean)
    .join('、');
  return `农户：${households || '无'}；成员：${members || '无'}${c.grids.create ? `；新建网格/小组${c.grids.create}个` : ''}`;
}

function rowsOf(preview: ImportPreview): Row[] {
  return preview.rows.map((r) => ({
    key: String(r.line),
    line: r.line,
    text: `${r.grid} ${r.group} ${r.no}（户主 ${r.headName}）`,
    person: `${r.name} · ${r.relation} · ${r.idNumber}${r.phone ? ` · ${r.phone}` : ''}`,
    action: r.action ? (ACTIONS[r.action] ?? '') : '',
    problems: r.problems,
  }));
}

function chooseFile(): Promise<{ path: string; name: string } | null> {
  return new Promise((resolve, reject) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx', 'csv'],
      success: (res) => {
        const f = res.tempFiles[0];
        resolve(f ? { path: f.path, name: f.name } : null);
      },
      fail: (err) =>
        /cancel/.test(err.errMsg) ? resolve(null) : reject(new CloudError('COMMON.INTERNAL', '没能打开聊天文件，请再试一次')),
    });
  });
}

Component({
  behaviors: [care],
  data: initial,
  methods: {
    async onChoose() {
      if (this.data.busy) return;
      this.setData({ error: '' });
      try {
        const file = await chooseFile();
        if (!file) return;
        this.setData({ busy: true, fileName: file.name });
        const safeName = file.name.replace(/[\\/]/g, '_');
        const fileID = await uploadFile(file.path, `village-import/${Date.now()}-${Math.random().toString(36).slice(2, 8)}/${safeName}`);
        const preview = await importPreview(fileID);
        this.setData({
          busy: false,
          step: 'preview',
          fileID,
          rows: rowsOf(preview),
          counts: preview.counts,
          summary: summaryText(preview.counts),
        });
      } catch (e) {
        this.setData({ busy: false, error: errorText(e) });
        showError(e);
      }
    },
    onOnlyProblems() {
      this.setData({ onlyProblems: !this.data.onlyProblems });
    },
    async onCommit() {
      if (this.data.busy || !this.data.fileID || this.data.counts?.problemRows) return;
      this.setData({ busy: true, error: '' });
      try {
        const res = await importCommit(this.data.fileID);
        this.setData({ busy: false, step: 'done', counts: res.counts, summary: summaryText(res.counts) });
      } catch (e) {
        this.setData({ busy: false, error: errorText(e) });
      }
    },
    onAgain() {
      this.setData({ ...initial });
    },
  },
});
