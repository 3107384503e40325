// What the local cloud's stand-ins for WeChat's servers were asked to do: subscribe messages sent
// content and media checks made (and their pushed results), phone numbers given. Tests read it over
// HTTP (`GET /_localcloud/outbox`).
import { clock } from './clock';

export type OutboxEntry =
  | { kind: 'subscribeMessage'; touser: string; templateId: string; page: string; data: unknown; caller: string }
  | { kind: 'msgSecCheck'; content: string; suggest: 'risky' | 'pass'; openid: string; scene: unknown }
  | { kind: 'imgSecCheck'; bytes: number; suggest: 'risky' | 'pass'; caller: string }
  | { kind: 'mediaCheckAsync'; url: string; mediaType: number; openid: string; traceId: string; suggest: 'risky' | 'pass' }
  | { kind: 'mediaCheckPush'; traceId: string; function: string; ok: boolean }
  | { kind: 'getPhoneNumber'; openid: string; phone: string };

export type RecordedEntry = OutboxEntry & { seq: number; at: string };

export class Outbox {
  private entries: RecordedEntry[] = [];
  private count = 0;

  constructor(private readonly riskyWords: string[]) {}

  record(entry: OutboxEntry): void {
    this.count += 1;
    this.entries.push({ ...entry, seq: this.count, at: new Date(clock.now()).toISOString() });
    if (this.entries.length > 5000) this.entries.shift();
  }

  get size(): number {
    return this.count;
  }

  list(): RecordedEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }

  /** The first configured risky word the text contains, if any. */
  riskyWordIn(text: string): string | undefined {
    return this.riskyWords.find((w) => w && text.includes(w));
  }
}
