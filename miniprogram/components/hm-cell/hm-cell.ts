// hm-cell: one row of a list — a title (and a line under it), a value on the right, an arrow when it
// leads somewhere. At least --tap-min high; when the value does not fit beside the title (long
// names, 关怀模式) it wraps onto its own line instead of being cut off. With `url` a tap opens that
// page; any tap fires `tap` (bindtap on the host) when the cell is a link or `clickable`.
Component({
  options: { styleIsolation: 'isolated', multipleSlots: true },
  properties: {
    title: { type: String, value: '' },
    /** A line under the title (muted). */
    label: { type: String, value: '' },
    /** On the right (or under the title when it does not fit). */
    value: { type: String, value: '' },
    /** A page to open on tap (wx.navigateTo). */
    url: { type: String, value: '' },
    /** Shows the arrow and fires tap without a url. */
    clickable: { type: Boolean, value: false },
    /** The line under the row (off for a row alone in its card). */
    border: { type: Boolean, value: true },
  },
  methods: {
    onTap() {
      if (!this.data.url && !this.data.clickable) return;
      this.triggerEvent('tap', {});
      if (this.data.url) wx.navigateTo({ url: this.data.url });
    },
  },
});
