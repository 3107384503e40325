// ID and phone numbers are never shown whole: only enough to recognise one's own.
export function maskId(id: string): string {
  return id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  return phone.length < 7 ? (phone ? '*'.repeat(phone.length) : '') : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
