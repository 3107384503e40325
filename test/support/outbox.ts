// What the local cloud recorded as sent on a function's behalf (subscribe messages, content and
// media checks), read through its control endpoint.
import type { TestCloud } from './localcloud';

export interface OutboxEntry {
  kind: string;
  touser?: string;
  templateId?: string;
  page?: string;
  content?: string;
  mediaUrl?: string;
}

export async function readOutbox(cloud: TestCloud): Promise<OutboxEntry[]> {
  return (await cloud.control<{ entries: OutboxEntry[] }>('GET', '/_localcloud/outbox')).entries;
}
