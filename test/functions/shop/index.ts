// A test-only cloud function that sells one unit of stock the way app code would: read the stock
// inside a transaction, refuse when none is left, else write the new stock and an order; retry
// when the transaction conflicts with another buyer's (wx-server-sdk does not retry by itself).
import cloud from 'wx-server-sdk';
import { add, getDoc, isSdkError, num, runTransaction, settled } from '../../support/sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

interface BuyEvent {
  stock: string;
  orders: string;
  item: string;
}

const SOLD_OUT = 'sold out';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function isConflict(e: unknown): boolean {
  return isSdkError(e) && /conflict/i.test(e.errMsg);
}

export async function main(event: BuyEvent): Promise<{ outcome: string; attempts: number }> {
  const db = cloud.database();
  const buyer = cloud.getWXContext().OPENID ?? '';
  for (let attempt = 1; attempt <= 200; attempt++) {
    try {
      const outcome = await runTransaction(db, async (t) => {
        const item = t.collection(event.stock).doc(event.item);
        const stock = num(await getDoc(item), 'stock');
        if (stock <= 0) {
          await t.rollback(SOLD_OUT);
          return SOLD_OUT;
        }
        await settled(item.update({ data: { stock: stock - 1 } }));
        await add(t.collection(event.orders), { item: event.item, buyer, stockSeen: stock });
        return 'bought';
      });
      return { outcome, attempts: attempt };
    } catch (e) {
      if (e === SOLD_OUT) return { outcome: SOLD_OUT, attempts: attempt };
      if (!isConflict(e)) throw e;
      await sleep(2 + Math.random() * 15);
    }
  }
  throw new Error('gave up after 200 conflicting attempts');
}
