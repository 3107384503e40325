// The village home data (board.home) as the tab pages show it: what is new, my household's points
// and what waits, each with where to go. Pure: the pages get the data from services/home.ts.
import type { HomeResult, HomeWaiting } from '../../typings/index';
import { dayText, whenText } from './board-format';
import { pageUrl } from './board-share';

export interface HomeLink {
  id: string;
  text: string;
  url: string;
}

export interface BoardHomeCard {
  news: (HomeLink & { tag: string; when: string })[];
  household: { label: string; earned: number; available: number; pending: number } | null;
  waiting: (HomeLink & { count: number })[];
  entries: HomeLink[];
}

const WAITING: { key: keyof HomeWaiting; text: string; url: string }[] = [
  { key: 'reviews', text: '积分记录待审核', url: '/packages/points/review/review' },
  { key: 'mattersNearDeadline', text: '村民说事临近或超过答复期限', url: '/packages/matters/queue/queue' },
  { key: 'objections', text: '积分公示异议待处理', url: '/packages/notice/list/list' },
  { key: 'heldComments', text: '公开信留言待审核', url: pageUrl('letters/letters', {}) },
  { key: 'financeToSignOff', text: '财务公开待您审核签字', url: pageUrl('board/board', { tab: 'finance' }) },
  { key: 'financeToPublish', text: '财务公开已审核待发布', url: pageUrl('board/board', { tab: 'finance' }) },
];

type News = BoardHomeCard['news'][number];

/** One line of what is new: `page` is the board page that opens it (a letter or an item), in its village. */
function newsLine(page: string, villageId: string, x: { id: string; title: string }, tag: string, when: string): News {
  return { id: `news-${x.id}`, tag, text: x.title, when, url: pageUrl(page, { id: x.id, villageId }) };
}

export function homeCard(home: HomeResult): BoardHomeCard {
  const v = home.village.id;
  const news = [
    ...home.letters.map((l) => newsLine('letter/letter', v, l, '公开信', whenText(l.publishedAt))),
    ...home.items.map((i) => newsLine('item/item', v, i, i.kindName, whenText(i.publishedAt))),
    ...home.chronicle.map((i) => newsLine('item/item', v, i, '大事记', dayText(i.eventDate))),
  ];
  const w = home.waiting;
  const waiting = w
    ? WAITING.flatMap((x) => {
        const count = w[x.key];
        return count === null ? [] : [{ id: `waiting-${x.key}`, text: x.text, url: x.url, count }];
      })
    : [];
  return {
    news,
    household: home.household
      ? { label: home.household.label, earned: home.household.earned, available: home.household.available, pending: home.household.pending }
      : null,
    waiting,
    entries: [
      { id: 'entry-letters', text: '书记公开信', url: pageUrl('letters/letters', {}) },
      { id: 'entry-board', text: '村务公开栏', url: pageUrl('board/board', {}) },
    ],
  };
}
