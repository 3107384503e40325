// The invite card's data (packages/village/invite.wxml) and the share message of its link.
import type { InviteView } from '../../typings/index';
import { expiresText } from './village-format';

export interface InviteCard {
  title: string;
  target: string;
  code: string;
  qrUrl: string;
  terms: string;
  path: string;
}

export function inviteCard(invite: InviteView): InviteCard {
  const target = invite.householdLabel ?? `${invite.villageName} ${invite.roleName ?? ''}：${invite.forName ?? ''}`;
  return {
    title: invite.kind === 'household' ? '邀请家人加入' : `邀请担任${invite.roleName ?? ''}`,
    target,
    // Read out in two halves: "ABCD 2345".
    code: `${invite.code.slice(0, 4)} ${invite.code.slice(4)}`,
    qrUrl: invite.qr?.url ?? '',
    terms: `${expiresText(invite.expiresAt)}${invite.usesLeft > 1 ? `，可供${invite.usesLeft}人使用` : '，仅限一人使用'}`,
    path: invite.path,
  };
}

/** What onShareAppMessage answers: the join page with the code. */
export function inviteShare(card: InviteCard | null, villageName: string): { title: string; path: string } | undefined {
  return card ? { title: `邀请您加入${villageName}`, path: card.path } : undefined;
}
