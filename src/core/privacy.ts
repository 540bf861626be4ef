// Phone numbers never appear whole in a group: every group-facing text that may carry
// something a member typed goes through maskPhones (the outbox applies it once more).

// A mainland mobile number, alone or written 138 0000 1234 / 138-0000-1234 / +86 …;
// a longer run of digits (a tracking or order number) is left alone.
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g

export function maskPhones(text: string): string {
  return text.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
}

/** The first mobile number in a text, digits only, or null. */
export function findPhone(text: string): { phone: string; index: number; length: number } | null {
  MOBILE.lastIndex = 0
  const m = MOBILE.exec(text)
  MOBILE.lastIndex = 0
  return m ? { phone: `${m[1]}${m[2]}${m[3]}`, index: m.index, length: m[0].length } : null
}

export const maskPhone = (phone: string): string => maskPhones(phone)
