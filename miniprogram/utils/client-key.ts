// The key a form sends with its submission, made once per form: a retry after a weak network sends
// the same key, and the function records nothing twice.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newClientKey(): string {
  let random = '';
  for (let i = 0; i < 12; i++) random += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length));
  return `${Date.now().toString(36)}${random}`;
}
