// The rules of 书记公开信 and the notice board as plain functions: who sees what (public mode
// included), names outside the village, the finance sign-off, the star rating of villages, the town
// view's period, what waits for whom on the village home, and subscribe-message grants.
import { thrownAppError } from './thrown';
import { userSchema, type User } from '../../cloudfunctions/shared/village/model';
import type { Attachment } from '../../cloudfunctions/shared/board/model';
import {
  GRANT_CAP,
  addGrants,
  attachmentType,
  canSeeComment,
  canSeeItem,
  canSeeLetter,
  excerpt,
  keepsSignOff,
  nameFor,
  officeName,
  readIds,
  requireCommentState,
  requirePublishable,
  viewerOf,
} from '../../cloudfunctions/shared/board/policy';
import { daysOf, monthsOf } from '../../cloudfunctions/shared/board/period';
import { STAR_CRITERIA, financeNeeded, percent, rateVillage, type VillageFigures } from '../../cloudfunctions/shared/board/stars';
import { reviewScopes, waitingKeys } from '../../cloudfunctions/shared/board/waiting';

const user = (u: Partial<User> & Pick<User, '_id' | 'roles'>): User =>
  userSchema.parse({ name: '王五', villageId: 'v1', townId: 't1', householdId: 'h1', memberId: null, ...u });

const codeOf = (run: () => unknown): string => thrownAppError(run)?.code ?? 'none';

describe('who the caller is to a village', () => {
  test('a confirmed member of the village, with the powers of their roles', () => {
    expect(viewerOf(user({ _id: 's', roles: ['secretary', 'cadre', 'head'] }), 'v1')).toEqual({
      member: true,
      secretary: true,
      cadre: true,
      supervisor: false,
    });
    expect(viewerOf(user({ _id: 'c', roles: ['cadre'] }), 'v1')).toEqual({
      member: true,
      secretary: false,
      cadre: true,
      supervisor: false,
    });
    expect(viewerOf(user({ _id: 'm', roles: ['supervisor', 'villager'] }), 'v1')).toEqual({
      member: true,
      secretary: false,
      cadre: false,
      supervisor: true,
    });
  });

  test('public mode: nobody, a member of another village, a pending or former member, a town admin', () => {
    const outsider = { member: false, secretary: false, cadre: false, supervisor: false };
    expect(viewerOf(null, 'v1')).toEqual(outsider);
    expect(viewerOf(user({ _id: 's2', roles: ['secretary'], villageId: 'v2' }), 'v1')).toEqual(outsider);
    expect(viewerOf(user({ _id: 'p', roles: ['villager'], status: 'pending' }), 'v1')).toEqual(outsider);
    expect(viewerOf(user({ _id: 'l', roles: ['villager'], status: 'left' }), 'v1')).toEqual(outsider);
    expect(viewerOf(user({ _id: 't', roles: ['townAdmin'], villageId: null }), 'v1')).toEqual(outsider);
  });
});

describe('what each may see', () => {
  const pub = viewerOf(null, 'v1');
  const villager = viewerOf(user({ _id: 'u1', roles: ['villager'] }), 'v1');
  const secretary = viewerOf(user({ _id: 's', roles: ['secretary', 'cadre'] }), 'v1');
  const cadre = viewerOf(user({ _id: 'c', roles: ['cadre'] }), 'v1');
  const supervisor = viewerOf(user({ _id: 'm', roles: ['supervisor'] }), 'v1');

  test('published letters and items are public; drafts are not', () => {
    expect(canSeeLetter(pub, { status: 'published' })).toBe(true);
    expect(canSeeLetter(villager, { status: 'draft' })).toBe(false);
    expect(canSeeLetter(secretary, { status: 'draft' })).toBe(true);
    expect(canSeeItem(pub, { status: 'published', kind: 'finance' })).toBe(true);
    expect(canSeeItem(villager, { status: 'draft', kind: 'notice' })).toBe(false);
    expect(canSeeItem(cadre, { status: 'draft', kind: 'party' })).toBe(true);
    expect(canSeeItem(supervisor, { status: 'draft', kind: 'finance' })).toBe(true);
    expect(canSeeItem(supervisor, { status: 'draft', kind: 'village' })).toBe(false);
  });

  test('a held or rejected comment only for its author and the secretary', () => {
    for (const status of ['held', 'rejected'] as const) {
      expect(canSeeComment(villager, { status, authorId: 'u1' }, 'u1')).toBe(true);
      expect(canSeeComment(villager, { status, authorId: 'u2' }, 'u1')).toBe(false);
      expect(canSeeComment(cadre, { status, authorId: 'u2' }, 'c')).toBe(false);
      expect(canSeeComment(secretary, { status, authorId: 'u2' }, 's')).toBe(true);
      expect(canSeeComment(pub, { status, authorId: 'x' }, 'x')).toBe(false);
    }
    expect(canSeeComment(pub, { status: 'visible', authorId: 'u2' }, 'x')).toBe(true);
  });

  test('names stay in the village: "村民" and the office outside it', () => {
    expect(nameFor(villager, '李大勇', '村民')).toBe('李大勇');
    expect(nameFor(pub, '李大勇', '村民')).toBe('村民');
    expect(officeName(villager, '村书记', '王建国')).toBe('村书记 王建国');
    expect(officeName(pub, '村书记', '王建国')).toBe('村书记');
  });
});

describe('finance is published only when signed off, and an edit voids the sign-off', () => {
  const signed = { by: 'm', byName: '赵监', at: new Date(), note: '' };
  const file: Attachment = { fileId: 'cloud://env/a.pdf', name: '10月收支.pdf', type: 'pdf' };
  const files = [file];
  const content = { title: '10月财务公开', body: '收入…支出…', attachments: files, eventDate: null };

  test('unsigned finance is refused with its own code; other kinds need no sign-off', () => {
    expect(codeOf(() => requirePublishable({ kind: 'finance', signOff: null }))).toBe('BOARD.NOT_SIGNED_OFF');
    expect(codeOf(() => requirePublishable({ kind: 'finance', signOff: signed }))).toBe('none');
    expect(codeOf(() => requirePublishable({ kind: 'party', signOff: null }))).toBe('none');
  });

  test('the same content keeps it; a changed title, body, date or attachment does not', () => {
    expect(keepsSignOff(content, { ...content, attachments: [...files] })).toBe(true);
    expect(keepsSignOff(content, { ...content, title: '10月财务公开（更正）' })).toBe(false);
    expect(keepsSignOff(content, { ...content, body: '收入…' })).toBe(false);
    expect(keepsSignOff(content, { ...content, eventDate: '2026-10-01' })).toBe(false);
    expect(keepsSignOff(content, { ...content, attachments: [] })).toBe(false);
    expect(keepsSignOff(content, { ...content, attachments: [{ ...file, fileId: 'cloud://env/b.pdf' }] })).toBe(false);
  });
});

test('comments: moderate only held ones, reply only to visible ones', () => {
  expect(codeOf(() => requireCommentState({ status: 'held' }, 'approve'))).toBe('none');
  expect(codeOf(() => requireCommentState({ status: 'visible' }, 'reject'))).toBe('BOARD.WRONG_STATE');
  expect(codeOf(() => requireCommentState({ status: 'held' }, 'reply'))).toBe('BOARD.WRONG_STATE');
  expect(codeOf(() => requireCommentState({ status: 'visible' }, 'reply'))).toBe('none');
});

test('reads count once per user and once per household', () => {
  expect(readIds('L1', 'o1', 'h1')).toEqual({ user: 'L1|u|o1', household: 'L1|h|h1' });
  expect(readIds('L1', 'o2', 'h1').household).toBe(readIds('L1', 'o1', 'h1').household);
  expect(readIds('L1', 'o3', null)).toEqual({ user: 'L1|u|o3', household: null });
});

test('attachments by extension, excerpts by characters', () => {
  expect(['a.PDF', 'b.jpg', 'c.jpeg', 'd.png', 'e.xlsx', 'f'].map(attachmentType)).toEqual([
    'pdf',
    'image',
    'image',
    'image',
    'file',
    'file',
  ]);
  expect(excerpt('  第一行\n\n第二行  ')).toBe('第一行 第二行');
  expect(excerpt('一二三四五六', 4)).toBe('一二三…');
});

test('grants add one per acceptance, up to the cap', () => {
  expect(addGrants({}, ['notice', 'notice', 'reply'])).toEqual({ notice: 1, reply: 1 });
  expect(addGrants({ notice: 2 }, ['notice'])).toEqual({ notice: 3 });
  expect(addGrants({ notice: GRANT_CAP }, ['notice'])).toEqual({ notice: GRANT_CAP });
});

describe('the town view period', () => {
  test('months from and to, inclusive', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(daysOf('2025-11', '2026-02')).toEqual({ first: '2025-11-01', last: '2026-02-28' });
    expect(daysOf('2024-02', '2024-02').last).toBe('2024-02-29');
  });

  test('bad or too long periods are refused', () => {
    expect(codeOf(() => monthsOf('2026-13', '2026-12'))).toBe('COMMON.INVALID_INPUT');
    expect(codeOf(() => monthsOf('2026-05', '2026-04'))).toBe('COMMON.INVALID_INPUT');
    expect(codeOf(() => monthsOf('2025-01', '2026-01'))).toBe('COMMON.INVALID_INPUT'); // 13 months
    expect(monthsOf('2025-02', '2026-01')).toHaveLength(12);
  });
});

describe('星级村庄: one star per written criterion met', () => {
  const best: VillageFigures = {
    months: 3,
    households: 100,
    letters: 6,
    due: 10,
    respondedInTime: 9,
    activeHouseholds: 60,
    shopHouseholds: 20,
    finance: 1,
  };

  test('the criteria are written down, one per figure', () => {
    expect(STAR_CRITERIA.map((c) => c.key)).toEqual(['letters', 'response', 'participation', 'shop', 'finance']);
    expect(STAR_CRITERIA.every((c) => /[\u4e00-\u9fa5]/.test(c.rule) && c.title)).toBe(true);
    expect(STAR_CRITERIA[0]?.rule).toBe('平均每月至少发布 2 封书记公开信');
  });

  test('exactly at every threshold: five stars', () => {
    const r = rateVillage(best);
    expect(r.stars).toBe(5);
    expect(r.checks.map((c) => c.value)).toEqual(['2 封/月', '90%（9/10）', '60%（60/100 户）', '20%（20/100 户）', '1 条（需 1 条）']);
  });

  test('just below each threshold loses that star only', () => {
    const below: [keyof VillageFigures, number, string][] = [
      ['letters', 5, 'letters'],
      ['respondedInTime', 8, 'response'],
      ['activeHouseholds', 59, 'participation'],
      ['shopHouseholds', 19, 'shop'],
      ['finance', 0, 'finance'],
    ];
    for (const [field, value, key] of below) {
      const r = rateVillage({ ...best, [field]: value });
      expect([key, r.stars]).toEqual([key, 4]);
      expect(r.checks.find((c) => !c.met)?.key).toBe(key);
    }
  });

  test('no data earns no star: nothing due, no households', () => {
    const r = rateVillage({
      months: 1,
      households: 0,
      letters: 0,
      due: 0,
      respondedInTime: 0,
      activeHouseholds: 0,
      shopHouseholds: 0,
      finance: 0,
    });
    expect(r.stars).toBe(0);
    expect(r.checks.map((c) => c.value)).toEqual(['0 封/月', '没有到期的说事', '没有农户', '没有农户', '0 条（需 1 条）']);
  });

  test('finance needs one item per 3 months, at least one', () => {
    expect([1, 2, 3, 4, 6, 7, 12].map(financeNeeded)).toEqual([1, 1, 1, 2, 2, 3, 4]);
    expect(percent(0.9867)).toBe('98.7%');
    expect(percent(null)).toBe('—');
  });
});

describe('what waits for whom on the village home', () => {
  const levels: ('gridLeader' | 'cadre')[] = ['gridLeader', 'cadre'];

  test('the counts of each role', () => {
    expect(waitingKeys(user({ _id: 'v', roles: ['villager'] }), [])).toEqual([]);
    expect(waitingKeys(user({ _id: 'g', roles: ['gridLeader', 'villager'] }), ['grid-1'])).toEqual(['reviews']);
    expect(waitingKeys(user({ _id: 'c', roles: ['cadre'] }), [])).toEqual([
      'reviews',
      'mattersNearDeadline',
      'objections',
      'financeToPublish',
      'mattersOverdue',
    ]);
    expect(waitingKeys(user({ _id: 's', roles: ['secretary', 'cadre'] }), [])).toEqual([
      'reviews',
      'mattersNearDeadline',
      'objections',
      'heldComments',
      'financeToPublish',
      'mattersOverdue',
    ]);
    expect(waitingKeys(user({ _id: 'm', roles: ['supervisor', 'villager'] }), [])).toEqual(['financeToSignOff']);
    expect(waitingKeys(user({ _id: 'k', roles: ['keeper', 'villager'] }), [])).toEqual(['pickups']);
  });

  test('review scopes follow points.queue: the secretary any level, cadres theirs, grid leaders their grids', () => {
    expect(reviewScopes(user({ _id: 's', roles: ['secretary', 'cadre'] }), levels, [])).toEqual([{ levels: [0, 1], gridIds: null }]);
    expect(reviewScopes(user({ _id: 'c', roles: ['cadre'] }), levels, [])).toEqual([{ levels: [1], gridIds: null }]);
    expect(reviewScopes(user({ _id: 'g', roles: ['gridLeader'] }), levels, ['grid-1'])).toEqual([{ levels: [0], gridIds: ['grid-1'] }]);
    expect(reviewScopes(user({ _id: 'c', roles: ['cadre'] }), ['cadre'], [])).toEqual([{ levels: [0], gridIds: null }]);
    expect(reviewScopes(user({ _id: 'g', roles: ['gridLeader'] }), ['cadre'], ['grid-1'])).toEqual([]);
  });
});
