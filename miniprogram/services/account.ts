import type { MeResult } from '../../typings/index';
import { call } from './cloud';

export function getMe(): Promise<MeResult> {
  return call('account', 'me', {});
}
