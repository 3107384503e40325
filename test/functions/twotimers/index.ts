// A test-only cloud function whose config.json declares two timer triggers, which WeChat cloud
// refuses: the local cloud must refuse it too.
export async function main(): Promise<unknown> {
  return { ran: true };
}
