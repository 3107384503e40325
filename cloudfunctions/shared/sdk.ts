// wx-server-sdk, initialised once per function instance (module scope, as the cloud reuses
// instances), for the environment the function runs in.
import cloud from 'wx-server-sdk';

// The SDK's own typings reject its DYNAMIC_CURRENT_ENV symbol for `env`, which its docs recommend:
// call init through Reflect.apply rather than cast the symbol to a string.
Reflect.apply(cloud.init, cloud, [{ env: cloud.DYNAMIC_CURRENT_ENV }]);

export { cloud };
export const db = cloud.database();
export const _ = db.command;
