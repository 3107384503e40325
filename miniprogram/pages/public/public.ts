// 公开: what the village publishes — the monthly notice, 红黑榜, the secretary's letters, 三务公开,
// 村民说事 — and the newest of it.
import type { MeResult } from '../../../typings/index';
import { care } from '../../behaviors/care';
import { shell } from '../../behaviors/page-shell';
import { getHomeData } from '../../services/home';
import { homeCard, type BoardHomeCard } from '../../utils/board-home';
import { publicEntries, type Task } from '../../utils/workbench';
import { markTab } from '../../utils/tabs';

interface PublicData {
  me: MeResult | null;
  entries: Task[];
  news: BoardHomeCard['news'];
}

const initial: PublicData = { me: null, entries: [], news: [] };

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const { me, board } = await getHomeData();
      this.setData({ me, entries: publicEntries(me), news: board ? homeCard(board).news : [] });
      markTab(this, 'public');
    },
  },
});
