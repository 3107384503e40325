// The allowed table as the README prints it (a test keeps the two the same).
import { ALLOWED, type Who } from '../../cloudfunctions/shared/access/table';
import type { FunctionName } from '../../typings';
import { WHO } from './support';

const FUNCTIONS: FunctionName[] = ['account', 'points', 'notice', 'village', 'shop', 'matters', 'honours', 'board'];
const HEAD: Record<Who, string> = {
  villager: '村民',
  head: '户主',
  gridLeader: '网格长',
  cadre: '干部',
  secretary: '书记',
  keeper: '店员',
  supervisor: '监督',
  townAdmin: '乡镇',
  stranger: '外人',
};

export function tableMarkdown(): { markdown: string; actions: number; cases: number } {
  const lines = [`| action | ${WHO.map((w) => HEAD[w]).join(' | ')} | another village |`, `|---|${WHO.map(() => ':-:').join('|')}|---|`];
  let actions = 0;
  for (const fn of FUNCTIONS) {
    for (const [action, rule] of Object.entries(ALLOWED[fn])) {
      actions++;
      const same = rule.otherVillage.length === rule.roles.length && rule.roles.every((w) => rule.otherVillage.includes(w));
      const other = same ? 'same' : rule.otherVillage.length ? rule.otherVillage.map((w) => HEAD[w]).join(' ') : 'none';
      lines.push(`| \`${fn}.${action}\` | ${WHO.map((w) => (rule.roles.includes(w) ? '✓' : '·')).join(' | ')} | ${other} |`);
    }
  }
  return { markdown: lines.join('\n'), actions, cases: actions * WHO.length * 2 };
}
