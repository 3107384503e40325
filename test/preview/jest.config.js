// npm run preview, step 1: renders every page of app.json in miniprogram-simulate (jsdom), as each
// demo role, against a local cloud with the demo village, into preview/html/. The same environment
// and set-up as the page tests (the `pages` project of jest.config.js): only what it runs differs.
const path = require('node:path');
const root = require('../../jest.config.js');

const pages = root.projects.find((p) => p.displayName === 'pages');
if (!pages) throw new Error('jest.config.js has no `pages` project');

/** @type {import('jest').Config} */
module.exports = {
  ...pages,
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'preview',
  globalSetup: root.globalSetup,
  testMatch: ['<rootDir>/test/preview/pages.preview.ts'],
  // The built functions' package.json files would collide in jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/build/'],
  testTimeout: 10 * 60_000,
};
