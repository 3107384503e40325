// Function `village`: towns and villages, households and members, grids, roles, joining by invite
// and the bulk import of households. Every date and time is an ISO string (UTC instant); days are
// China-time YYYY-MM-DD.
import type { Role } from './roles';

/** Roles the secretary appoints directly (grid leaders are appointed per grid). */
export type AppointableRole = 'cadre' | 'keeper';

export type InviteKind = 'household' | 'role' | 'secretary';

export type CreateInviteRequest =
  /** A household head (their own household) or a cadre (any household of the village). */
  | { kind: 'household'; householdId: string }
  /** The secretary invites a named person to a role of the village. */
  | { kind: 'role'; role: AppointableRole; forName: string }
  /** A town admin invites a named person to be the secretary of a village of the town. */
  | { kind: 'secretary'; villageId: string; forName: string };

export interface QrView {
  fileID: string;
  /** A temporary URL of the image (for <image src>). */
  url: string;
}

export interface InviteView {
  /** 8 characters of an unambiguous alphabet (no 0/O, 1/I/L). */
  code: string;
  kind: InviteKind;
  villageName: string;
  /** For a household invite, e.g. "3组12号（户主 李长青）". */
  householdLabel: string | null;
  role: Role | null;
  roleName: string | null;
  forName: string | null;
  expiresAt: string;
  usesLeft: number;
  /** The page to share, with ?code=. */
  path: string;
  /** The wxacode scene (at most 32 characters). */
  scene: string;
  /** The 小程序码; null when WeChat could not make one (the code still works). */
  qr: QrView | null;
}

/** What someone holding a code sees before joining (names masked: the code may be a guess). */
export interface InvitePreview {
  code: string;
  kind: InviteKind;
  villageName: string;
  townName: string;
  householdLabel: string | null;
  roleName: string | null;
  /** Role invites name the person, masked (e.g. "王*"). */
  forName: string | null;
  /** Household invites ask for the last 4 of the ID number (real-name match). */
  needsIdLast4: boolean;
  expiresAt: string;
}

export interface JoinInput {
  code: string;
  name: string;
  /** Last 4 characters of the ID number (digits, or X last). Required for a household invite. */
  idLast4?: string;
}

export type MembershipRequestStatus = 'pending' | 'confirmed' | 'refused';

export interface MembershipRequestView {
  id: string;
  villageName: string;
  householdId: string | null;
  householdLabel: string;
  name: string;
  idLast4: string;
  /** The household's member record matched by name and ID last 4, masked. */
  matchedMember: { id: string; name: string; relation: string; idNumber: string } | null;
  status: MembershipRequestStatus;
  /** Why it was refused. */
  reason: string;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string;
  /** For a role taken with an invite link: the role's name (村两委干部, 村书记); null for a household. */
  roleName?: string | null;
}

export type JoinResult =
  /** A household membership waits for a cadre's real-name confirmation; a cadre's or secretary's role for its confirmer's. */
  | { status: 'pending'; request: MembershipRequestView }
  /** A keeper's role invite takes effect at once (it names the person and is used once). */
  | { status: 'active'; villageName: string; roleNames: string[] };

export interface ConfirmInput {
  requestId: string;
  /** For a person not yet on the household's record: their relation to the head. */
  relation?: string;
}

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

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportRowView {
  /** The row's number in the sheet (1 = first row, the header). */
  line: number;
  grid: string;
  group: string;
  no: string;
  headName: string;
  name: string;
  relation: string;
  /** Masked. */
  idNumber: string;
  /** Masked. */
  phone: string;
  problems: string[];
  /** What a commit would do to this person (when the row has no problem). */
  action: ImportAction | null;
}

export interface ImportCounts {
  rows: number;
  problemRows: number;
  grids: { create: number };
  households: { create: number; update: number; unchanged: number };
  members: { create: number; update: number; unchanged: number };
}

export interface ImportPreview {
  fileName: string;
  rows: ImportRowView[];
  counts: ImportCounts;
}

export interface ImportResult {
  counts: ImportCounts;
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
