// 首页: what this person came for, on the first screen — the household's points, what waits for them
// (badges), the tasks they do most — then what is new in the village. Refreshes on show and pull-down.
import type { MeResult } from '../../../typings/index';
import { care } from '../../behaviors/care';
import { shell } from '../../behaviors/page-shell';
import { getHomeData } from '../../services/home';
import { homeCard, type BoardHomeCard } from '../../utils/board-home';
import { homeFirst, homeView, type HomeView } from '../../utils/home-view';
import { markTab } from '../../utils/tabs';

interface HomeData {
  me: MeResult | null;
  view: HomeView | null;
  /** What is new (letters, notices, chronicle); null outside a village. */
  news: BoardHomeCard['news'];
}

const initial: HomeData = { me: null, view: null, news: [] };

Component({
  behaviors: [care, shell],
  data: initial,
  methods: {
    async load() {
      const { me, board } = await getHomeData();
      const view = homeView(me, board, homeFirst());
      this.setData({ me, view, news: board ? homeCard(board).news : [] });
      markTab(this, 'home', view.waitingTotal);
    },
  },
});
