// hm-button: the one button of the pages. A view, not a native <button> (whose base style fixes its
// width at 184px and draws a border in ::after): at least --tap-min high, text from the tokens, so
// 关怀模式 enlarges it. Fires `tap` (bindtap on the host) unless disabled or loading, so a
// double tap while a request runs does nothing.
export type ButtonType = 'primary' | 'danger' | 'plain' | 'default';

Component({
  options: { styleIsolation: 'isolated' },
  properties: {
    /** primary (green, the default), danger (red), plain (outlined), default (grey). */
    type: { type: String, value: 'primary' },
    disabled: { type: Boolean, value: false },
    /** Shows a spinner and 请稍候 for a screen reader; taps do nothing meanwhile. */
    loading: { type: Boolean, value: false },
    /** Full width (the default); false sizes it to its text. */
    block: { type: Boolean, value: true },
  },
  methods: {
    onTap() {
      if (this.data.disabled || this.data.loading) return;
      this.triggerEvent('tap', {});
    },
  },
});
