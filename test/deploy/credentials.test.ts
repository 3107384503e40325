// Credentials come only from the environment, and a key file never from inside the repository.
import os from 'node:os';
import path from 'node:path';
import { cloudCredentials, wechatCredentials } from '../../deploy/src/credentials';
import { ROOT } from './fixture';

test('the cloud API key and environment are read from the environment, and named when missing', () => {
  expect(() => cloudCredentials({ TCB_ENV_ID: 'prod-1a2b' })).toThrow(
    'set TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY in the environment',
  );
  expect(cloudCredentials({ TCB_ENV_ID: 'prod-1a2b', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' })).toEqual({
    envId: 'prod-1a2b',
    secretId: 'id',
    secretKey: 'key',
    token: undefined,
  });
});

test('the code upload key is its text, or a file outside the repository', () => {
  expect(() => wechatCredentials({}, ROOT)).toThrow('set WX_APPID in the environment');
  expect(() => wechatCredentials({ WX_APPID: 'wx1' }, ROOT)).toThrow('set WX_CI_PRIVATE_KEY');
  expect(wechatCredentials({ WX_APPID: 'wx1', WX_CI_PRIVATE_KEY: 'key text' }, ROOT)).toEqual({
    appid: 'wx1',
    privateKey: { text: 'key text' },
  });
  const outside = path.join(os.tmpdir(), 'private.wx1.key');
  expect(wechatCredentials({ WX_APPID: 'wx1', WX_CI_PRIVATE_KEY_PATH: outside }, ROOT)).toEqual({
    appid: 'wx1',
    privateKey: { path: outside },
  });
  expect(() => wechatCredentials({ WX_APPID: 'wx1', WX_CI_PRIVATE_KEY_PATH: path.join(ROOT, 'private.wx1.key') }, ROOT)).toThrow(
    'must be outside the repository',
  );
});
