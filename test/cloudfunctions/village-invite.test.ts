import { inviteSchema, type Invite } from '../../cloudfunctions/shared/village/model';
import {
  CODE_ALPHABET,
  MAX_SCENE_LENGTH,
  codeFromScene,
  inviteProblem,
  inviteScene,
  newInviteCode,
  normaliseCode,
} from '../../cloudfunctions/shared/village/invite';
import { randomInt } from 'node:crypto';

test('codes are 8 characters of an alphabet without look-alikes', () => {
  for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(ambiguous);
  for (let i = 0; i < 200; i++) {
    const code = newInviteCode(randomInt);
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  }
});

test('a typed code is upper-cased and freed of spaces and dashes; anything else is no code', () => {
  expect(normaliseCode(' abcd-2345 ')).toBe('ABCD2345');
  expect(normaliseCode('ABCD234')).toBeNull();
  expect(normaliseCode('ABCD2340')).toBeNull(); // 0 is not in the alphabet
});

test("the QR scene stays within WeChat's 32 characters and gives the code back, even URI-encoded", () => {
  const code = newInviteCode(randomInt);
  const scene = inviteScene(code);
  expect(scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
  expect(scene).toBe(`j=${code}`);
  expect(codeFromScene(scene)).toBe(code);
  expect(codeFromScene(encodeURIComponent(scene))).toBe(code);
  expect(codeFromScene('x=ABCD2345')).toBeNull();
  expect(codeFromScene('%E0%A4%A')).toBeNull();
});

test('an invite is refused when revoked, expired or used up', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  const invite: Invite = inviteSchema.parse({
    _id: 'ABCD2345',
    villageId: 'v',
    townId: 't',
    kind: 'household',
    householdId: 'h',
    role: null,
    forName: null,
    createdBy: 'u',
    createdByName: '王',
    createdAt: new Date('2026-04-30T00:00:00Z'),
    expiresAt: new Date('2026-05-07T00:00:00Z'),
    maxUses: 2,
    uses: 1,
    usedBy: ['a'],
    revoked: false,
    qrFileId: null,
  });
  expect(inviteProblem(invite, now)).toBeNull();
  expect(inviteProblem({ ...invite, revoked: true }, now)).toBe('JOIN.BAD_CODE');
  expect(inviteProblem({ ...invite, expiresAt: now }, now)).toBe('JOIN.EXPIRED');
  expect(inviteProblem({ ...invite, uses: 2 }, now)).toBe('JOIN.USED_UP');
});
