// Reading what a tapped element carries (data-*), without trusting its type.
export function dataString(e: WechatMiniprogram.BaseEvent, key: string): string {
  const v: unknown = e.currentTarget.dataset[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function dataNumber(e: WechatMiniprogram.BaseEvent, key: string): number {
  const v: unknown = e.currentTarget.dataset[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : -1;
}
