export type * from './account';
export type * from './api';
export type * from './envelope';
export type * from './points';
export type * from './roles';
export type { ErrorCode } from './errors';
export { ERROR_CODES } from './errors';
export type * from './demo';
