// `npm run lint` (its layering part): prints every import that breaks a layering rule; exits 1 if any.
// The tree checked is the repository's, or the folder given as the first argument (a test plants one).
import path from 'node:path';
import { checkLayering, LAYER_RULES, sourceTree } from './layering';

const root = process.argv[2] ?? path.resolve(__dirname, '..', '..');
const violations = checkLayering(sourceTree(root));
for (const v of violations) console.error(`${v.file}: imports ${v.imports} — ${v.rule}`);
console.log(`layering: ${LAYER_RULES.length} rules, ${violations.length} violation(s)`);
process.exit(violations.length ? 1 : 0);
