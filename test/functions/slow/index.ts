// A test-only cloud function with a 1 s timeout (config.json) that can outlive it.
interface SlowEvent {
  ms?: number;
}

export async function main(event: SlowEvent): Promise<{ sleptMs: number }> {
  const ms = event.ms ?? 0;
  await new Promise((r) => setTimeout(r, ms));
  return { sleptMs: ms };
}
