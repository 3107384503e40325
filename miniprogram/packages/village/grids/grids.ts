// 网格与网格长: the village's 微网格 with their 联户小组, households and leaders. Cadres add grids and
// groups; the secretary appoints (or removes) a grid's leader from the village's people.
import type { Abilities, GridView, PersonView } from '../../../../typings/index';
import { care } from '../../../behaviors/care';
import { reload, shell } from '../../../behaviors/page-shell';
import { queryParams } from '../../../behaviors/query';
import { showError } from '../../../services/cloud';
import { createGrid, grids, people, setGridLeader } from '../../../services/village';
import { dataString } from '../../../utils/event';
import { saveForm } from '../save-form';

interface GridBlock {
  id: string;
  grid: GridView;
  groups: GridView[];
}

interface GridsData {
  villageId: string;
  blocks: GridBlock[];
  micro: GridView[];
  can: Abilities;
  people: PersonView[];
  name: string;
  kindIndex: number;
  parentIndex: number;
  kinds: string[];
  error: string;
  notice: string;
  saving: boolean;
}

const initial: GridsData = {
  villageId: '',
  blocks: [],
  micro: [],
  can: { manage: false, appoint: false },
  people: [],
  name: '',
  kindIndex: 0,
  parentIndex: 0,
  kinds: ['微网格', '联户小组'],
  error: '',
  notice: '',
  saving: false,
};

function blocksOf(all: GridView[]): GridBlock[] {
  return all.filter((g) => g.kind === 'micro').map((grid) => ({ id: grid.id, grid, groups: all.filter((g) => g.parentId === grid.id) }));
}

Component({
  behaviors: [care, shell, queryParams('villageId')],
  data: initial,
  methods: {
    async load() {
      const res = await grids(this.data.villageId || undefined);
      this.setData({
        blocks: blocksOf(res.grids),
        micro: res.grids.filter((g) => g.kind === 'micro'),
        can: res.can,
      });
      if (res.can.appoint && !this.data.people.length) this.setData({ people: (await people()).people });
    },
    async appoint(gridId: string, personId: string | null) {
      try {
        const grid = await setGridLeader(gridId, personId);
        await reload(this);
        this.setData({ notice: grid.leader ? `${grid.name}的网格长：${grid.leader.name}` : `已取消${grid.name}的网格长` });
      } catch (e) {
        showError(e);
      }
    },
    onLeader(e: WechatMiniprogram.PickerChange) {
      const person = this.data.people[Number(e.detail.value)];
      if (person) void this.appoint(dataString(e, 'id'), person.personId);
    },
    onNoLeader(e: WechatMiniprogram.BaseEvent) {
      void this.appoint(dataString(e, 'id'), null);
    },
    onName(e: WechatMiniprogram.Input) {
      this.setData({ name: e.detail.value, error: '' });
    },
    onKind(e: WechatMiniprogram.PickerChange) {
      this.setData({ kindIndex: Number(e.detail.value) });
    },
    onParent(e: WechatMiniprogram.PickerChange) {
      this.setData({ parentIndex: Number(e.detail.value) });
    },
    async onCreate() {
      const name = this.data.name.trim();
      const group = this.data.kindIndex === 1;
      const parent = this.data.micro[this.data.parentIndex];
      const missing = !name ? '请填写名称' : group && !parent ? '请先建一个微网格' : '';
      await saveForm(this, missing, async () => {
        const made = await createGrid(group && parent ? { kind: 'group', name, parentId: parent.id } : { kind: 'micro', name });
        await reload(this);
        return { name: '', notice: `已建${group ? '联户小组' : '微网格'}：${made.name}` };
      });
    },
  },
});
