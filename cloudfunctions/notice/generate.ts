// Building a month's notice: every household of the village with its approved points of the month,
// item by item. A bounded number of reads whatever the village's size: one aggregation for the
// records, the households page by page (1,000 a read).
import { C } from '../shared/collections';
import { householdSchema, type Household } from '../shared/village/model';
import type { NoticeLine } from '../shared/notice/model';
import { aggregateRows, listAll } from '../shared/repo';
import * as z from 'zod';

const groupRowSchema = z.object({
  _id: z.string(),
  total: z.number(),
  items: z.array(z.object({ recordId: z.string(), itemName: z.string(), points: z.number(), occurredOn: z.string() })),
});

/** Approved points of the month per household; a correction shows as what it is ("更正：…"), not as the item it corrects. */
export async function monthTotals(villageId: string, month: string): Promise<Map<string, z.infer<typeof groupRowSchema>>> {
  const out = new Map<string, z.infer<typeof groupRowSchema>>();
  for (let skip = 0; ; skip += 1000) {
    const rows = await aggregateRows(C.pointRecords, (a) =>
      a
        .match({ villageId, month, status: 'approved' })
        .sort({ occurredOn: 1 })
        .group({
          _id: '$householdId',
          total: { $sum: '$points' },
          items: {
            $push: {
              recordId: '$_id',
              itemName: { $cond: [{ $eq: [{ $ifNull: ['$reverses', null] }, null] }, '$itemName', '$note'] },
              points: '$points',
              occurredOn: '$occurredOn',
            },
          },
        })
        .sort({ _id: 1 })
        .skip(skip)
        .limit(1000),
    );
    for (const row of rows) {
      const parsed = groupRowSchema.parse(row);
      out.set(parsed._id, parsed);
    }
    if (rows.length < 1000) return out;
  }
}

export function noticeLines(households: Household[], totals: Map<string, z.infer<typeof groupRowSchema>>): NoticeLine[] {
  return households
    .map((h) => {
      const t = totals.get(h._id);
      return { householdId: h._id, label: `${h.no} ${h.headName}`, gridId: h.gridId, total: t?.total ?? 0, items: t?.items ?? [] };
    })
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'zh'));
}

export async function generateLines(villageId: string, month: string): Promise<NoticeLine[]> {
  const [households, totals] = await Promise.all([listAll(C.households, { villageId }, householdSchema), monthTotals(villageId, month)]);
  return noticeLines(households, totals);
}
