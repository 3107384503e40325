// Stable error codes, shared by the functions (which raise them) and the pages (which may react to
// a particular one, e.g. NOT_JOINED leads to the join page). Messages live with the functions.
export const ERROR_CODES = [
  'COMMON.INVALID_INPUT',
  'COMMON.UNKNOWN_ACTION',
  'COMMON.NOT_FOUND',
  'COMMON.INTERNAL',
  'COMMON.BUSY',
  'AUTH.NO_IDENTITY',
  'AUTH.NOT_JOINED',
  'AUTH.FORBIDDEN',
  'AUTH.OTHER_VILLAGE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
