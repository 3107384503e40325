// What the tab pages (首页, 办事, 公开, 我的) need, as one cloud call: who I am and the village home
// data (my household's points, what waits for me, what is new) — account.home.
import type { HomeScreen } from '../../typings/index';
import { getHomeScreen } from './account';

export type HomeData = HomeScreen;

export function getHomeData(): Promise<HomeData> {
  return getHomeScreen();
}
