// The README prints the allowed table and its count as they are in the code.
import fs from 'node:fs';
import path from 'node:path';
import { tableMarkdown } from './table-markdown';

test('the README prints the allowed table and the matrix count', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const { markdown, actions, cases } = tableMarkdown();
  if (process.env.MATRIX_PRINT) console.log(`${actions} actions, ${cases} cases\n${markdown}`);
  expect(readme).toContain(markdown);
  expect(readme).toContain(`${actions} actions × 9 callers × own and another village = ${cases.toLocaleString('en')} calls`);
});
