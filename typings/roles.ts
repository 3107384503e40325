// The roles of DOMAIN.md ("Who uses it").
export type Role =
  | 'villager' // 村民
  | 'head' // 户主
  | 'secretary' // 村书记
  | 'cadre' // 村两委干部
  | 'gridLeader' // 网格长 / 联户长
  | 'keeper' // 店员（积分超市）
  | 'townAdmin' // 乡镇管理员
  | 'supervisor'; // 村务监督委员会成员（村务监督委员）
