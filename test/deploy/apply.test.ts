// The deploy's orchestration against an in-memory stand-in for the tools' remote ends
// (fake-cloud.ts): what `npm run deploy` leaves behind reads back as the plan, a second run
// changes nothing, and deploy:check sees what was later removed. The real services are not here.
import { applyPlan } from '../../deploy/src/tools/apply';
import { readLiveEnvironment } from '../../deploy/src/tools/live';
import { diffEnvironment } from '../../deploy/src/diff';
import { buildPlan } from '../../deploy/src/plan';
import { FakeCloud } from './fake-cloud';
import { makeProject, TWO_COLLECTIONS } from './fixture';

const cloud = { envId: 'prod-1a2b', secretId: 'id', secretKey: 'key', token: undefined };
const wechat = { appid: 'wx0123456789abcdef', privateKey: { text: 'test key' } };
const root = makeProject({
  collections: TWO_COLLECTIONS,
  functions: [
    {
      name: 'notice',
      config: {
        timeout: 60,
        triggers: [{ name: 'sweep', type: 'timer', config: '0 */10 * * * * *' }],
        permissions: { openapi: ['subscribeMessage.send'] },
      },
      code: 'cloud.openapi.subscribeMessage.send({})',
    },
    { name: 'account', config: { timeout: 10 } },
  ],
});
const plan = buildPlan(root, { envId: cloud.envId, appid: wechat.appid });

/** An environment someone set up by hand: one index wrong, rules open, an old timer left behind. */
function handMade(): FakeCloud {
  const fake = new FakeCloud();
  fake.collections.set('households', {
    indexes: new Map([
      [
        'villageId_1_no_1',
        {
          Name: 'villageId_1_no_1',
          Keys: [
            { Name: 'villageId', Direction: '1' },
            { Name: 'no', Direction: '1' },
          ],
          Unique: false,
        },
      ],
    ]),
    acl: 'READONLY',
  });
  fake.functions.set('notice', {
    Timeout: 3,
    Runtime: 'Nodejs16.13',
    Triggers: [{ TriggerName: 'monthly', Type: 'timer', TriggerDesc: '{"cron":"0 30 23 * * * *"}' }],
    code: null,
  });
  return fake;
}

test('a deployment leaves an environment that reads back as the plan', async () => {
  expect(plan.problems).toEqual([]);
  const fake = handMade();
  const log: string[] = [];
  await applyPlan(fake.tools(), root, plan, cloud, wechat, (line) => log.push(line));
  expect(diffEnvironment(plan, await readLiveEnvironment(fake.tools(), cloud))).toEqual([]);
  // The wrong index was recreated, the missing ones created; the new function got our runtime.
  expect(fake.calls).toEqual([
    'createIndex households.villageId_1_no_1',
    'createIndex notices.villageId_1_month_-1',
    'createFunction account Nodejs16.13',
  ]);
  expect(fake.uploads).toEqual([expect.objectContaining({ appid: wechat.appid, version: '1.2.3' })]);
  expect(fake.uploads[0]?.config).toContain("mode: 'cloud'");
  expect(fake.uploads[0]?.config).toContain("envId: 'prod-1a2b'");
  expect(log).toContain('  function notice: code uploaded, timeout 60 s, triggers sweep');

  fake.calls = [];
  await applyPlan(fake.tools(), root, plan, cloud, wechat, () => undefined);
  expect(fake.calls).toEqual([]);
  expect(diffEnvironment(plan, await readLiveEnvironment(fake.tools(), cloud))).toEqual([]);
});

test('deploy:check reads a removed index and a permission missing from the uploaded config.json', async () => {
  const fake = handMade();
  await applyPlan(fake.tools(), root, plan, cloud, wechat, () => undefined);
  fake.collections.get('notices')?.indexes.clear();
  // Someone re-uploaded notice from a folder whose config.json declares no cloud calls.
  const notice = fake.functions.get('notice');
  if (!notice) throw new Error('notice was not deployed');
  const bare = makeProject({
    functions: [{ name: 'notice', config: { timeout: 60, triggers: [{ name: 'sweep', type: 'timer', config: '0 */10 * * * * *' }] } }],
  });
  await fake.ci().cloud.uploadFunction({
    project: {},
    env: cloud.envId,
    name: 'notice',
    path: `${bare}/build/cloudfunctions/notice`,
    remoteNpmInstall: true,
  });
  expect(diffEnvironment(plan, await readLiveEnvironment(fake.tools(), cloud))).toEqual([
    { kind: 'missing index', target: 'notices.villageId_1_month_-1', expected: '(villageId asc, month desc)', actual: 'none' },
    { kind: 'missing permission', target: 'notice:subscribeMessage.send', expected: 'granted', actual: 'none' },
  ]);
});
