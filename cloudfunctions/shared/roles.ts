import type { Role } from '../../typings';

export const ROLE_NAMES: Record<Role, string> = {
  villager: '村民',
  head: '户主',
  secretary: '村书记',
  cadre: '村两委干部',
  gridLeader: '网格长',
  keeper: '积分超市店员',
  townAdmin: '乡镇管理员',
  supervisor: '村务监督委员',
};
