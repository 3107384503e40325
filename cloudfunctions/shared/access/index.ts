// The one access module: roles, the grids and households someone leads, separation of duties.
export * from './roles';
export * from './grids';
export * from './duties';
export * from './village';
export * from './complaints';
