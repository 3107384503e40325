// Text others would read that the content check did not pass is held, not refused and never
// published unchecked: saved, shown to its author and the cadres with why, until a cadre who did
// not write it releases (publishes) or withdraws it. One shape for every kind (letters, board items,
// goods, matters, comments).

/** risky: the check found it unsuitable; review: the check asks a person to look; unavailable: the check could not be made. */
export type HoldReason = 'risky' | 'review' | 'unavailable';

export interface HoldView {
  reason: HoldReason;
  /** Why, in a sentence, for the author and the cadres (e.g. "内容安全检查暂时无法完成"). */
  reasonText: string;
  /** When it was held (ISO). */
  at: string;
}

/** What a cadre does with held content: publish it as it is, or take it back to a draft (off the shelf). */
export type HoldDecision = 'release' | 'withdraw';
