// A test-only cloud function with no config.json that never answers: it runs into the cloud's
// default timeout (3 s).
export function main(): Promise<unknown> {
  return new Promise(() => undefined);
}
