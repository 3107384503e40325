// The board function through the real path: the built function on a local cloud with the demo
// village, called as each role (and as people of no village, in public mode). Every refusal is
// checked to change nothing; the town view is checked against figures computed here, independently,
// from what the store holds.
import type { ActionName, RequestOf } from '../../typings';
import { C } from '../../cloudfunctions/shared/collections';
import type { Matter } from '../../cloudfunctions/shared/matters/model';
import { householdSchema } from '../../cloudfunctions/shared/village/model';
import { pointRecordSchema } from '../../cloudfunctions/shared/points/model';
import { count, getAll, num, settled, str, type Doc } from '../support/sdk';
import { commentDraft, itemDraft, key, letterDraft } from './drafts';
import { demoCloudPerFile } from './support';
import { matterFixture } from './matter-fixture';
import { readOutbox, type OutboxEntry } from '../support/outbox';

const chinaDay = (at: Date = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
const VILLAGE = 'village-hemei';
const NOTICE_TPL = 'TPL_BOARD_NOTICE';
const REPLY_TPL = 'TPL_BOARD_REPLY';

/** Requests per action, as the local cloud counted them (printed at the end for the README). */
const costs = new Map<string, number>();

async function measured<A extends ActionName<'board'>>(
  label: string,
  openid: string,
  fn: 'board',
  action: A,
  payload: RequestOf<'board', A>,
) {
  const reply = await demo.api.call(openid, fn, action, payload);
  costs.set(label, Math.max(costs.get(label) ?? 0, reply.dbRequests));
  if (!reply.envelope.ok) throw new Error(`${action} as ${openid} refused: ${reply.envelope.error.code} ${reply.envelope.error.message}`);
  return reply.envelope.data;
}

const demo = demoCloudPerFile();
afterAll(async () => {
  console.log(`database requests per action:\n${[...costs].map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
});

/** Every document matching `where`, page by page. */
async function all(coll: string, where: Record<string, unknown> = {}): Promise<Doc[]> {
  const out: Doc[] = [];
  for (;;) {
    const page = await getAll(demo.db.collection(coll).where(where).skip(out.length).limit(1000));
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

const outbox = (): Promise<OutboxEntry[]> => readOutbox(demo.cloud);

const messages = async (templateId: string): Promise<OutboxEntry[]> =>
  (await outbox()).filter((e) => e.kind === 'subscribeMessage' && e.templateId === templateId);

const BOARD_COLLECTIONS = [C.boardLetters, C.boardReads, C.boardLikes, C.boardComments, C.boardItems, C.boardSubscriptions];

/** Everything the board writes, as a fingerprint to compare before and after refusals. */
async function snapshot(): Promise<string> {
  const parts = await Promise.all(BOARD_COLLECTIONS.map(async (c) => JSON.stringify(await all(c))));
  const sent = (await outbox()).filter((e) => e.kind === 'subscribeMessage').length;
  return `${parts.join('\n')}\nsent:${sent}`;
}

async function letterDoc(id: string): Promise<Doc> {
  const [doc] = await getAll(demo.db.collection(C.boardLetters).where({ _id: id }));
  if (!doc) throw new Error(`no letter ${id}`);
  return doc;
}

async function publishLetter(title: string): Promise<string> {
  const letter = await measured('saveLetter (publish)', 'demo-secretary', 'board', 'saveLetter', {
    clientKey: key(),
    title,
    body: '乡亲们：今年村里修通了环村路，感谢大家出工出力。',
    pictures: ['cloud://local-dev.local-bucket/letters/road.jpg'],
    publish: true,
  });
  expect(letter.status).toBe('published');
  return letter.id;
}

describe('书记公开信', () => {
  let letterId = '';

  test('publish → read → comment → reply: the commenter is told, if they agreed', async () => {
    letterId = await publishLetter('致全村乡亲的一封信');
    // The villager agrees to hear of replies (as the page does before commenting).
    const templates = await demo.api.ok('demo-villager', 'board', 'subscribeTemplates', {});
    expect(templates.templates.map((t) => t.id)).toEqual([NOTICE_TPL, REPLY_TPL]);
    expect(
      (await measured('subscribed', 'demo-villager', 'board', 'subscribed', { accepted: [REPLY_TPL, 'TPL_SOMETHING_ELSE'] })).grants,
    ).toEqual({ reply: 1 });

    const read = await measured('letter (first read)', 'demo-villager', 'board', 'letter', { id: letterId });
    expect(read.readHouseholds).toBe(1);
    expect(read.authorName).toMatch(/^村书记 \S+$/);
    expect(read.can).toMatchObject({ like: true, comment: true, reply: false, moderate: false, readers: false });

    const posted = await measured(
      'comment (visible)',
      'demo-villager',
      'board',
      'comment',
      commentDraft(letterId, '路修好了，老人出门方便多了，谢谢书记！'),
    );
    expect(posted.held).toBe(false);
    expect(posted.comment.status).toBe('visible');

    const seen = await demo.api.ok('demo-secretary', 'board', 'letter', { id: letterId });
    expect(seen.commentCount).toBe(1);
    const mine = seen.comments.find((c) => c.id === posted.comment.id);
    expect(mine?.authorName).not.toBe('村民');

    const replied = await measured('reply', 'demo-secretary', 'board', 'reply', {
      commentId: posted.comment.id,
      text: '应该的，下一步修路灯。',
    });
    expect(replied.reply?.text).toBe('应该的，下一步修路灯。');
    const told = await messages(REPLY_TPL);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ touser: 'demo-villager', page: `packages/board/letter/letter?id=${letterId}&villageId=${VILLAGE}` });
    // The grant is used up: a second reply is not sent.
    await demo.api.ok('demo-secretary', 'board', 'reply', { commentId: posted.comment.id, text: '路灯下月开工。' });
    expect(await messages(REPLY_TPL)).toHaveLength(1);
    const [sub] = await getAll(demo.db.collection(C.boardSubscriptions).where({ _id: 'demo-villager' }));
    expect(sub?.grants).toEqual({ reply: 0 });

    const again = await demo.api.ok('demo-villager', 'board', 'letter', { id: letterId });
    expect(again.comments[0]?.reply?.text).toBe('路灯下月开工。');
    expect(again.comments[0]?.reply?.byName).toMatch(/^村书记 \S+$/);
  });

  test('read counts are idempotent: per user once, per household once, concurrent opens too', async () => {
    const id = await publishLetter('关于秸秆禁烧的公开信');
    // demo-villager and demo-head live in different households; the secretary's household is a third.
    await Promise.all([1, 2, 3, 4].map(() => demo.api.ok('demo-villager', 'board', 'letter', { id })));
    const repeat = await demo.api.call('demo-villager', 'board', 'letter', { id });
    costs.set('letter (repeat read)', repeat.dbRequests);
    await demo.api.ok('demo-head', 'board', 'letter', { id });
    await demo.api.ok('demo-head', 'board', 'letter', { id });
    // Someone of no village reads in public mode: not counted.
    await demo.api.ok('o-outsider', 'board', 'letter', { id });
    const doc = await letterDoc(id);
    expect([num(doc, 'readUsers'), num(doc, 'readHouseholds')]).toEqual([2, 2]);
    const reads = await all(C.boardReads, { letterId: id });
    expect(
      reads
        .filter((r) => r.kind === 'household')
        .map((r) => r.householdId)
        .sort(),
    ).toEqual(['hh-021', 'hh-022']);
    expect(reads.filter((r) => r.kind === 'user')).toHaveLength(2);

    // A second member of an already counted household adds a reader, not a household.
    const spouse = (await all(C.members, { householdId: 'hh-021' })).find((m) => m.relation !== '户主');
    const hh = householdSchema.parse((await all(C.households, { _id: 'hh-021' }))[0]);
    if (spouse) {
      await settled(
        demo.db.collection(C.users).add({
          data: {
            _id: 'o-spouse',
            name: str(spouse, 'name'),
            roles: ['villager'],
            villageId: VILLAGE,
            townId: 'town-qingxi',
            householdId: hh._id,
            memberId: str(spouse, '_id'),
            status: 'active',
          },
        }),
      );
      await demo.api.ok('o-spouse', 'board', 'letter', { id });
      const after = await letterDoc(id);
      expect([num(after, 'readUsers'), num(after, 'readHouseholds')]).toEqual([3, 2]);
    }

    const readers = await measured('readers', 'demo-secretary', 'board', 'readers', { id });
    expect(readers.total).toBe(150);
    expect(readers.read.map((r) => r.householdId).sort()).toEqual(['hh-021', 'hh-022']);
    expect(readers.unread).toHaveLength(148);
    expect(readers.read[0]?.label).toMatch(/^\d+组\d+号 \S+$/);
    expect((await demo.api.refused('demo-villager', 'board', 'readers', { id })).code).toBe('AUTH.FORBIDDEN');
  });

  test('likes: an idempotent toggle per user', async () => {
    const likes = async (): Promise<number> => num(await letterDoc(letterId), 'likes');
    const before = await likes();
    await Promise.all([1, 2, 3].map(() => demo.api.ok('demo-head', 'board', 'like', { id: letterId, liked: true })));
    const liked = await measured('like', 'demo-head', 'board', 'like', { id: letterId, liked: true });
    expect(liked).toEqual({ liked: true, likes: before + 1 });
    expect(await likes()).toBe(before + 1);
    expect((await demo.api.ok('demo-head', 'board', 'letter', { id: letterId })).liked).toBe(true);
    await demo.api.ok('demo-head', 'board', 'like', { id: letterId, liked: false });
    await demo.api.ok('demo-head', 'board', 'like', { id: letterId, liked: false });
    expect(await likes()).toBe(before);
    expect((await demo.api.refused('o-outsider', 'board', 'like', { id: letterId, liked: true })).code).toBe('AUTH.NOT_JOINED');
  });

  test('a risky comment is held: only its author and the secretary see it, until approved', async () => {
    const count0 = num(await letterDoc(letterId), 'commentCount');
    const held = await measured('comment (held)', 'demo-head', 'board', 'comment', commentDraft(letterId, '村口有人聚众赌博，没人管'));
    expect(held.held).toBe(true);
    expect(held.comment.statusText).toContain('待审核');
    expect(num(await letterDoc(letterId), 'commentCount')).toBe(count0);
    const checked = (await outbox()).filter((e) => e.kind === 'msgSecCheck' && e.content === '村口有人聚众赌博，没人管');
    expect(checked).toHaveLength(1);

    const ids = (d: { comments: { id: string }[] }): string[] => d.comments.map((c) => c.id);
    expect(ids(await demo.api.ok('demo-villager', 'board', 'letter', { id: letterId }))).not.toContain(held.comment.id);
    expect(ids(await demo.api.ok('o-outsider', 'board', 'letter', { id: letterId }))).not.toContain(held.comment.id);
    expect(ids(await demo.api.ok('demo-cadre-1', 'board', 'letter', { id: letterId }))).not.toContain(held.comment.id);
    expect(ids(await demo.api.ok('demo-head', 'board', 'letter', { id: letterId }))).toContain(held.comment.id);
    const secretary = await demo.api.ok('demo-secretary', 'board', 'letter', { id: letterId });
    expect(secretary.held.map((c) => c.id)).toEqual([held.comment.id]);
    expect((await demo.api.ok('demo-secretary', 'board', 'home', {})).waiting?.heldComments).toBe(1);

    // Only the secretary moderates; a rejection needs a reason; a double approve decides once.
    expect((await demo.api.refused('demo-cadre-1', 'board', 'moderate', { commentId: held.comment.id, decision: 'approve' })).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect((await demo.api.refused('demo-secretary', 'board', 'reply', { commentId: held.comment.id, text: '收到' })).code).toBe(
      'BOARD.WRONG_STATE',
    );
    const approved = await measured('moderate', 'demo-secretary', 'board', 'moderate', { commentId: held.comment.id, decision: 'approve' });
    expect(approved.status).toBe('visible');
    expect((await demo.api.refused('demo-secretary', 'board', 'moderate', { commentId: held.comment.id, decision: 'approve' })).code).toBe(
      'BOARD.WRONG_STATE',
    );
    expect(num(await letterDoc(letterId), 'commentCount')).toBe(count0 + 1);
    expect(ids(await demo.api.ok('o-outsider', 'board', 'letter', { id: letterId }))).toContain(held.comment.id);

    // Another held comment, rejected with a reason its author sees.
    const second = await demo.api.ok('demo-head', 'board', 'comment', commentDraft(letterId, '有人在搞诈骗电话'));
    expect(second.held).toBe(true);
    expect((await demo.api.refused('demo-secretary', 'board', 'moderate', { commentId: second.comment.id, decision: 'reject' })).code).toBe(
      'COMMON.INVALID_INPUT',
    );
    await demo.api.ok('demo-secretary', 'board', 'moderate', {
      commentId: second.comment.id,
      decision: 'reject',
      reason: '请通过村民说事反映',
    });
    const author = (await demo.api.ok('demo-head', 'board', 'letter', { id: letterId })).comments.find((c) => c.id === second.comment.id);
    expect(author).toMatchObject({ status: 'rejected', reason: '请通过村民说事反映' });
    expect(num(await letterDoc(letterId), 'commentCount')).toBe(count0 + 1);
  });

  test('a retried comment posts once', async () => {
    const payload = { clientKey: key(), letterId, text: '支持！' };
    const before = await count(demo.db.collection(C.boardComments).where({ letterId }));
    const [a, b] = await Promise.all([
      demo.api.ok('demo-cadre-2', 'board', 'comment', payload),
      demo.api.ok('demo-cadre-2', 'board', 'comment', payload),
    ]);
    expect(a.comment.id).toBe(b.comment.id);
    expect(await count(demo.db.collection(C.boardComments).where({ letterId }))).toBe(before + 1);
  });

  test('public mode: someone of no village reads published letters by the village id, without names or drafts', async () => {
    const draft = await demo.api.ok('demo-secretary', 'board', 'saveLetter', letterDraft('草稿：明年计划', '还在写', { publish: false }));
    expect(draft.status).toBe('draft');
    const list = await measured('letters (public)', 'o-outsider', 'board', 'letters', { villageId: VILLAGE });
    expect(list.viewer.member).toBe(false);
    expect(list.village.name).toBe('和美村');
    expect(list.letters.map((l) => l.id)).toContain(letterId);
    expect(list.letters.map((l) => l.id)).not.toContain(draft.id);
    expect(list.drafts).toEqual([]);
    expect(list.letters.every((l) => l.authorName === '村书记')).toBe(true);
    const detail = await demo.api.ok('o-outsider', 'board', 'letter', { id: letterId });
    expect(detail.comments.length).toBeGreaterThan(0);
    expect(detail.comments.every((c) => c.authorName === '村民')).toBe(true);
    expect(detail.can).toEqual({
      like: false,
      comment: false,
      reply: false,
      moderate: false,
      edit: false,
      readers: false,
      release: false,
      withdraw: false,
    });
    expect((await demo.api.refused('o-outsider', 'board', 'letter', { id: draft.id })).code).toBe('COMMON.NOT_FOUND');
    expect((await demo.api.refused('demo-villager', 'board', 'letter', { id: draft.id })).code).toBe('COMMON.NOT_FOUND');
    expect((await demo.api.refused('o-outsider', 'board', 'comment', commentDraft(letterId, '你好'))).code).toBe('AUTH.NOT_JOINED');
    // Without a village id, someone of no village has nothing to read.
    expect((await demo.api.refused('o-outsider', 'board', 'letters', {})).code).toBe('AUTH.NOT_JOINED');
    // Members see the secretary's drafts only as the secretary.
    expect((await demo.api.ok('demo-secretary', 'board', 'letters', {})).drafts.map((d) => d.id)).toContain(draft.id);
    expect((await demo.api.ok('demo-villager', 'board', 'letters', {})).drafts).toEqual([]);
    // The draft is published later, as it was edited.
    const published = await demo.api.ok(
      'demo-secretary',
      'board',
      'saveLetter',
      letterDraft('明年计划', '修路灯、建文化广场。', { id: draft.id }),
    );
    expect(published).toMatchObject({ id: draft.id, status: 'published', title: '明年计划' });
    expect((await demo.api.refused('demo-secretary', 'board', 'saveLetter', letterDraft('改', '改', { id: draft.id }))).code).toBe(
      'BOARD.PUBLISHED',
    );
  });
});

describe('the notice board', () => {
  const pdf = { fileId: 'cloud://local-dev.local-bucket/board/2026-10.pdf', name: '10月收支明细.pdf', type: 'pdf' as const };

  test('finance is refused until the supervisor signs it off; an edit voids the sign-off', async () => {
    const before = await snapshot();
    const unsigned = await demo.api.refused(
      'demo-cadre-1',
      'board',
      'saveItem',
      itemDraft('finance', '10月财务公开', '收入12万元，支出8万元。', { attachments: [pdf] }),
    );
    expect(unsigned.code).toBe('BOARD.NOT_SIGNED_OFF');
    expect(unsigned.message).toBe('财务公开须经村务监督委员会审核签字后才能发布');
    expect(await snapshot()).toBe(before);

    const draft = await measured(
      'saveItem (draft)',
      'demo-cadre-1',
      'board',
      'saveItem',
      itemDraft('finance', '10月财务公开', '收入12万元，支出8万元。', { attachments: [pdf], publish: false }),
    );
    expect(draft).toMatchObject({ status: 'draft', signOff: null, can: { edit: true, signOff: false, publish: false } });
    expect((await demo.api.refused('demo-cadre-1', 'board', 'publishItem', { id: draft.id })).code).toBe('BOARD.NOT_SIGNED_OFF');
    expect((await demo.api.ok('demo-supervisor', 'board', 'home', {})).waiting?.financeToSignOff).toBe(1);

    // Only the supervisor signs, and only the version they read.
    expect((await demo.api.refused('demo-cadre-1', 'board', 'signOff', { id: draft.id, updatedAt: draft.updatedAt })).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect((await demo.api.refused('demo-villager', 'board', 'signOff', { id: draft.id, updatedAt: draft.updatedAt })).code).toBe(
      'COMMON.NOT_FOUND',
    );
    const seen = await demo.api.ok('demo-supervisor', 'board', 'item', { id: draft.id });
    expect(seen.can).toEqual({ edit: false, signOff: true, publish: false, release: false, withdraw: false });
    expect(
      (await demo.api.refused('demo-supervisor', 'board', 'signOff', { id: draft.id, updatedAt: '2020-01-01T00:00:00.000Z' })).code,
    ).toBe('BOARD.WRONG_STATE');
    const signed = await measured('signOff', 'demo-supervisor', 'board', 'signOff', {
      id: draft.id,
      updatedAt: seen.updatedAt,
      note: '已核对凭证',
    });
    expect(signed.signOff).toMatchObject({ note: '已核对凭证' });
    expect(signed.signOff?.byName).toMatch(/^村务监督委员 \S+$/);
    expect((await demo.api.refused('demo-supervisor', 'board', 'publishItem', { id: draft.id })).code).toBe('AUTH.FORBIDDEN');

    // A cadre changes the figures: the sign-off no longer covers it.
    const edited = await demo.api.ok(
      'demo-cadre-1',
      'board',
      'saveItem',
      itemDraft('finance', '10月财务公开', '收入12万元，支出9万元。', { id: draft.id, attachments: [pdf], publish: false }),
    );
    expect(edited.signOff).toBeNull();
    const beforePublish = await snapshot();
    expect((await demo.api.refused('demo-cadre-1', 'board', 'publishItem', { id: draft.id })).code).toBe('BOARD.NOT_SIGNED_OFF');
    expect(await snapshot()).toBe(beforePublish);

    const again = await demo.api.ok('demo-supervisor', 'board', 'item', { id: draft.id });
    await demo.api.ok('demo-supervisor', 'board', 'signOff', { id: draft.id, updatedAt: again.updatedAt });
    expect((await demo.api.ok('demo-cadre-2', 'board', 'home', {})).waiting?.financeToPublish).toBe(1);
    const published = await measured('publishItem', 'demo-cadre-2', 'board', 'publishItem', { id: draft.id });
    expect(published).toMatchObject({ status: 'published', kind: 'finance', kindName: '财务公开' });
    // Publishing twice is harmless.
    expect((await demo.api.ok('demo-cadre-2', 'board', 'publishItem', { id: draft.id })).publishedAt).toBe(published.publishedAt);

    const pub = await measured('items (public)', 'o-outsider', 'board', 'items', { villageId: VILLAGE, kind: 'finance' });
    expect(pub.items.map((i) => i.id)).toContain(draft.id);
    const item = await demo.api.ok('o-outsider', 'board', 'item', { id: draft.id });
    expect(item.attachments).toEqual([pdf]);
    expect(item.signOff?.byName).toBe('村务监督委员');
    expect(item.authorName).toBe('村委会');
  });

  test('党务 and 村务 publish at once; 大事记 needs a date', async () => {
    const party = await demo.api.ok('demo-cadre-1', 'board', 'saveItem', itemDraft('party', '发展党员公示', '拟发展张三为预备党员。'));
    expect(party.status).toBe('published');
    const before = await snapshot();
    expect((await demo.api.refused('demo-cadre-1', 'board', 'saveItem', itemDraft('chronicle', '环村路通车', ''))).code).toBe(
      'COMMON.INVALID_INPUT',
    );
    expect(
      (await demo.api.refused('demo-cadre-1', 'board', 'saveItem', itemDraft('chronicle', '环村路通车', '', { eventDate: '2099-01-01' })))
        .code,
    ).toBe('COMMON.INVALID_INPUT');
    expect(await snapshot()).toBe(before);
    const older = await demo.api.ok(
      'demo-cadre-1',
      'board',
      'saveItem',
      itemDraft('chronicle', '村史馆开馆', '', { eventDate: '2024-05-01' }),
    );
    const newer = await demo.api.ok(
      'demo-cadre-1',
      'board',
      'saveItem',
      itemDraft('chronicle', '环村路通车', '全长8公里。', { eventDate: chinaDay() }),
    );
    const chronicle = await demo.api.ok('demo-villager', 'board', 'items', { kind: 'chronicle' });
    expect(chronicle.items.map((i) => i.id).slice(0, 2)).toEqual([newer.id, older.id]);
    expect(chronicle.drafts).toEqual([]);
  });

  test('a 通知 goes by subscribe message to those who agreed, once', async () => {
    await demo.api.ok('demo-head', 'board', 'subscribed', { accepted: [NOTICE_TPL] });
    await demo.api.ok('demo-grid-1', 'board', 'subscribed', { accepted: [NOTICE_TPL, REPLY_TPL] });
    const sentBefore = (await messages(NOTICE_TPL)).length;
    const notice = await measured(
      'saveItem (notice, publish)',
      'demo-cadre-3',
      'board',
      'saveItem',
      itemDraft('notice', '明天上午9点村委会召开村民代表大会', '请各户派一名代表参加。'),
    );
    const sent = (await messages(NOTICE_TPL)).slice(sentBefore);
    expect(sent.map((m) => m.touser).sort()).toEqual(['demo-grid-1', 'demo-head']);
    expect(sent[0]?.page).toBe(`packages/board/item/item?id=${notice.id}&villageId=${VILLAGE}`);
    const stored = (await all(C.boardItems, { _id: notice.id }))[0];
    expect(stored?.pushed).toBe(2);
    // Their grants are used: the next notice reaches nobody.
    await demo.api.ok('demo-cadre-3', 'board', 'saveItem', itemDraft('notice', '停水通知', '周六停水。'));
    expect((await messages(NOTICE_TPL)).length).toBe(sentBefore + 2);
    const subs = await all(C.boardSubscriptions, { _id: 'demo-grid-1' });
    expect(subs[0]?.grants).toEqual({ notice: 0, reply: 1 });
  });
});

describe('bad input changes nothing', () => {
  test('refusals answer a stable code and a Chinese message, and the store is as it was', async () => {
    const letters = await demo.api.ok('demo-villager', 'board', 'letters', {});
    const letterId = letters.letters.find((l) => l.commentCount > 0)?.id ?? '';
    expect(letterId).not.toBe('');
    const before = await snapshot();
    const cases: [string, () => Promise<{ code: string; message: string }>, string][] = [
      [
        'villager writes a letter',
        () => demo.api.refused('demo-villager', 'board', 'saveLetter', letterDraft('我也写', '内容')),
        'AUTH.FORBIDDEN',
      ],
      [
        'risky reply',
        async () => {
          const c = (await demo.api.ok('demo-secretary', 'board', 'letter', { id: letterId })).comments.find((x) => x.status === 'visible');
          return demo.api.refused('demo-secretary', 'board', 'reply', { commentId: c?.id ?? '', text: '办证找我' });
        },
        'COMMON.INVALID_INPUT',
      ],
      [
        'villager posts a notice',
        () => demo.api.refused('demo-villager', 'board', 'saveItem', itemDraft('notice', '通知', '内容')),
        'AUTH.FORBIDDEN',
      ],
      [
        'outsider posts a notice',
        () => demo.api.refused('o-outsider', 'board', 'saveItem', itemDraft('notice', '通知', '内容')),
        'AUTH.NOT_JOINED',
      ],
      ['unknown letter', () => demo.api.refused('demo-villager', 'board', 'comment', commentDraft('L-nope', '你好')), 'COMMON.NOT_FOUND'],
      ['unknown village', () => demo.api.refused('o-outsider', 'board', 'letters', { villageId: 'village-nope' }), 'COMMON.NOT_FOUND'],
      [
        'town view as a cadre',
        () => demo.api.refused('demo-cadre-1', 'board', 'town', { from: '2026-01', to: '2026-03' }),
        'AUTH.FORBIDDEN',
      ],
      [
        'town view, 13 months',
        () => demo.api.refused('demo-town', 'board', 'town', { from: '2025-01', to: '2026-01' }),
        'COMMON.INVALID_INPUT',
      ],
      [
        'reject without reason',
        async () => {
          const held = await demo.api.ok('demo-secretary', 'board', 'letter', { id: letterId });
          return demo.api.refused('demo-secretary', 'board', 'moderate', { commentId: held.comments[0]?.id ?? 'x', decision: 'reject' });
        },
        'BOARD.WRONG_STATE',
      ],
    ];
    for (const [what, run, code] of cases) {
      const error = await run();
      expect([what, error.code]).toEqual([what, code]);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // Malformed payloads never reach the rules.
    const malformed: unknown[] = [
      { action: 'saveLetter', payload: { clientKey: key(), title: '', body: '内容', pictures: [], publish: true } },
      { action: 'saveLetter', payload: { clientKey: key(), title: '标题', body: '内容', pictures: ['http://evil/x.jpg'], publish: true } },
      {
        action: 'saveLetter',
        payload: {
          clientKey: key(),
          title: '标题',
          body: '内容',
          pictures: Array.from({ length: 10 }, (_, i) => `cloud://x/${i}.jpg`),
          publish: true,
        },
      },
      { action: 'comment', payload: { clientKey: key(), letterId, text: '   ' } },
      { action: 'comment', payload: { clientKey: key(), letterId, text: '长'.repeat(301) } },
      { action: 'saveItem', payload: { clientKey: key(), kind: 'gossip', title: 't', body: '', attachments: [], publish: true } },
      { action: 'like', payload: { id: letterId, liked: 'yes' } },
      { action: 'subscribed', payload: { accepted: 'TPL_BOARD_NOTICE' } },
      { action: 'town', payload: { from: '2026-1', to: '2026-03' } },
    ];
    for (const body of malformed) {
      const reply = await demo.cloud.call<{ ok: boolean; error?: { code: string } }>('board', body, 'demo-secretary');
      expect([body, reply.body.result?.error?.code]).toEqual([body, 'COMMON.INVALID_INPUT']);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('the village home', () => {
  test('what is new, my household, and what waits for whom: counts equal the store', async () => {
    const villager = await measured('home (villager)', 'demo-villager', 'board', 'home', {});
    expect(villager.waiting).toBeNull();
    expect(villager.letters.length).toBeGreaterThan(0);
    expect(villager.chronicle[0]?.kind).toBe('chronicle');
    expect(villager.items.every((i) => i.kind !== 'chronicle')).toBe(true);
    const [balance] = await getAll(demo.db.collection(C.balances).where({ _id: 'hh-022' }));
    expect(villager.household).toMatchObject({
      id: 'hh-022',
      earned: num(balance, 'earned'),
      available: num(balance, 'available'),
      pending: num(balance, 'pending'),
    });

    const secretary = await measured('home (secretary)', 'demo-secretary', 'board', 'home', {});
    const pending = await count(demo.db.collection(C.pointRecords).where({ villageId: VILLAGE, status: 'pending' }));
    expect(secretary.waiting?.reviews).toBe(pending);
    expect(secretary.waiting?.objections).toBe(await count(demo.db.collection(C.objections).where({ villageId: VILLAGE, status: 'open' })));
    expect(secretary.waiting?.heldComments).toBe(
      await count(demo.db.collection(C.boardComments).where({ villageId: VILLAGE, status: 'held' })),
    );
    expect(secretary.waiting?.financeToSignOff).toBeNull();

    // A cadre reviews at the cadre level only (the demo village: grid leader, then cadre).
    const cadre = await measured('home (cadre)', 'demo-cadre-1', 'board', 'home', {});
    expect(cadre.waiting?.reviews).toBe(
      await count(demo.db.collection(C.pointRecords).where({ villageId: VILLAGE, status: 'pending', level: 1 })),
    );
    expect(cadre.waiting?.heldComments).toBeNull();
    const leader = await demo.api.ok('demo-grid-1', 'board', 'home', {});
    expect(leader.waiting?.reviews).toBe(
      await count(demo.db.collection(C.pointRecords).where({ villageId: VILLAGE, status: 'pending', level: 0, gridId: 'grid-1' })),
    );
    expect(leader.waiting?.mattersNearDeadline).toBeNull();
    // Overdue matters (a part of those near their deadline) for cadres; open orders for the keeper.
    const overdue = (await getAll(demo.db.collection(C.matters).where({ villageId: VILLAGE, active: true }).limit(1000))).filter(
      (m) => ['held', 'open', 'assigned'].includes(String(m.status)) && m.dueAt instanceof Date && m.dueAt.getTime() < Date.now(),
    ).length;
    expect(cadre.waiting?.mattersOverdue).toBe(overdue);
    expect(cadre.waiting?.mattersNearDeadline ?? 0).toBeGreaterThanOrEqual(overdue);
    expect(cadre.waiting?.pickups).toBeNull();
    const keeper = await measured('home (keeper)', 'demo-keeper', 'board', 'home', {});
    expect(keeper.waiting?.pickups).toBe(await count(demo.db.collection(C.shopOrders).where({ villageId: VILLAGE, status: 'open' })));
    expect(keeper.waiting?.reviews).toBeNull();

    const outsider = await measured('home (public)', 'o-outsider', 'board', 'home', { villageId: VILLAGE });
    expect(outsider).toMatchObject({ household: null, waiting: null, viewer: { member: false } });
    expect(outsider.letters.map((l) => l.id)).toEqual(villager.letters.map((l) => l.id));
  });

  test('matters near their deadline count for cadres', async () => {
    const now = Date.now();
    const soon = makeMatter('m-soon', VILLAGE, { deadlineAt: new Date(now + 3600_000), dueAt: new Date(now + 3600_000), status: 'open' });
    const late = makeMatter('m-late', VILLAGE, { deadlineAt: new Date(now - 3600_000), dueAt: new Date(now - 3600_000), status: 'open' });
    const far = makeMatter('m-far', VILLAGE, {
      deadlineAt: new Date(now + 5 * 86_400_000),
      dueAt: new Date(now + 5 * 86_400_000),
      status: 'open',
    });
    const answered = makeMatter('m-answered', VILLAGE, {
      deadlineAt: new Date(now - 3600_000),
      dueAt: new Date(now - 3600_000),
      status: 'responded',
      respondedAt: new Date(now - 7200_000),
      respondedInTime: true,
    });
    const before = (await demo.api.ok('demo-cadre-1', 'board', 'home', {})).waiting?.mattersNearDeadline ?? NaN;
    await insertMatters([soon, late, far, answered]);
    const cadre = await demo.api.ok('demo-cadre-1', 'board', 'home', {});
    expect(cadre.waiting?.mattersNearDeadline).toBe(before + 2);
    // Independently: active matters waiting for the cadres whose deadline is within a day or past.
    const waiting = (await all(C.matters, { villageId: VILLAGE, active: true })).filter(
      (m) =>
        ['held', 'open', 'assigned'].includes(String(m.status)) && m.dueAt instanceof Date && m.dueAt.getTime() <= Date.now() + 86_400_000,
    );
    expect(cadre.waiting?.mattersNearDeadline).toBe(waiting.length);
  });
});

// ---- the town view ------------------------------------------------------------------------------

function makeMatter(id: string, villageId: string, over: Partial<Matter>): Matter {
  // The raisedOn of a matter is its China day (the fixture's default is the UTC one).
  const raisedAt = over.raisedAt ?? new Date();
  const deadline = { raisedOn: chinaDay(raisedAt), at: new Date(raisedAt.getTime() + 2 * 86_400_000) };
  return matterFixture({ id, villageId, raisedAt, deadline }, { mediaCleared: true, ...over });
}

async function insertMatters(list: Matter[]): Promise<void> {
  await settled(demo.db.collection(C.matters).add({ data: list }));
}

function monthsBack(n: number): string {
  const today = chinaDay();
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - n, 15));
  return d.toISOString().slice(0, 7);
}

describe('the town view', () => {
  test('each village’s figures equal what the store holds, and its stars follow the written criteria', async () => {
    const now = Date.now();
    // Matters of the period in two villages: in time, late, unanswered past the deadline, not yet due.
    await insertMatters([
      makeMatter('t-1', 'village-qingshan', {
        respondedAt: new Date(now),
        respondedInTime: true,
        status: 'responded',
        raisedAt: new Date(now - 86_400_000),
      }),
      makeMatter('t-2', 'village-qingshan', {
        respondedAt: new Date(now),
        respondedInTime: false,
        status: 'responded',
        raisedAt: new Date(now - 86_400_000),
      }),
      makeMatter('t-3', 'village-qingshan', {
        raisedAt: new Date(now - 3 * 86_400_000),
        deadlineAt: new Date(now - 86_400_000),
        respondedInTime: false,
      }),
      makeMatter('t-4', 'village-qingshan', { raisedAt: new Date(now) }),
      makeMatter('t-5', 'village-liushu', { respondedAt: new Date(now), respondedInTime: true, status: 'closed', active: false }),
    ]);
    // 青山村 gets two households, one with an approved record of the period, one with a reversed one.
    const template = pointRecordSchema.parse((await all(C.pointRecords, { villageId: VILLAGE, status: 'approved' }))[0]);
    await settled(
      demo.db.collection(C.households).add({
        data: ['qs-1', 'qs-2', 'qs-3'].map((id, i) =>
          householdSchema.parse({
            _id: id,
            villageId: 'village-qingshan',
            gridId: 'qs-grid',
            groupId: 'qs-group',
            no: `1组${i + 1}号`,
            headName: '赵青山',
            address: '',
          }),
        ),
      }),
    );
    const month = chinaDay().slice(0, 7);
    await settled(
      demo.db.collection(C.pointRecords).add({
        data: [
          {
            ...template,
            _id: 'qs-r1',
            villageId: 'village-qingshan',
            householdId: 'qs-1',
            month,
            occurredOn: `${month}-01`,
            points: 2,
            reversedBy: null,
          },
          {
            ...template,
            _id: 'qs-r2',
            villageId: 'village-qingshan',
            householdId: 'qs-2',
            month,
            occurredOn: `${month}-01`,
            points: 2,
            reversedBy: 'qs-r3',
          },
          {
            ...template,
            _id: 'qs-r3',
            villageId: 'village-qingshan',
            householdId: 'qs-2',
            month,
            occurredOn: `${month}-01`,
            points: -2,
            reverses: 'qs-r2',
            reversedBy: null,
          },
        ],
      }),
    );

    const from = monthsBack(2);
    const to = month;
    const view = await measured('town', 'demo-town', 'board', 'town', { from, to });
    expect(view.town.name).toBe('清溪镇');
    expect(view.months).toBe(3);
    expect(view.criteria.map((c) => c.key)).toEqual(['letters', 'response', 'participation', 'shop', 'finance']);
    expect(view.villages.map((v) => v.name).sort()).toEqual(['和美村', '柳树村', '青山村'].sort());

    // Independently, from the store.
    const first = `${from}-01`;
    const last = chinaDay();
    const inPeriod = (d: unknown): boolean => typeof d === 'string' && d >= first && d <= `${to}-31`;
    const months = [monthsBack(2), monthsBack(1), month];
    // Read as the indexes allow (village by village), so the check itself scans nothing.
    const villageIds = view.villages.map((v) => v.id);
    const perVillage = async (coll: string, where: Record<string, unknown>): Promise<Doc[]> =>
      (await Promise.all(villageIds.map((villageId) => all(coll, { villageId, ...where })))).flat();
    const [letters, items, matters, records, orders, households] = await Promise.all([
      all(C.boardLetters, { townId: 'town-qingxi', status: 'published' }),
      all(C.boardItems, { townId: 'town-qingxi', kind: 'finance', status: 'published' }),
      all(C.matters, { townId: 'town-qingxi' }),
      perVillage(C.pointRecords, { status: 'approved' }),
      perVillage(C.shopOrders, { status: 'done' }),
      perVillage(C.households, {}),
    ]);
    expect(last <= `${to}-31`).toBe(true);
    for (const v of view.villages) {
      const hh = households.filter((h) => h.villageId === v.id).length;
      const ms = matters.filter((m) => m.villageId === v.id && inPeriod(m.raisedOn));
      const due = ms.filter((m) => m.respondedInTime !== null || (m.deadlineAt instanceof Date && m.deadlineAt.getTime() < Date.now()));
      const active = new Set(
        records
          .filter((r) => r.villageId === v.id && months.includes(str(r, 'month')) && num(r, 'points') > 0 && r.reversedBy === null)
          .map((r) => r.householdId),
      );
      const done = orders.filter((o) => o.villageId === v.id && months.includes(String(o.closedMonth)));
      const expected = {
        households: hh,
        letters: letters.filter((l) => l.villageId === v.id && inPeriod(l.publishedOn)).length,
        matters: {
          raised: ms.length,
          due: due.length,
          respondedInTime: ms.filter((m) => m.respondedInTime === true).length,
        },
        participation: { active: active.size },
        shop: {
          orders: done.length,
          points: done.reduce((s, o) => s + num(o, 'points'), 0),
          households: new Set(done.map((o) => o.householdId)).size,
        },
        finance: items.filter((i) => i.villageId === v.id && inPeriod(i.publishedOn)).length,
      };
      expect(v).toMatchObject({ name: v.name, ...expected });
      expect(v.stars).toBe(v.checks.filter((c) => c.met).length);
    }
    const qingshan = view.villages.find((v) => v.id === 'village-qingshan');
    expect(qingshan?.matters).toEqual({ raised: 4, due: 3, respondedInTime: 1, responseRate: 0.3333 });
    expect(qingshan?.participation).toEqual({ active: 1, rate: 0.3333 });
    const hemei = view.villages.find((v) => v.id === VILLAGE);
    expect(hemei?.letters).toBe(3);
    expect(hemei?.finance).toBe(1);
    expect(hemei?.checks.find((c) => c.key === 'participation')?.met).toBe(true);
  });
});

test('no query of the board scanned a large collection (every query has its index)', async () => {
  const { warnings } = await demo.cloud.control<{ warnings: unknown[] }>('GET', '/_localcloud/warnings');
  expect(warnings).toEqual([]);
});
