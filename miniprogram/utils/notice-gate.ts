// What the notice pages show instead of the notice when the caller cannot see it: not in a village
// yet (a share card opened by someone outside: a way to join), waiting for confirmation, left, or a
// month with no notice.
export type Gate = '' | 'notJoined' | 'pending' | 'notFound';

export const JOIN_PAGE = '/packages/village/join/join';
export const HOME_PAGE = '/pages/home/home';

/** The stable code a failed call carries (the service layer's CloudError), read by shape: utils never import services. */
function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : '';
}

/** The gate a failed call leads to ('' for failures that are not about who may see what). */
export function gateOf(e: unknown): Gate {
  const code = codeOf(e);
  if (code === 'AUTH.NOT_JOINED' || code === 'AUTH.LEFT') return 'notJoined';
  if (code === 'AUTH.PENDING') return 'pending';
  if (code === 'COMMON.NOT_FOUND') return 'notFound';
  return '';
}

/** To the join page (packages/village); where that page is not in this build, to the home page. */
export function goJoin(): void {
  wx.navigateTo({ url: JOIN_PAGE, fail: () => wx.reLaunch({ url: HOME_PAGE }) });
}

export function goHome(): void {
  wx.reLaunch({ url: HOME_PAGE });
}

/**
 * Runs a notice page's fetch: what it answers, or the gate when the caller may not see it (an answer
 * the page shows in place, not a failure). Any other failure is thrown on, for the page shell.
 */
export async function behindGate<T>(fetch: () => Promise<T>): Promise<{ gate: Gate; value: T | null }> {
  try {
    return { gate: '', value: await fetch() };
  } catch (e) {
    const gate = gateOf(e);
    if (!gate) throw e;
    return { gate, value: null };
  }
}
