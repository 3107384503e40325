// Share cards of the board's public pages: each opens the same page with its village (?villageId=),
// so someone not in the village reads it in public mode, and a member lands on it as usual.
export const BOARD_ROOT = '/packages/board';

/** Where someone not yet in the village goes to join (with the invite code a household or cadre gives them). */
export const JOIN_URL = '/packages/village/join/join';
/** The 红黑榜 of the monthly notice (another package). */
export const BOARDS_URL = '/packages/notice/boards/boards';

/** "a=1&b=2" of the defined, non-empty values. */
export function queryOf(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

export function pageUrl(page: string, params: Record<string, string | undefined>): string {
  const q = queryOf(params);
  return `${BOARD_ROOT}/${page}${q ? `?${q}` : ''}`;
}

export function shareCard(
  title: string,
  page: string,
  params: Record<string, string | undefined>,
): WechatMiniprogram.Page.ICustomShareContent {
  return { title, path: pageUrl(page, params) };
}

export function timelineCard(title: string, params: Record<string, string | undefined>): WechatMiniprogram.Page.ICustomTimelineContent {
  return { title, query: queryOf(params) };
}

/** A query value WeChat passed to onLoad (decoded), or ''. */
export function param(query: Record<string, string | undefined>, key: string): string {
  const v = query[key];
  if (typeof v !== 'string' || !v) return '';
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Takes someone not in the village to where they can join it. */
export function goJoin(villageId: string): void {
  wx.navigateTo({ url: `${JOIN_URL}?${queryOf({ villageId })}` });
}
