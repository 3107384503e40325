// The wire schemas every function's input is built from (zod): one definition of an id, a client's
// key, a cloud file, a month and a day, so that every router accepts and refuses them alike.
import * as z from 'zod';

/** An action without input. */
export const empty = z.object({}).strict();
/** A document id. */
export const id = z.string().min(1).max(64);
/** The client-generated key that makes a retried write find what the first attempt wrote. */
export const clientKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** A cloud storage file ID. */
export const fileId = z.string().startsWith('cloud://').max(300);
/** A month, YYYY-MM. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A day, YYYY-MM-DD (China time). */
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
