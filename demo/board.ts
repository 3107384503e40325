// The demo village's 村务监督委员 (village supervision committee member), who signs off finance items
// of the notice board before they are published: a villager and household head of 和美村, as the
// demo identity `demo-supervisor`.
import { userSchema, type Member, type User } from '../cloudfunctions/shared/village/model';

export const DEMO_SUPERVISOR = 'demo-supervisor';

/** The supervisor's user, tied to `member` (the head of a demo household), whose record it links. */
export function demoSupervisor(member: Member, townId: string): User {
  member.userId = DEMO_SUPERVISOR;
  return userSchema.parse({
    _id: DEMO_SUPERVISOR,
    name: member.name,
    roles: ['supervisor', 'head', 'villager'],
    villageId: member.villageId,
    townId,
    householdId: member.householdId,
    memberId: member._id,
  });
}
