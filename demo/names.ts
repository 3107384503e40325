// Deterministic made-up people for the demo village: the same seed always gives the same village.

/** mulberry32: a tiny, well-known seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;

export function pick<T>(rand: Rand, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function between(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

// Surnames weighted towards those common in rural Sichuan.
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '罗', '何', '邓', '唐', '曾', '彭', '谢', '蒋'];
const MALE = [
  '建国',
  '德明',
  '志强',
  '国富',
  '永红',
  '长青',
  '树林',
  '明华',
  '光荣',
  '海军',
  '红兵',
  '正平',
  '学文',
  '家福',
  '文斌',
  '大勇',
];
const FEMALE = ['秀英', '桂芳', '淑珍', '玉兰', '春梅', '丽华', '凤英', '小琴', '晓燕', '翠萍', '金花', '素芬', '雪梅', '美玲'];
const CHILD = ['子涵', '雨桐', '浩然', '欣怡', '宇轩', '梓萱', '俊杰', '诗琪', '博文', '一诺'];

export function personName(rand: Rand, sex: 'm' | 'f' | 'child', surname = pick(rand, SURNAMES)): string {
  const given = sex === 'm' ? MALE : sex === 'f' ? FEMALE : CHILD;
  return `${surname}${pick(rand, given)}`;
}

/** A well-formed but made-up 18-digit resident ID (valid check digit, region 510603). */
export function idNumber(rand: Rand, birthYear: number): string {
  const month = String(between(rand, 1, 12)).padStart(2, '0');
  const day = String(between(rand, 1, 28)).padStart(2, '0');
  const body = `510603${birthYear}${month}${day}${String(between(rand, 100, 999))}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * (weights[i] ?? 0), 0);
  return body + '10X98765432'.charAt(sum % 11);
}

export function phone(rand: Rand): string {
  return `1${pick(rand, ['38', '39', '58', '59', '86', '87', '36'])}${String(between(rand, 0, 99_999_999)).padStart(8, '0')}`;
}
