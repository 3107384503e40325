// Each built function's config.json (generated from its deploy.ts) is production-shaped and
// declares exactly the cloud calls its bundle makes: a call it leaves out would fail in the cloud
// with -604101, one it lists but never makes is a permission it should not hold.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/localcloud';
import { isRecord } from '../support/sdk';

const dir = path.join(ROOT, 'build', 'cloudfunctions');
const functions = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'index.js')));

/** Cloud calls a function might make through a category object, naming the method as a string (see village/qr.ts). */
const KNOWN = [
  'security.msgSecCheck',
  'security.imgSecCheck',
  'security.mediaCheckAsync',
  'subscribeMessage.send',
  'wxacode.getUnlimited',
  'phonenumber.getPhoneNumber',
];

/** The cloud calls a bundle makes: `openapi.<category>.<method>(`, or a category whose method it names as a string. */
function callsIn(bundle: string): string[] {
  const direct = [...bundle.matchAll(/openapi\.([A-Za-z]+)\.([A-Za-z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
  const byName = KNOWN.filter((api) => {
    const [category, method] = api.split('.');
    return bundle.includes(`openapi.${category}`) && bundle.includes(`"${method}"`);
  });
  return [...new Set([...direct, ...byName])].sort();
}

test.each(functions)('%s: config.json has a timeout, at most one timer, and exactly the cloud calls it makes', (fn) => {
  const config: unknown = JSON.parse(fs.readFileSync(path.join(dir, fn, 'config.json'), 'utf8'));
  if (!isRecord(config) || !isRecord(config.permissions)) throw new Error(`${fn}: no permissions in config.json`);
  expect(Object.keys(config).filter((k) => !['timeout', 'permissions', 'triggers'].includes(k))).toEqual([]);
  expect(typeof config.timeout === 'number' && config.timeout >= 1 && config.timeout <= 60).toBe(true);
  const triggers = config.triggers ?? [];
  expect(Array.isArray(triggers) && triggers.length <= 1).toBe(true);
  const openapi = config.permissions.openapi;
  if (!Array.isArray(openapi) || !openapi.every((a): a is string => typeof a === 'string'))
    throw new Error(`${fn}: permissions.openapi is not a list`);
  const bundle = fs.readFileSync(path.join(dir, fn, 'index.js'), 'utf8');
  expect(callsIn(bundle)).toEqual([...openapi].sort());
});
