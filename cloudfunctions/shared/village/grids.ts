// Where a household sits: a 联户小组 (group) inside a 微网格 (micro grid) of the same village.
import { AppError } from '../errors';
import type { Grid } from './model';

export function checkPlacement(grids: Grid[], villageId: string, gridId: string, groupId: string): { grid: Grid; group: Grid } {
  const grid = grids.find((g) => g._id === gridId && g.kind === 'micro' && g.villageId === villageId);
  const group = grids.find((g) => g._id === groupId && g.kind === 'group' && g.villageId === villageId);
  if (!grid) throw new AppError('VILLAGE.BAD_GRID', '没有这个网格');
  if (!group || group.parentId !== grid._id) throw new AppError('VILLAGE.BAD_GRID', '联户小组不属于这个网格');
  return { grid, group };
}

/** A grid's name must be new among its siblings (micro grids of the village, groups of one micro grid). */
export function checkGridName(grids: Grid[], kind: Grid['kind'], parentId: string | null, name: string, exceptId?: string): void {
  const taken = grids.some((g) => g._id !== exceptId && g.kind === kind && g.parentId === parentId && g.name === name);
  if (taken) throw new AppError('VILLAGE.BAD_GRID', kind === 'micro' ? '已有同名的网格' : '这个网格里已有同名的联户小组');
}
