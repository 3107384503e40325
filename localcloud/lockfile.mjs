// Keeps package-lock.json installable with `npm ci` on a fresh machine. The registry this project is
// installed from serves only this platform's builds of packages with native binaries (@swc/core-*,
// @unrs/resolver-binding-*), so `npm install` leaves the other platforms' optional packages out of the
// lock, and `npm ci` then refuses the lock ("Missing: … from lock file"). This adds them back as
// optional entries for their own os/cpu, which npm ci skips on this machine.
// Run after every `npm install`: node localcloud/lockfile.mjs (deploy/'s lock: node localcloud/lockfile.mjs deploy)
import fs from 'node:fs';

const file = new URL(process.argv[2] ? `../${process.argv[2]}/package-lock.json` : '../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const LIBC = { gnu: 'glibc', gnueabihf: 'glibc', musl: 'musl', musleabihf: 'musl' };
let added = 0;
for (const [key, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (pkgs[`node_modules/${name}`] || pkgs[`${key}/node_modules/${name}`]) continue;
    // Platform packages are named <os>-<cpu>[-<abi>], e.g. core-darwin-arm64, resolver-binding-linux-arm-gnueabihf.
    const m = /(android|darwin|freebsd|linux|openharmony|win32)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(name);
    if (!m)
      throw new Error(`${name} (optional dependency of ${key || 'the project'}) is missing from the lock and is not a platform build`);
    const [, os, cpu, abi] = m;
    pkgs[`node_modules/${name}`] = {
      version,
      cpu: [cpu],
      ...(meta.dev ? { dev: true } : {}),
      ...(LIBC[abi] ? { libc: [LIBC[abi]] } : {}),
      optional: true,
      os: [os],
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `${file.pathname}: added ${added} other-platform optional packages` : `${file.pathname}: complete`);
