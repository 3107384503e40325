// 首页: what this person came for, on the first screen — the household's points, what waits for them
// (badges), the tasks they do most — then what is new in the village. Refreshes on show and pull-down.
import type { MeResult } from '../../../typings/index';
import { care } from '../../behaviors/care';
import { shell } from '../../behaviors/page-shell';
import { tabPage, type TabView } from '../../behaviors/tab-page';
import type { HomeData as HomeScreen } from '../../services/home';
import { homeCard, type BoardHomeCard } from '../../utils/board-home';
import { homeFirst, homeView, type HomeView } from '../../utils/home-view';

interface HomeData {
  me: MeResult | null;
  view: HomeView | null;
  /** What is new (letters, notices, chronicle); null outside a village. */
  news: BoardHomeCard['news'];
}

const initial: HomeData = { me: null, view: null, news: [] };

function show({ me, board }: HomeScreen): TabView<HomeData> {
  const view = homeView(me, board, homeFirst());
  return { data: { me, view, news: board ? homeCard(board).news : [] }, waiting: view.waitingTotal };
}

Component({
  behaviors: [care, shell, tabPage('home', show)],
  data: initial,
});
