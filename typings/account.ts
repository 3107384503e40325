// Function `account`: who am I, where do I belong.
import type { HomeResult } from './board';
import type { Role } from './roles';

export interface VillageSummary {
  id: string;
  name: string;
  townName: string;
  households: number;
}

export interface HouseholdSummary {
  id: string;
  /** e.g. "3组12号" — the household's number in the village, never its address. */
  label: string;
  headName: string;
  gridName: string;
}

/** A membership waiting for a cadre's real-name confirmation. */
export interface PendingMembership {
  villageName: string;
  householdLabel: string;
  /** ISO time of the request. */
  since: string;
}

export type MeResult =
  | { joined: false; pending?: PendingMembership }
  | {
      joined: true;
      name: string;
      roles: Role[];
      /** The roles in Chinese, for display. */
      roleNames: string[];
      village: VillageSummary | null;
      /** Town admins see their town's villages instead of one village. */
      town: { id: string; name: string; villages: number } | null;
      household: HouseholdSummary | null;
    };

/** 首页 in one call: who I am, and my village's home data (null without a village). */
export interface HomeScreen {
  me: MeResult;
  board: HomeResult | null;
}

export interface AccountApi {
  me: { req: Record<string, never>; res: MeResult };
  home: { req: Record<string, never>; res: HomeScreen };
}
