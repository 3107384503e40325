// 红黑榜 rules as plain functions: the red list's ranking and ties, the black list's deductions with
// corrections taken off and no trace of who.
import { blackList, boards, redList, standingItems, type BoardLine } from '../../cloudfunctions/shared/notice/boards';

const line = (label: string, total: number, items: [string, number][] = []): BoardLine => ({
  label,
  total,
  items: items.map(([itemName, points]) => ({ itemName, points })),
});

/** `ahead` households on 50, 49, …; then B1, B2 and B3 tied on 20; then C on 19. */
const tieAfter = (ahead: number): BoardLine[] => [
  ...Array.from({ length: ahead }, (_, i) => line(`A${i}`, 50 - i)),
  line('B1', 20),
  line('B2', 20),
  line('B3', 20),
  line('C', 19),
];

describe('red list', () => {
  test('ranks by total, highest first, and lists the top 10', () => {
    const lines = Array.from({ length: 15 }, (_, i) => line(`${i + 1}号 户${i + 1}`, 100 - i));
    const red = redList(lines);
    expect(red).toHaveLength(10);
    expect(red.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(red[0]).toEqual({ rank: 1, label: '1号 户1', total: 100 });
    expect(red[9]).toEqual({ rank: 10, label: '10号 户10', total: 91 });
  });

  test('equal totals share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const red = redList([line('甲', 30), line('乙', 20), line('丙', 20), line('丁', 10)]);
    expect(red.map((r) => [r.rank, r.label, r.total])).toEqual([
      [1, '甲', 30],
      [2, '丙', 20],
      [2, '乙', 20],
      [4, '丁', 10],
    ]);
  });

  test('within a tie, households are listed by their label in Chinese order', () => {
    const red = redList([line('3组2号 王五', 8), line('1组1号 张三', 8), line('2组5号 李四', 8)]);
    expect(red.map((r) => r.label)).toEqual(['1组1号 张三', '2组5号 李四', '3组2号 王五']);
    expect(red.every((r) => r.rank === 1)).toBe(true);
  });

  test('a tie at the 10th place lists every household tied there', () => {
    const red = redList(tieAfter(9));
    expect(red).toHaveLength(12);
    expect(red.slice(9).map((r) => [r.rank, r.label])).toEqual([
      [10, 'B1'],
      [10, 'B2'],
      [10, 'B3'],
    ]);
    expect(red.some((r) => r.label === 'C')).toBe(false);
  });

  test('a tie across the 10th place: the rank after the tie is past 10, so nobody more', () => {
    const red = redList(tieAfter(8));
    expect(red.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9]);
  });

  test('households with no points or a negative month are never on it', () => {
    expect(redList([line('甲', 0), line('乙', -3)])).toEqual([]);
    expect(redList([line('甲', 5), line('乙', 0), line('丙', -3)]).map((r) => r.label)).toEqual(['甲']);
  });

  test('the size of the list can be chosen', () => {
    expect(redList([line('甲', 3), line('乙', 2), line('丙', 1)], 2).map((r) => r.label)).toEqual(['甲', '乙']);
  });
});

describe('black list', () => {
  test('aggregates deductions by item: count and points, the most points taken first', () => {
    const black = blackList([
      line('1号 张三', -1, [
        ['参加村民大会', 2],
        ['乱扔垃圾、乱倒污水', -3],
      ]),
      line('2号 李四', -5, [['焚烧秸秆或垃圾', -5]]),
      line('3号 王五', -6, [
        ['乱扔垃圾、乱倒污水', -3],
        ['乱扔垃圾、乱倒污水', -3],
      ]),
    ]);
    expect(black).toEqual([
      { itemName: '乱扔垃圾、乱倒污水', count: 3, points: -9 },
      { itemName: '焚烧秸秆或垃圾', count: 1, points: -5 },
    ]);
  });

  test('never carries a name or a household', () => {
    const lines = [line('1组1号 张三', -3, [['乱扔垃圾、乱倒污水', -3]]), line('1组2号 李四', -10, [['参与赌博或传播封建迷信', -10]])];
    const text = JSON.stringify(blackList(lines));
    for (const l of lines) {
      expect(text).not.toContain(l.label);
      for (const part of l.label.split(' ')) expect(text).not.toContain(part);
    }
    for (const entry of blackList(lines)) expect(Object.keys(entry).sort()).toEqual(['count', 'itemName', 'points']);
  });

  test('a deduction corrected by an upheld objection is no longer on it, nor is the correction', () => {
    const items: [string, number][] = [
      ['乱扔垃圾、乱倒污水', -3],
      ['乱扔垃圾、乱倒污水', -3],
      ['更正：乱扔垃圾、乱倒污水（2026-11-03）', 3],
    ];
    expect(standingItems(items.map(([itemName, points]) => ({ itemName, points })))).toEqual([
      { itemName: '乱扔垃圾、乱倒污水', points: -3 },
    ]);
    expect(blackList([line('1号 张三', -3, items)])).toEqual([{ itemName: '乱扔垃圾、乱倒污水', count: 1, points: -3 }]);
  });

  test('a correction of a positive item is not a deduction', () => {
    const upheld = line('1号 张三', 0, [
      ['参加村民大会', 2],
      ['更正：参加村民大会（2026-11-30）', -2],
    ]);
    // Generated into the notice, a counter-record bears the item's own name.
    const generated = line('2号 李四', 0, [
      ['参加志愿服务', 5],
      ['参加志愿服务', -5],
    ]);
    expect(blackList([upheld, generated])).toEqual([]);
  });

  test('a lone negative entry of an item others earned that month is a correction of an earlier month', () => {
    const lines = [line('1号', 2, [['参加村民大会', 2]]), line('2号', 2, [['参加村民大会', 2]]), line('3号', -2, [['参加村民大会', -2]])];
    expect(blackList(lines)).toEqual([]);
  });

  test('a lone correction of an earlier deduction does not hide the month’s real deductions of that item', () => {
    const lines = [
      line('1号', 3, [['乱扔垃圾、乱倒污水', 3]]),
      line('2号', -3, [['乱扔垃圾、乱倒污水', -3]]),
      line('3号', -3, [['乱扔垃圾、乱倒污水', -3]]),
    ];
    expect(blackList(lines)).toEqual([{ itemName: '乱扔垃圾、乱倒污水', count: 2, points: -6 }]);
  });

  test('ties in points: the more frequent first, then by name', () => {
    const black = blackList([
      line('1', -20, [['违法违规受到行政处罚', -20]]),
      line('2', -20, [['虐待、遗弃家庭成员', -20]]),
      line('3', -20, [
        ['阻挠公共工程建设', -10],
        ['阻挠公共工程建设', -10],
      ]),
    ]);
    expect(black.map((b) => b.itemName)).toEqual([
      '阻挠公共工程建设',
      ...['虐待、遗弃家庭成员', '违法违规受到行政处罚'].sort((a, b) => a.localeCompare(b, 'zh')),
    ]);
  });
});

test('boards: both lists and the deductions in all', () => {
  const result = boards([
    line('1号 张三', 7, [
      ['参加村民大会', 10],
      ['焚烧秸秆或垃圾', -5],
      ['参加村民大会', 2],
    ]),
    line('2号 李四', -3, [['乱扔垃圾、乱倒污水', -3]]),
  ]);
  expect(result.red).toEqual([{ rank: 1, label: '1号 张三', total: 7 }]);
  expect(result.black).toHaveLength(2);
  expect(result.deductions).toEqual({ count: 2, points: -8 });
});
