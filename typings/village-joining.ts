// Function `village`, joining: invites (code, QR, link), what a code shows before joining, the request to
// join and a cadre's confirmation. Part of the contract of typings/village.ts.
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
