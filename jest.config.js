// Two projects: the local cloud and the cloud functions run in node; pages run in jsdom with
// miniprogram-simulate. Both reach the real built functions on a real local cloud.
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};

// Built function folders carry package.json files of their own (two named `shop`): not modules to map.
const modulePathIgnorePatterns = ['<rootDir>/build/'];

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.js',
  projects: [
    {
      displayName: 'node',
      modulePathIgnorePatterns,
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/pages/'],
    },
    {
      displayName: 'pages',
      modulePathIgnorePatterns,
      testEnvironment: 'jsdom',
      // node's export conditions, not jsdom's default "browser": the in-process wx-server-sdk (for
      // fixtures) then loads the same node build of @cloudbase/app the functions run with.
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      transform,
      testMatch: ['<rootDir>/test/pages/**/*.test.ts'],
      // Installs the one global wx (before miniprogram-simulate loads), getApp, getCurrentPages.
      setupFilesAfterEnv: ['<rootDir>/test/pages/support/setup.ts'],
    },
  ],
  // A test may take longer in the run at production-like latency (LOCALCLOUD_DB_LATENCY_MS=15, every
  // database request 15 ms later); a function past its own declared timeout still fails the test.
  testTimeout: Number(process.env.LOCALCLOUD_DB_LATENCY_MS ?? 0) > 0 ? 180_000 : 60_000,
};
