// The demo village 和美村 (清溪镇, 示范市), as the local cloud loads it (build/localcloud/demo.js):
// seeded into an empty store as of the clock's now, and the identities a developer can be.
export { demoIdentities, seedDemo } from './demo';
