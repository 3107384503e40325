// hm-state: what a page shows while its data loads, or when the first load failed — the failure in
// the function's own words (errorText from the page shell) and 重新加载, which fires `retry`
// (bindretry="onRetry" on the host: the shell's retry). A page shows it with
// `wx:if="{{loading || failed}}"` and its content in the wx:else.
Component({
  options: { styleIsolation: 'isolated' },
  properties: {
    /** Still loading: a quiet line. Otherwise the failure and the retry. */
    loading: { type: Boolean, value: true },
    /** Why the load failed (the shell's errorText). */
    text: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry', {});
    },
  },
});
