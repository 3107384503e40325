// The village service (function `village`): towns and villages, invites and joining, membership
// confirmation, households and members, grids and leaders, roles, and the bulk import.
import type {
  AddMemberInput,
  AppointableRole,
  ConfirmInput,
  CreateGridInput,
  CreateHouseholdInput,
  CreateInviteRequest,
  EditMemberInput,
  GridView,
  HouseholdDetail,
  HouseholdRow,
  ImportPreview,
  ImportResult,
  InvitePreview,
  InviteView,
  JoinInput,
  JoinResult,
  LeaveMemberInput,
  MembershipRequestView,
  MemberView,
  MoveHouseholdInput,
  MoveMemberInput,
  OverviewRequest,
  OverviewResult,
  PersonView,
  TownVillagesResult,
  VillageRow,
  Abilities,
} from '../../typings/index';
import { call } from './cloud';

export const townVillages = (): Promise<TownVillagesResult> => call('village', 'townVillages', {});
export const createVillage = (name: string): Promise<VillageRow> => call('village', 'createVillage', { name });

export const createInvite = (req: CreateInviteRequest): Promise<InviteView> => call('village', 'createInvite', req);
export const inviteInfo = (code: string): Promise<InvitePreview> => call('village', 'inviteInfo', { code });
export const join = (req: JoinInput): Promise<JoinResult> => call('village', 'join', req);
export const myJoin = (): Promise<{ request: MembershipRequestView | null }> => call('village', 'myJoin', {});

export const pendingRequests = (villageId?: string): Promise<{ requests: MembershipRequestView[] }> =>
  call('village', 'pending', villageId ? { villageId } : {});
export const confirmRequest = (req: ConfirmInput): Promise<MembershipRequestView> => call('village', 'confirm', req);
export const refuseRequest = (requestId: string, reason: string): Promise<MembershipRequestView> =>
  call('village', 'refuse', { requestId, reason });

export const overview = (req: OverviewRequest): Promise<OverviewResult> => call('village', 'overview', req);
export const household = (householdId: string): Promise<HouseholdDetail> => call('village', 'household', { householdId });
export const createHousehold = (req: CreateHouseholdInput): Promise<HouseholdRow> => call('village', 'createHousehold', req);
export const moveHousehold = (req: MoveHouseholdInput): Promise<HouseholdRow> => call('village', 'moveHousehold', req);

export const addMember = (req: AddMemberInput): Promise<MemberView> => call('village', 'addMember', req);
export const editMember = (req: EditMemberInput): Promise<MemberView> => call('village', 'editMember', req);
export const moveMember = (req: MoveMemberInput): Promise<MemberView> => call('village', 'moveMember', req);
export const leaveMember = (req: LeaveMemberInput): Promise<MemberView> => call('village', 'leaveMember', req);

export const grids = (villageId?: string): Promise<{ grids: GridView[]; can: Abilities }> =>
  call('village', 'grids', villageId ? { villageId } : {});
export const createGrid = (req: CreateGridInput): Promise<GridView> => call('village', 'createGrid', req);
export const setGridLeader = (gridId: string, personId: string | null): Promise<GridView> =>
  call('village', 'setGridLeader', { gridId, personId });

export const people = (q?: string): Promise<{ people: PersonView[] }> => call('village', 'people', q ? { q } : {});
export const setRole = (personId: string, role: AppointableRole, granted: boolean): Promise<PersonView> =>
  call('village', 'setRole', { personId, role, granted });

export const importPreview = (fileID: string): Promise<ImportPreview> => call('village', 'importPreview', { fileID });
export const importCommit = (fileID: string): Promise<ImportResult> => call('village', 'importCommit', { fileID });
