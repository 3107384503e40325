// The map of every cloud function and action: request and response types, shared by the
// mini-program's service layer and the functions' routers.
import type { AccountApi } from './account';
import type { PointsApi } from './points';
import type { NoticeApi } from './notice';
import type { VillageApi } from './village';
import type { ShopApi } from './shop';
import type { MattersApi } from './matters';
import type { HonoursApi } from './honours';
import type { BoardApi } from './board';

export interface Api {
  account: AccountApi;
  points: PointsApi;
  notice: NoticeApi;
  village: VillageApi;
  shop: ShopApi;
  matters: MattersApi;
  honours: HonoursApi;
  board: BoardApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A];
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A> extends { req: infer R } ? R : never;
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A> extends { res: infer R } ? R : never;
