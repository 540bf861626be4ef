// Numbers as members type them: ASCII digits or small Chinese numerals, and
// money in yuan converted to integer fen without ever going through floats.
import { normalize } from './text.js'
import { COUNTING_UNITS } from './words.js'

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** Characters that can make up a Chinese numeral accepted by parseCount. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十'

export function parseCount(s: string): number | null {
  const t = s.trim()
  if (/^\d+$/.test(t)) {
    const n = Number(t)
    return Number.isSafeInteger(n) ? n : null
  }
  // 两 is only idiomatic on its own ('两份'); '两十' or '十两' are not numbers.
  if (t === '两') return 2
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t)
  if (m && t !== '') {
    const [, tens, ten, ones] = m
    if (!ten) return tens && !ones ? DIGIT[tens] : null
    return (tens ? DIGIT[tens] : 1) * 10 + (ones ? DIGIT[ones] : 0)
  }
  if (t === '零' || t === '〇') return 0
  return null
}

const MAX_FEN = 10_000_000 * 100

export function parseMoney(s: string): number | null {
  const m = /^[¥]?\s*(\d+)(?:\.(\d{1,2}))?\s*(?:元|块钱|块|rmb)?$/i.exec(normalize(s).trim())
  if (!m) return null
  const [, yuan, frac = ''] = m
  // Strip leading zeros before the length check so '0000059' is still 59.
  const digits = yuan.replace(/^0+(?=\d)/, '')
  if (digits.length > 9) return null
  const fen = Number(digits) * 100 + Number(frac.padEnd(2, '0'))
  return fen <= MAX_FEN ? fen : null
}

// Counting words for goods ('2份', '两盒'): one list, kept with the reader's words.
export const UNIT_WORDS: readonly string[] = COUNTING_UNITS
