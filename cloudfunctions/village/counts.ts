// Counts per value of a field in one aggregation request (households per grid, per village …).
import type { CollectionName } from '../shared/collections';
import { aggregateRows } from '../shared/repo';

function field(row: unknown, key: string): unknown {
  return typeof row === 'object' && row !== null && key in row ? Reflect.get(row, key) : undefined;
}

export async function countBy(coll: CollectionName, match: Record<string, unknown>, by: string): Promise<Map<string, number>> {
  const rows = await aggregateRows(coll, (a) => a.match(match).group({ _id: `$${by}`, n: { $sum: 1 } }));
  const out = new Map<string, number>();
  for (const row of rows) {
    const id = field(row, '_id');
    const n = field(row, 'n');
    if (typeof id === 'string' && typeof n === 'number') out.set(id, n);
  }
  return out;
}
