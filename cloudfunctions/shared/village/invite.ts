// Invite codes: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L), so an elder can
// read one aloud or type it; the same code rides in a QR scene ("j=<code>", far below WeChat's 32
// characters) and in a shared link (?code=).
import type { ErrorCode } from '../../../typings';
import type { Invite } from './model';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
/** wxacode.getUnlimited refuses a longer scene. */
export const MAX_SCENE_LENGTH = 32;
export const JOIN_PAGE = 'packages/village/join/join';
const SCENE_PREFIX = 'j=';

/** How long an invite lasts and how many people may use it. */
export const INVITE_TERMS: Record<Invite['kind'], { days: number; uses: number }> = {
  // A head shares one code with the whole family.
  household: { days: 7, uses: 10 },
  // A role is for one named person.
  role: { days: 3, uses: 1 },
  secretary: { days: 3, uses: 1 },
};

/** A new code; `randomInt(n)` gives a uniform integer in [0, n) (crypto.randomInt in the function). */
export function newInviteCode(randomInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code;
}

/** A typed or scanned code, upper-cased without spaces or dashes; null when it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

export function inviteScene(code: string): string {
  const scene = `${SCENE_PREFIX}${code}`;
  if (scene.length > MAX_SCENE_LENGTH) throw new Error(`scene too long: ${scene}`);
  return scene;
}

/** The code in a scene as WeChat hands it to the page (possibly still URI-encoded). */
export function codeFromScene(scene: string): string | null {
  let text = scene;
  try {
    text = decodeURIComponent(scene);
  } catch {
    return null;
  }
  return text.startsWith(SCENE_PREFIX) ? normaliseCode(text.slice(SCENE_PREFIX.length)) : null;
}

export function invitePath(code: string): string {
  return `/${JOIN_PAGE}?code=${code}`;
}

/** Why an invite cannot be used now, or null when it can. */
export function inviteProblem(invite: Invite, now: Date): ErrorCode | null {
  if (invite.revoked) return 'JOIN.BAD_CODE';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'JOIN.EXPIRED';
  if (invite.uses >= invite.maxUses) return 'JOIN.USED_UP';
  return null;
}
