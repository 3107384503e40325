// Function `village`: towns and villages, invites and joining, membership confirmation,
// households and members, grids and their leaders, roles, and the bulk import.
import * as z from 'zod';
import { createFunction } from '../shared/router';
import { grids, createGrid, renameGrid, setGridLeader } from './grids';
import { createHousehold, editHousehold, householdDetail, moveHousehold, overview } from './households';
import { importCommit, importPreview } from './import';
import { createInvite, inviteInfo, revokeInvite } from './invites';
import { join, myJoin } from './join';
import { addMember, editMember, leaveMember, moveMember } from './members';
import { confirm, pending, refuse } from './requests';
import { people, setRole } from './roles';
import { createVillage, townVillages } from './town';
import { spendDaily } from '../shared/limits';
import { empty, id } from '../shared/wire';

const name = z.string().trim().min(1).max(20);
const placeName = z.string().trim().min(1).max(30);
const code = z.string().trim().min(1).max(20);
const relation = z.string().trim().min(1).max(10);
const idNumber = z.string().trim().max(24);
const phone = z.string().trim().max(20);
const reason = z.string().trim().min(1).max(200);
const fileId = z.string().startsWith('cloud://').max(500);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const inviteInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household'), householdId: id }).strict(),
  z.object({ kind: z.literal('role'), role: z.enum(['cadre', 'keeper']), forName: name }).strict(),
  z.object({ kind: z.literal('secretary'), villageId: id, forName: name }).strict(),
]);

export const main = createFunction('village', {
  townVillages: { input: empty, run: (_req, ctx) => townVillages(ctx.openid) },
  createVillage: { input: z.object({ name: placeName }).strict(), run: (req, ctx) => createVillage(req.name, ctx.openid) },
  createInvite: { input: inviteInput, run: (req, ctx) => createInvite(req, ctx.openid) },
  revokeInvite: { input: z.object({ code }).strict(), run: (req, ctx) => revokeInvite(req.code, ctx.openid) },
  inviteInfo: {
    input: z.object({ code }).strict(),
    run: async (req, ctx) => {
      await spendDaily(ctx.openid, 'village.invite');
      return inviteInfo(req.code);
    },
  },
  join: {
    input: z.object({ code, name, idLast4: z.string().trim().max(4).optional() }).strict(),
    run: async (req, ctx) => {
      await spendDaily(ctx.openid, 'village.invite');
      return join(req, ctx.openid);
    },
  },
  myJoin: { input: empty, run: (_req, ctx) => myJoin(ctx.openid) },
  pending: { input: z.object({ villageId: id.optional() }).strict(), run: (req, ctx) => pending(req.villageId, ctx.openid) },
  confirm: { input: z.object({ requestId: id, relation: relation.optional() }).strict(), run: (req, ctx) => confirm(req, ctx.openid) },
  refuse: { input: z.object({ requestId: id, reason }).strict(), run: (req, ctx) => refuse(req.requestId, req.reason, ctx.openid) },
  overview: {
    input: z
      .object({
        villageId: id.optional(),
        gridId: id.optional(),
        q: z.string().trim().max(20).optional(),
        skip: z.number().int().min(0).max(100_000).optional(),
      })
      .strict(),
    run: (req, ctx) => overview(req, ctx.openid),
  },
  household: { input: z.object({ householdId: id }).strict(), run: (req, ctx) => householdDetail(req.householdId, ctx.openid) },
  createHousehold: {
    input: z
      .object({
        no: placeName,
        headName: name,
        headIdNumber: idNumber.min(1),
        headPhone: phone.optional(),
        gridId: id,
        groupId: id,
        address: z.string().trim().max(100).optional(),
      })
      .strict(),
    run: (req, ctx) => createHousehold(req, ctx.openid),
  },
  editHousehold: {
    input: z.object({ householdId: id, no: placeName.optional(), address: z.string().trim().max(100).optional() }).strict(),
    run: (req, ctx) => editHousehold(req, ctx.openid),
  },
  moveHousehold: {
    input: z.object({ householdId: id, gridId: id, groupId: id }).strict(),
    run: (req, ctx) => moveHousehold(req, ctx.openid),
  },
  addMember: {
    input: z.object({ householdId: id, name, relation, idNumber: idNumber.optional(), phone: phone.optional() }).strict(),
    run: (req, ctx) => addMember(req, ctx.openid),
  },
  editMember: {
    input: z
      .object({
        memberId: id,
        name: name.optional(),
        relation: relation.optional(),
        idNumber: idNumber.optional(),
        phone: phone.optional(),
      })
      .strict(),
    run: (req, ctx) => editMember(req, ctx.openid),
  },
  moveMember: { input: z.object({ memberId: id, toHouseholdId: id, relation }).strict(), run: (req, ctx) => moveMember(req, ctx.openid) },
  leaveMember: { input: z.object({ memberId: id, reason, on: day.optional() }).strict(), run: (req, ctx) => leaveMember(req, ctx.openid) },
  grids: { input: z.object({ villageId: id.optional() }).strict(), run: (req, ctx) => grids(req.villageId, ctx.openid) },
  createGrid: {
    input: z.object({ kind: z.enum(['micro', 'group']), name: placeName, parentId: id.optional() }).strict(),
    run: (req, ctx) => createGrid(req, ctx.openid),
  },
  renameGrid: {
    input: z.object({ gridId: id, name: placeName }).strict(),
    run: (req, ctx) => renameGrid(req.gridId, req.name, ctx.openid),
  },
  setGridLeader: {
    input: z.object({ gridId: id, personId: id.nullable() }).strict(),
    run: (req, ctx) => setGridLeader(req.gridId, req.personId, ctx.openid),
  },
  people: { input: z.object({ q: z.string().trim().max(20).optional() }).strict(), run: (req, ctx) => people(req.q, ctx.openid) },
  setRole: {
    input: z.object({ personId: id, role: z.enum(['cadre', 'keeper']), granted: z.boolean() }).strict(),
    run: (req, ctx) => setRole(req.personId, req.role, req.granted, ctx.openid),
  },
  importPreview: { input: z.object({ fileID: fileId }).strict(), run: (req, ctx) => importPreview(req.fileID, ctx.openid) },
  importCommit: { input: z.object({ fileID: fileId }).strict(), run: (req, ctx) => importCommit(req.fileID, ctx.openid) },
});
