// Builds the local cloud and every function once before the tests, as `npm run build` does.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'localcloud', 'build.mjs')], { stdio: 'inherit' });
};
