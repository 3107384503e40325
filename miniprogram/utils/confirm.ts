// Before anything public, financial or irreversible: a confirmation that says what will happen, in
// the words of the person's own situation ("150 户的积分将计入累计积分，之后不能再改"). Resolves
// true only when they confirm; cancelling, or WeChat failing to show it, does nothing.
export function confirmAction(title: string, content: string, confirmText = '确定', cancelText = '再想想'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, confirmText, cancelText, success: (res) => resolve(res.confirm), fail: () => resolve(false) });
  });
}
