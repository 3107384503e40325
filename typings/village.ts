// Function `village`: towns and villages, households and members, grids, roles, joining by invite
// and the bulk import of households. Every date and time is an ISO string (UTC instant); days are
// China-time YYYY-MM-DD.
//
// Joining (invites and requests) and the bulk import are in village-joining.ts and village-import.ts;
// this file re-exports them, so the function's whole contract is imported from here.
import type { Role } from './roles';
import type { ImportPreview, ImportResult } from './village-import';
import type {
  AppointableRole,
  ConfirmInput,
  CreateInviteRequest,
  InvitePreview,
  InviteView,
  JoinInput,
  JoinResult,
  MembershipRequestView,
} from './village-joining';

export type * from './village-import';
export type * from './village-joining';

export interface GridLeaderView {
  /** Who leads it (a person id: openids never leave the functions). */
  personId: string;
  name: string;
}

export interface GridView {
  id: string;
  kind: 'micro' | 'group';
  name: string;
  parentId: string | null;
  leader: GridLeaderView | null;
  households: number;
}

export interface HouseholdRow {
  id: string;
  no: string;
  headName: string;
  gridId: string;
  gridName: string;
  groupId: string;
  groupName: string;
}

export interface OverviewRequest {
  /** Town admins name the village of their town; village roles work in their own. */
  villageId?: string;
  gridId?: string;
  /** Part of a 户号 or of the head's name. */
  q?: string;
  skip?: number;
}

export interface Abilities {
  /** Cadres: households, members, grids, confirmations, import. */
  manage: boolean;
  /** The secretary: roles and grid leaders. */
  appoint: boolean;
}

export interface OverviewResult {
  village: { id: string; name: string };
  grids: GridView[];
  households: HouseholdRow[];
  /** Households matching the filter. */
  total: number;
  more: boolean;
  pendingRequests: number;
  can: Abilities;
}

export interface MemberView {
  id: string;
  name: string;
  relation: string;
  /** Masked. */
  idNumber: string;
  /** Masked. */
  phone: string;
  status: 'active' | 'left';
  /** Bound to a WeChat user. */
  linked: boolean;
  /** YYYY-MM-DD (China), when they left. */
  leftOn: string | null;
  leftReason: string;
}

export interface MembershipHistoryView {
  memberId: string;
  name: string;
  relation: string;
  /** YYYY-MM-DD (China); null for a record older than the history. */
  from: string | null;
  to: string | null;
  end: 'left' | 'moved' | null;
  /** Where they moved to (a 户号) or why they left. */
  note: string;
}

export interface HouseholdMoveView {
  fromGridName: string;
  toGridName: string;
  on: string;
  byName: string;
}

export interface HouseholdDetail {
  household: HouseholdRow & { address: string };
  members: MemberView[];
  /** Left the village from this household (moved-out people are in history). */
  former: MemberView[];
  history: MembershipHistoryView[];
  moves: HouseholdMoveView[];
  can: { manage: boolean; editMembers: boolean; invite: boolean };
}

export interface CreateHouseholdInput {
  no: string;
  headName: string;
  headIdNumber: string;
  headPhone?: string;
  gridId: string;
  groupId: string;
  address?: string;
}

export interface EditHouseholdInput {
  householdId: string;
  no?: string;
  address?: string;
}

export interface MoveHouseholdInput {
  householdId: string;
  gridId: string;
  groupId: string;
}

export interface AddMemberInput {
  householdId: string;
  name: string;
  relation: string;
  idNumber?: string;
  phone?: string;
}

export interface EditMemberInput {
  memberId: string;
  name?: string;
  relation?: string;
  idNumber?: string;
  phone?: string;
}

export interface MoveMemberInput {
  memberId: string;
  toHouseholdId: string;
  relation: string;
}

export interface LeaveMemberInput {
  memberId: string;
  reason: string;
  /** YYYY-MM-DD (China), today by default. */
  on?: string;
}

export interface CreateGridInput {
  kind: 'micro' | 'group';
  name: string;
  /** The 微网格 a 联户小组 belongs to. */
  parentId?: string;
}

export interface PersonView {
  /**
   * Names the person in requests (setRole, setGridLeader, matters.assign): their member id, or for
   * someone with no member record (a cadre appointed from outside the households) `u-` and a hash.
   * Never an openid: openids never leave the functions.
   */
  personId: string;
  name: string;
  roles: Role[];
  roleNames: string[];
  householdLabel: string;
}

export interface VillageRow {
  id: string;
  name: string;
  households: number;
  people: number;
  secretaryName: string | null;
}

export interface TownVillagesResult {
  town: { id: string; name: string };
  villages: VillageRow[];
}

export interface VillageApi {
  townVillages: { req: Record<string, never>; res: TownVillagesResult };
  createVillage: { req: { name: string }; res: VillageRow };
  createInvite: { req: CreateInviteRequest; res: InviteView };
  revokeInvite: { req: { code: string }; res: { code: string } };
  inviteInfo: { req: { code: string }; res: InvitePreview };
  join: { req: JoinInput; res: JoinResult };
  myJoin: { req: Record<string, never>; res: { request: MembershipRequestView | null } };
  pending: { req: { villageId?: string }; res: { requests: MembershipRequestView[] } };
  confirm: { req: ConfirmInput; res: MembershipRequestView };
  refuse: { req: { requestId: string; reason: string }; res: MembershipRequestView };
  overview: { req: OverviewRequest; res: OverviewResult };
  household: { req: { householdId: string }; res: HouseholdDetail };
  createHousehold: { req: CreateHouseholdInput; res: HouseholdRow };
  editHousehold: { req: EditHouseholdInput; res: HouseholdRow };
  moveHousehold: { req: MoveHouseholdInput; res: HouseholdRow };
  addMember: { req: AddMemberInput; res: MemberView };
  editMember: { req: EditMemberInput; res: MemberView };
  moveMember: { req: MoveMemberInput; res: MemberView };
  leaveMember: { req: LeaveMemberInput; res: MemberView };
  grids: { req: { villageId?: string }; res: { grids: GridView[]; can: Abilities } };
  createGrid: { req: CreateGridInput; res: GridView };
  renameGrid: { req: { gridId: string; name: string }; res: GridView };
  setGridLeader: { req: { gridId: string; personId: string | null }; res: GridView };
  people: { req: { q?: string }; res: { people: PersonView[] } };
  setRole: { req: { personId: string; role: AppointableRole; granted: boolean }; res: PersonView };
  importPreview: { req: { fileID: string }; res: ImportPreview };
  importCommit: { req: { fileID: string }; res: ImportResult };
}
