// A person on a household's record: relation to the head, ID number (GB 11643, with its check
// digit), mobile number, and the real-name match a joiner must pass.
import { isDate } from '../china-time';

/** Relations to the head as the 户口簿 writes them (and the short forms people type). */
export const RELATIONS = [
  '户主',
  '配偶',
  '子女',
  '儿子',
  '女儿',
  '父亲',
  '母亲',
  '公公',
  '婆婆',
  '岳父',
  '岳母',
  '祖父',
  '祖母',
  '外祖父',
  '外祖母',
  '孙子',
  '孙女',
  '外孙子',
  '外孙女',
  '儿媳',
  '女婿',
  '兄弟',
  '姐妹',
  '兄弟姐妹',
  '其他',
] as const;

export type Relation = (typeof RELATIONS)[number];

export const HEAD: Relation = '户主';

export function isRelation(value: string): value is Relation {
  return RELATIONS.some((r) => r === value);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Trimmed, spaces removed, a final x upper-cased. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Whether YYYYMMDD (a birth date in an ID number) is a real date from 1900 on. */
function realDate(yyyymmdd: string): boolean {
  return yyyymmdd >= '1900' && isDate(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`);
}

/** The check digit of the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * (WEIGHTS[i] ?? 0), 0);
  return CHECK.charAt(sum % 11);
}

/** What is wrong with an 18-character resident ID number, or null when it is well formed. */
export function idNumberProblem(raw: string): string | null {
  const id = normaliseIdNumber(raw);
  if (!id) return '缺少身份证号';
  if (/E\+?\d+$/.test(id)) return '身份证号被存成了数字（科学计数法），请把该列设为文本后重新填写';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位（最后一位可以是X）';
  if (!realDate(id.slice(6, 14))) return '身份证号中的出生日期不对';
  if (idCheckDigit(id.slice(0, 17)) !== id.charAt(17)) return '身份证号校验位不对，请核对';
  return null;
}

export function idLast4(id: string): string {
  return normaliseIdNumber(id).slice(-4);
}

/** What is wrong with a mobile number ('' means none was given, which is allowed). */
export function phoneProblem(raw: string): string | null {
  const phone = raw.replace(/[\s-]/g, '');
  if (!phone) return null;
  return /^1[3-9]\d{9}$/.test(phone) ? null : '手机号应为11位数字，以1开头';
}

export function normalisePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** Names as people write them: Chinese (with · for minority names) or Latin letters, 1–20 characters. */
export function nameProblem(raw: string): string | null {
  const name = raw.trim();
  if (!name) return '缺少姓名';
  if (name.length > 20) return '姓名太长';
  return /^[\p{Script=Han}A-Za-z·•.\s]+$/u.test(name) ? null : '姓名只能包含汉字、字母和·';
}

/** The real-name match of a joiner against a member record: same name, same ID last 4. */
export function matchesRealName(member: { name: string; idNumber: string }, name: string, last4: string): boolean {
  return member.name.trim() === name.trim() && member.idNumber.length >= 4 && idLast4(member.idNumber) === normaliseIdNumber(last4);
}

/** A name shown to someone who may not know the person: the surname and stars ("王**"). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? name : `${chars[0] ?? ''}${'*'.repeat(chars.length - 1)}`;
}
