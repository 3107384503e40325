// hm-empty: what a page says when a list has nothing in it — a plain mark drawn in CSS (no icon
// font, no image: it shows offline), a title, a line of explanation and, in the slot, what to do.
Component({
  options: { styleIsolation: 'isolated' },
  properties: {
    title: { type: String, value: '这里还没有内容' },
    description: { type: String, value: '' },
  },
});
