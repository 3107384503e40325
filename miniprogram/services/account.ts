import type { HomeScreen, MeResult } from '../../typings/index';
import { call } from './cloud';

export function getMe(): Promise<MeResult> {
  return call('account', 'me', {});
}

/** 首页's one call: who I am and my village's home data. */
export function getHomeScreen(): Promise<HomeScreen> {
  return call('account', 'home', {});
}
