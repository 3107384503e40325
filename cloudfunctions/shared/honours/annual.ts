// 一年一评优 as plain functions. The rule we chose: a household is a 文明家庭 of the year when its
// earned points of the year (settled and bonus) are positive and its competition rank in the village
// is within the top ceil(10% × households of the village): ties at the boundary are all 文明家庭.
import { ceilPercent } from './ranking';

export const CIVILIZED_PERCENT = 10;
export const CIVILIZED_NAME = '文明家庭';

export function civilizedPlaces(households: number): number {
  return ceilPercent(households, CIVILIZED_PERCENT);
}

export function isCivilized(rank: number, earned: number, households: number): boolean {
  return earned > 0 && rank <= civilizedPlaces(households);
}
