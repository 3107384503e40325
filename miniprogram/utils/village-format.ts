// What the village pages show and read: invite codes from a typed code, a shared link (?code=) or
// a scanned 小程序码 (?scene=j%3D<code>), relations to pick from, and short texts.
// (The functions' own copies live in cloudfunctions/shared/village/: the mini-program package
// cannot import code from outside its root.)

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A typed code, upper-cased without spaces or dashes; '' when it cannot be one. */
export function normaliseCode(raw: string): string {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return code.length === 8 && [...code].every((c) => ALPHABET.includes(c)) ? code : '';
}

/** The code a page was opened with: ?code= of a shared link, or ?scene= of a 小程序码. */
export function codeFromQuery(query: Record<string, string | undefined>): string {
  if (query.code) return normaliseCode(query.code);
  if (!query.scene) return '';
  let scene = query.scene;
  try {
    scene = decodeURIComponent(scene);
  } catch {
    return '';
  }
  return scene.startsWith('j=') ? normaliseCode(scene.slice(2)) : '';
}

/** Relations to the head (户主 is set by the household's record, not picked here). */
export const RELATIONS = [
  '配偶',
  '儿子',
  '女儿',
  '子女',
  '父亲',
  '母亲',
  '公公',
  '婆婆',
  '岳父',
  '岳母',
  '祖父',
  '祖母',
  '孙子',
  '孙女',
  '外孙子',
  '外孙女',
  '儿媳',
  '女婿',
  '兄弟',
  '姐妹',
  '其他',
];

/** "7天内有效" … until an ISO instant. */
export function expiresText(iso: string, now: number = Date.now()): string {
  const days = Math.ceil((new Date(iso).getTime() - now) / 86_400_000);
  return days <= 1 ? '24小时内有效' : `${days}天内有效`;
}

/** Whether the roles make someone a village manager (the admin pages), and which entry they get. */
