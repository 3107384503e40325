// A test-only cloud function whose config.json has a key the cloud does not know: refused at load.
export async function main(): Promise<unknown> {
  return { ran: true };
}
