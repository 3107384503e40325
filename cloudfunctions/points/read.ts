// What recording and reviewing read before they write, in ONE database request: an aggregation from
// the caller's user document that joins their village, its grids and rule versions, and the
// documents the request names (households, records by their known ids, cap counters, and the users
// of the households concerned). At 15 ms a request this is one round trip instead of two and five
// requests; whatever a write depends on is read again inside its transaction.
import { C } from '../shared/collections';
import { activeUser } from '../shared/users';
import { AppError } from '../shared/errors';
import { capCounterSchema, pointRecordSchema, ruleSetSchema, type PointRecord, type RuleSet } from '../shared/points/model';
import {
  gridSchema,
  householdSchema,
  userSchema,
  villageSchema,
  type Grid,
  type Household,
  type User,
  type Village,
} from '../shared/village/model';
import { aggregateRows, joinedDocs, list } from '../shared/repo';

export interface PointsRead {
  user: User;
  village: Village;
  /** The village's micro grids (微网格). */
  grids: Grid[];
  /** Every adopted version of the village's rules, newest first. */
  sets: RuleSet[];
  households: Household[];
  records: PointRecord[];
  /** Cap counters by id (a missing one has not been used). */
  caps: Map<string, number>;
  /** Users of the caller's household, or of the named records' households (who hears of an outcome). */
  users: User[];
}

export interface ReadWanted {
  householdIds?: string[];
  recordIds?: string[];
  capIds?: string[];
  /** Join the caller's own household and its users (a self-report: is its grid leader one of them?). */
  ownHousehold?: boolean;
  /** Join the users of the named records' households. */
  recordHouseholds?: boolean;
}

// A value no document has: a lookup by a missing field would otherwise match every document without it.
const NONE = '\u0000none';

export async function readForPoints(openid: string, want: ReadWanted): Promise<PointsRead> {
  const [row] = await aggregateRows(C.users, (a) => {
    let p = a
      .match({ _id: openid })
      .addFields({ pVillage: { $ifNull: ['$villageId', NONE] }, pOwn: { $ifNull: ['$householdId', NONE] } })
      .lookup({ from: C.villages, localField: 'pVillage', foreignField: '_id', as: 'pVillages' })
      .lookup({ from: C.grids, localField: 'pVillage', foreignField: 'villageId', as: 'pGrids' })
      .lookup({ from: C.ruleSets, localField: 'pVillage', foreignField: 'villageId', as: 'pSets' });
    // Only the joins the action asks for: each is one more collection the database looks into.
    if (want.ownHousehold) p = p.lookup({ from: C.households, localField: 'pOwn', foreignField: '_id', as: 'pHouseholds' });
    const byIds: [string, string[] | undefined, string][] = [
      [C.households, want.householdIds, 'pHouseholds'],
      [C.pointRecords, want.recordIds, 'pRecords'],
      [C.pointCaps, want.capIds, 'pCaps'],
    ];
    for (const [from, ids, as] of byIds) {
      if (ids?.length)
        p = p.addFields({ [`${as}Ids`]: { $literal: ids } }).lookup({ from, localField: `${as}Ids`, foreignField: '_id', as });
    }
    if (want.ownHousehold) p = p.lookup({ from: C.users, localField: 'pOwn', foreignField: 'householdId', as: 'pUsers' });
    else if (want.recordHouseholds && want.recordIds?.length) {
      p = p
        .addFields({ pRecordHouseholds: '$pRecords.householdId' })
        .lookup({ from: C.users, localField: 'pRecordHouseholds', foreignField: 'householdId', as: 'pUsers' });
    }
    return p;
  });
  const user = activeUser(row);
  const [village] = joinedDocs(row, 'pVillages', villageSchema);
  if (!user.villageId || !village) throw new AppError('AUTH.NOT_JOINED');
  return {
    user,
    village,
    grids: joinedDocs(row, 'pGrids', gridSchema).filter((g) => g.kind === 'micro'),
    sets: joinedDocs(row, 'pSets', ruleSetSchema).sort((x, y) => y.version - x.version),
    households: joinedDocs(row, 'pHouseholds', householdSchema),
    records: joinedDocs(row, 'pRecords', pointRecordSchema),
    caps: new Map(joinedDocs(row, 'pCaps', capCounterSchema).map((c) => [c._id, c.count])),
    users: joinedDocs(row, 'pUsers', userSchema),
  };
}

/** The village's cadres (the secretary is a cadre too). */
export function villageCadres(villageId: string): Promise<User[]> {
  return list(C.users, { villageId, roles: 'cadre' }, userSchema, { limit: 20 });
}
