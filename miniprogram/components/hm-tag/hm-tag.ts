// hm-tag: a short label (a role, a status). Its colour says the kind — ok (green), wait (amber),
// bad (red), info (grey) — and its words say it too, never the colour alone.
export type TagTone = 'ok' | 'wait' | 'bad' | 'info';

Component({
  options: { styleIsolation: 'isolated' },
  properties: {
    tone: { type: String, value: 'ok' },
  },
});
