// What must never reach a group or a log: an unmasked mainland mobile number or a
// street address. Shared by every test that looks at the bot's output.
import { expect } from 'vitest'
import type { OutLine } from '../../src/replay.js'

// 11 digits starting 13x-19x, alone or grouped 3-4-4 with spaces or dashes. The digit
// look-arounds keep epoch milliseconds and long ids out (1764563200000 is not a phone).
const PHONE = /(?<![\d])1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g

// A road, lane, building or room with a house number: 建国路88号, 3栋2单元501室, 幸福里12弄.
const ADDRESS = new RegExp(
  [
    '(?:路|街|大道|巷|弄|胡同|里)\\s*\\d+\\s*(?:号|弄)',
    '\\d+\\s*(?:栋|幢|座|号楼)\\s*\\d+\\s*(?:单元|室|层|楼)',
    '\\d+\\s*单元\\s*\\d+\\s*室?',
    '(?:省|市|区|县)[\\u4e00-\\u9fa5]{1,12}(?:路|街|道|镇|乡|村)',
  ].join('|'),
  'g',
)

/** Every phone number and address found in a text (empty when clean). */
export function findPii(text: string): string[] {
  return [...(text.match(PHONE) ?? []), ...(text.match(ADDRESS) ?? [])]
}

/** Group messages (private replies to the member who typed it are that member's own data). */
export const groupTexts = (out: OutLine[]): string[] => out.filter((o) => o.room !== undefined).map((o) => o.text)

/** Fail with the offending text when any of `texts` holds a phone number or an address. */
export function expectNoPii(texts: string[], where: string): void {
  const leaks = texts.flatMap((t) =>
    findPii(t).map((hit) => ({ hit, text: t.length > 300 ? t.slice(0, 300) + '…' : t })),
  )
  expect(leaks, `${where}: phone number or address in output`).toEqual([])
}

/** Phone numbers and addresses members type into the chat in these tests. */
export const PII_SAMPLES = {
  phones: ['13800001234', '139-1234-5678', '186 0000 9999'],
  addresses: ['朝阳区建国路88号', '幸福小区3栋2单元501室', '浦东新区世纪大道100号'],
}
