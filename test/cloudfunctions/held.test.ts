// Content checks fail closed for what others will read: a letter, a board item or goods whose text
// the check does not pass (here: a word of the local cloud's risky list) is held, not refused and
// never published: saved, unseen by villagers, shown to the cadres with why, until a cadre who did
// not write it releases or withdraws it (the check's outage: content-check.test.ts).
import { key, itemDraft, letterDraft, goodsDraft } from './drafts';
import { demoCloudPerFile } from './support';

const RISKY = { reason: 'risky', reasonText: '内容安全检查认为含有可能不适宜公开的信息' };

const demo = demoCloudPerFile();

async function heldLetter(): Promise<string> {
  const saved = await demo.api.ok('demo-secretary', 'board', 'saveLetter', letterDraft('致乡亲们', '有人上门说能代开发票，大家不要信。'));
  expect(saved).toMatchObject({ status: 'held', hold: RISKY, publishedAt: null, can: { release: false, withdraw: true } });
  return saved.id;
}

describe('a letter', () => {
  test('is held on risky text: villagers never see it; the secretary who wrote it cannot release it; another cadre does', async () => {
    const id = await heldLetter();
    expect((await demo.api.ok('demo-villager', 'board', 'letters', {})).letters.map((l) => l.id)).not.toContain(id);
    expect((await demo.api.refused('demo-villager', 'board', 'letter', { id })).code).toBe('COMMON.NOT_FOUND');
    // The cadres see it among the unpublished letters, with why.
    const listed = (await demo.api.ok('demo-cadre-1', 'board', 'letters', {})).drafts.find((l) => l.id === id);
    expect(listed).toMatchObject({ status: 'held', hold: RISKY });
    expect((await demo.api.ok('demo-cadre-1', 'board', 'letter', { id })).can).toMatchObject({
      release: true,
      withdraw: true,
      edit: false,
    });

    expect((await demo.api.refused('demo-secretary', 'board', 'decideLetter', { id, decision: 'release' })).code).toBe(
      'AUTH.OWN_HOUSEHOLD',
    );
    expect((await demo.api.refused('demo-villager', 'board', 'decideLetter', { id, decision: 'release' })).code).toBe('AUTH.FORBIDDEN');
    expect((await demo.api.refused('demo-villager', 'board', 'decideLetter', { id, decision: 'withdraw' })).code).toBe('AUTH.FORBIDDEN');
    expect((await demo.api.refused('demo-villager', 'board', 'letter', { id })).code).toBe('COMMON.NOT_FOUND');

    const released = await demo.api.ok('demo-cadre-1', 'board', 'decideLetter', { id, decision: 'release' });
    expect(released).toMatchObject({ status: 'published', hold: null });
    expect((await demo.api.ok('demo-villager', 'board', 'letters', {})).letters.map((l) => l.id)).toContain(id);
    expect((await demo.api.ok('demo-villager', 'board', 'letter', { id })).title).toBe('致乡亲们');
    // Decided once: a second cadre's tap finds it decided.
    expect((await demo.api.refused('demo-cadre-2', 'board', 'decideLetter', { id, decision: 'withdraw' })).code).toBe('BOARD.WRONG_STATE');
  });

  test('withdrawn by a cadre goes back to the secretary as a draft, and publishing it unchanged holds it again', async () => {
    const id = await heldLetter();
    expect(await demo.api.ok('demo-cadre-2', 'board', 'decideLetter', { id, decision: 'withdraw' })).toMatchObject({ status: 'draft' });
    expect((await demo.api.refused('demo-villager', 'board', 'letter', { id })).code).toBe('COMMON.NOT_FOUND');
    const again = await demo.api.ok('demo-secretary', 'board', 'saveLetter', {
      clientKey: key(),
      id,
      title: '致乡亲们',
      body: '有人上门说能代开发票，大家不要信。',
      pictures: [],
      publish: true,
    });
    expect(again).toMatchObject({ status: 'held', hold: RISKY });
    // Its author may take it back too, and can edit it only once it is a draft again.
    const edit = { clientKey: key(), id, title: '致乡亲们', body: '年底前修好村口的路。', pictures: [], publish: true };
    expect((await demo.api.refused('demo-secretary', 'board', 'saveLetter', edit)).code).toBe('BOARD.WRONG_STATE');
    expect(await demo.api.ok('demo-secretary', 'board', 'decideLetter', { id, decision: 'withdraw' })).toMatchObject({ status: 'draft' });
    expect(await demo.api.ok('demo-secretary', 'board', 'saveLetter', edit)).toMatchObject({ status: 'published', hold: null });
  });
});

describe('a board item', () => {
  test('is held on risky text, unseen by villagers and unannounced, until a cadre who did not write it releases it', async () => {
    const saved = await demo.api.ok(
      'demo-cadre-1',
      'board',
      'saveItem',
      itemDraft('notice', '关于办证的通知', '周六上午在村委会集中办理。'),
    );
    expect(saved).toMatchObject({ status: 'held', hold: RISKY, can: { release: false, withdraw: true, publish: false } });
    const id = saved.id;
    expect((await demo.api.ok('demo-villager', 'board', 'items', { kind: 'notice' })).items.map((i) => i.id)).not.toContain(id);
    expect((await demo.api.refused('demo-villager', 'board', 'item', { id })).code).toBe('COMMON.NOT_FOUND');
    expect((await demo.api.ok('demo-cadre-2', 'board', 'items', { kind: 'notice' })).drafts.find((i) => i.id === id)).toMatchObject({
      status: 'held',
      hold: RISKY,
    });
    // Publishing it by the other way in changes nothing: it waits for a decision.
    expect((await demo.api.refused('demo-cadre-2', 'board', 'publishItem', { id })).code).toBe('BOARD.WRONG_STATE');
    expect((await demo.api.refused('demo-cadre-1', 'board', 'decideItem', { id, decision: 'release' })).code).toBe('AUTH.OWN_HOUSEHOLD');
    expect((await demo.api.refused('demo-head', 'board', 'decideItem', { id, decision: 'release' })).code).toBe('AUTH.FORBIDDEN');

    expect(await demo.api.ok('demo-cadre-2', 'board', 'decideItem', { id, decision: 'release' })).toMatchObject({
      status: 'published',
      hold: null,
    });
    expect((await demo.api.ok('demo-villager', 'board', 'items', { kind: 'notice' })).items.map((i) => i.id)).toContain(id);
  });

  test('a draft whose text is held is held again when published, not published unchecked', async () => {
    const draft = await demo.api.ok(
      'demo-cadre-1',
      'board',
      'saveItem',
      itemDraft('village', '村务公开', '严厉打击赌博。', { publish: false }),
    );
    expect(draft).toMatchObject({ status: 'draft', hold: RISKY });
    expect(await demo.api.ok('demo-cadre-1', 'board', 'publishItem', { id: draft.id })).toMatchObject({ status: 'held' });
    expect((await demo.api.refused('demo-villager', 'board', 'item', { id: draft.id })).code).toBe('COMMON.NOT_FOUND');
  });
});

describe('goods', () => {
  test('named riskily are held off the shelf for villagers until another cadre releases them', async () => {
    const goods = await demo.api.ok('demo-cadre-1', 'shop', 'saveGoods', goodsDraft('麻将（不许赌博）', { stock: 10 }));
    expect(goods).toMatchObject({ onShelf: true, hold: RISKY, canRelease: false });
    expect((await demo.api.ok('demo-head', 'shop', 'browse', {})).goods.map((g) => g.id)).not.toContain(goods.id);
    expect((await demo.api.refused('demo-head', 'shop', 'redeem', { clientKey: key(), goodsId: goods.id, qty: 1 })).code).toBe(
      'SHOP.OFF_SHELF',
    );
    expect((await demo.api.ok('demo-cadre-2', 'shop', 'browse', {})).goods.find((g) => g.id === goods.id)).toMatchObject({
      hold: RISKY,
      canRelease: true,
    });
    expect((await demo.api.refused('demo-cadre-1', 'shop', 'decideGoods', { id: goods.id, decision: 'release' })).code).toBe(
      'AUTH.OWN_HOUSEHOLD',
    );
    expect((await demo.api.refused('demo-head', 'shop', 'decideGoods', { id: goods.id, decision: 'release' })).code).toBe('AUTH.FORBIDDEN');

    expect(await demo.api.ok('demo-cadre-2', 'shop', 'decideGoods', { id: goods.id, decision: 'release' })).toMatchObject({ hold: null });
    expect((await demo.api.ok('demo-head', 'shop', 'browse', {})).goods.map((g) => g.id)).toContain(goods.id);
    // A restock of goods whose name passed is not checked again.
    const restocked = await demo.api.ok('demo-cadre-1', 'shop', 'saveGoods', goodsDraft('麻将（不许赌博）', { id: goods.id, addStock: 5 }));
    expect(restocked).toMatchObject({ stock: 15, hold: null });
  });

  test('withdrawn held goods go off the shelf', async () => {
    const goods = await demo.api.ok('demo-cadre-1', 'shop', 'saveGoods', goodsDraft('办证服务', { stock: 1 }));
    expect(await demo.api.ok('demo-secretary', 'shop', 'decideGoods', { id: goods.id, decision: 'withdraw' })).toMatchObject({
      onShelf: false,
      hold: RISKY,
    });
    expect((await demo.api.ok('demo-head', 'shop', 'browse', {})).goods.map((g) => g.id)).not.toContain(goods.id);
  });
});
