// What the cloud needs besides the code (localcloud/build.mjs writes config.json from it).
// Its biggest batch: importing a village's spreadsheet (import.ts works in chunks).
import { declareFunction } from '../shared/deployment';

export const deployment = declareFunction({ timeout: 60, openapi: ['wxacode.getUnlimited'] });
