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

// A road, lane, building or room with a house number: 建国路88号, 3栋2单元501室, 幸福里12弄.
const ADDRESS = new RegExp(
  [
    '(?:[\\u4e00-\\u9fa5]{0,12}(?:省|市|区|县))?[\\u4e00-\\u9fa5]{0,12}(?:路|街|大道|巷|弄|胡同|里)\\s*\\d+\\s*(?:号|弄)(?:\\s*\\d+\\s*(?:栋|幢|座|号楼|单元|室|层|楼))*',
    '[\\u4e00-\\u9fa5]{0,12}\\d+\\s*(?:栋|幢|座|号楼)\\s*\\d+\\s*(?:单元|室|层|楼)(?:\\s*\\d+\\s*(?:单元|室|层|楼))*',
    '\\d+\\s*单元\\s*\\d+\\s*室?',
    '[\\u4e00-\\u9fa5]{0,12}(?:省|市|区|县)[\\u4e00-\\u9fa5]{1,12}(?:路|街|道|镇|乡|村)',
  ].join('|'),
  'g',
)

/**
 * Street addresses a member types in a group are hidden before anything is stored or
 * echoed: the bot collects addresses only in a private chat (/address).
 */
export function maskAddresses(text: string): string {
  return text.replace(ADDRESS, '[地址已隐藏]')
}
