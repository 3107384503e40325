// 公开: what the village publishes — the monthly notice, 红黑榜, the secretary's letters, 三务公开,
// 村民说事 — and the newest of it.
import type { MeResult } from '../../../typings/index';
import { care } from '../../behaviors/care';
import { shell } from '../../behaviors/page-shell';
import { tabPage, type TabView } from '../../behaviors/tab-page';
import type { HomeData } from '../../services/home';
import { homeCard, type BoardHomeCard } from '../../utils/board-home';
import { publicEntries, type Task } from '../../utils/workbench';

interface PublicData {
  me: MeResult | null;
  entries: Task[];
  news: BoardHomeCard['news'];
}

const initial: PublicData = { me: null, entries: [], news: [] };

function show({ me, board }: HomeData): TabView<PublicData> {
  return { data: { me, entries: publicEntries(me), news: board ? homeCard(board).news : [] } };
}

Component({
  behaviors: [care, shell, tabPage('public', show)],
  data: initial,
});
