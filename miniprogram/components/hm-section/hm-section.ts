// hm-section: a card with a title (and an optional note on the right), holding a part of a page.
Component({
  options: { styleIsolation: 'isolated', multipleSlots: true },
  properties: {
    title: { type: String, value: '' },
    /** A short note beside the title, e.g. "共 12 条". */
    extra: { type: String, value: '' },
  },
});
