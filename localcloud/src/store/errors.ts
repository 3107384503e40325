// Errors of the local store, with the code strings the CloudBase admin API uses on the wire
// (wx-server-sdk maps them to its numeric errCodes, e.g. DATABASE_COLLECTION_NOT_EXIST → -502005).
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFoundCollection = (name: string): StoreError =>
  new StoreError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);

export const invalidParam = (message: string): StoreError => new StoreError('INVALID_PARAM', message);

export const transactionConflict = (what: string): StoreError =>
  new StoreError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${what}`);

export const duplicateKey = (coll: string, index: string, key: string): StoreError =>
  new StoreError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${key.split('\u0000').join(', ')}`,
  );
