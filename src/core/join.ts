// Recognises "I'm in" messages (+1, 我要2份, 再加一份 ...) in free group chat.
// The bias is towards NOT recognising: a missed join costs the member a retry,
// a false join puts an order in their name.
import { normalize } from './text.js'
import { CN_NUMERAL_CHARS, parseCount, UNIT_WORDS } from './quantity.js'

export type JoinIntent = {
  mode: 'set' | 'add'
  quantity: number
  saleRef: number | null
  rest: string
}

const MAX_MESSAGE = 200
const MAX_REST = 8
const MAX_QUANTITY = 999

const NUM = `(\\d+|[${CN_NUMERAL_CHARS}]+)`
const UNIT = `(?:${[...UNIT_WORDS].sort((a, b) => b.length - a.length).join('|')})`
const NUM_AT = new RegExp(`^${NUM}`)
const UNIT_AT = new RegExp(`^\\s*${UNIT}`)
const NUM_UNIT_AT = new RegExp(`^${NUM}\\s*${UNIT}`)

// '#2', '#团2', '团2' (团 must start a word so that 参团2份 / 开团2 are not refs).
const SALE_REF = new RegExp(`(?:#\\s*团?|(?<![\\p{L}\\p{N}])团)\\s*(\\d{1,9})(?![\\d.]|${UNIT})`, 'u')

// A minus in front of a number is a withdrawal or a typo, never a join; the
// look-behind keeps ranges such as '3-2号楼' or '12-04' out of it.
const MINUS_BEFORE_NUMBER = new RegExp(`(?:^|[^\\p{L}\\p{N}])-\\s*[\\d${CN_NUMERAL_CHARS}]`, 'u')

// What may directly follow a number that is NOT a quantity: decimals, '1e3',
// '125g', '2个小时', '3号楼', '59元', '8点' ...
const NOT_QUANTITY_AFTER =
  /^(?:[.\d%a-z]|\s*个?\s*(?:小时|钟头|分钟|星期|礼拜|个月)|个?(?:小时|钟|分|秒|天|月|年|星期|礼拜|周|岁|人(?!份)|次)|号|楼|栋|幢|层|室|单元|元|块|毛|角|克|千克|公斤|米|点|时|日|折)/i

// Words right before a bare number that make it a count of something else:
// 还有2份吗, 买了3斤, 第2个, 每2个 ...
const NOT_QUANTITY_BEFORE = /[\da-z.+\-有了过第每前后这那哪几约近超共总]$/i
const NEGATION_BEFORE = /[不别没甭]$/

const SET_WORDS = ['我也要', '我还要', '我想要', '我要', '还要', '也要', '想要', '需要', '接龙', '要']
const ADD_WORDS = ['再加', '再来', '再要', '追加', '增加', '加']
const KEYWORD = `(${[...SET_WORDS, ...ADD_WORDS].sort((a, b) => b.length - a.length).join('|')})`
const WORD_FORM = new RegExp(`(?:${KEYWORD}\\s*\\+?\\s*)?${NUM}`, 'g')

// Politeness and join words that carry no variant / delivery information.
const FILLERS = [
  '谢谢团长',
  '麻烦团长',
  '我也要',
  '我还要',
  '我想要',
  '我要',
  '接龙',
  '参团',
  '跟团',
  '谢谢',
  '多谢',
  '麻烦',
  '团长',
  '/join',
]
const FILLER_TOKENS = new Set(['我', '要', '加', '哈', '哈哈', '呀', '啊', '哦', '噢', '嗯', '吧', '的'])
const QUESTION = /[?吗呢么]/

export function extractSaleRef(text: string): { ref: number | null; text: string } {
  const s = normalize(text)
  const m = SALE_REF.exec(s)
  const ref = m ? Number(m[1]) : 0
  if (!m || ref < 1) return { ref: null, text: s.trim() }
  const without = s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length)
  return { ref, text: without.replace(/[ \t]+/g, ' ').trim() }
}

type Hit = { mode: 'set' | 'add'; quantity: number; rest: string; restLimited: boolean }

export function parseJoin(text: string): JoinIntent | null {
  if (typeof text !== 'string' || text.length > MAX_MESSAGE) return null
  const flat = normalize(text).replace(/\s+/g, ' ').trim()
  if (flat === '' || MINUS_BEFORE_NUMBER.test(flat)) return null
  const { ref, text: s } = extractSaleRef(flat)
  // Two sale refs in one message: we cannot tell which one is meant.
  if (SALE_REF.test(s)) return null

  const hit = s.startsWith('+') ? plusForm(s) : /^\/join(?![a-z])/i.test(s) ? joinCommand(s) : wordForm(s)
  if (!hit) return null
  const rest = cleanRest(hit.rest)
  if (hit.restLimited && (QUESTION.test(rest) || [...rest.replace(/\s/g, '')].length > MAX_REST)) return null
  return { mode: hit.mode, quantity: hit.quantity, saleRef: ref, rest }
}

/** '+2', '+两份', '+1 大果': the + must open the message and be glued to the number. */
function plusForm(s: string): Hit | null {
  const q = readQuantity(s, 1)
  if (!q) return null
  return { mode: 'set', quantity: q.quantity, rest: s.slice(q.end), restLimited: false }
}

/** '/join' alone is 1; '/join 2' or '/join 2份 大果'. */
function joinCommand(s: string): Hit | null {
  const at = s.length - s.slice('/join'.length).trimStart().length
  if (!NUM_AT.test(s.slice(at))) return { mode: 'set', quantity: 1, rest: s.slice(at), restLimited: false }
  const q = readQuantity(s, at)
  if (!q) return null
  return { mode: 'set', quantity: q.quantity, rest: s.slice(q.end), restLimited: false }
}

/**
 * Reads the number at `at` plus an optional unit word. Returns null when the
 * number is not a plain count (decimal, '125g', '3号楼', 0, > 999 ...).
 */
function readQuantity(s: string, at: number): { quantity: number; end: number; hasUnit: boolean } | null {
  const m = NUM_AT.exec(s.slice(at))
  if (!m) return null
  let end = at + m[0].length
  const after = s.slice(end)
  if (NOT_QUANTITY_AFTER.test(after)) return null
  const unit = UNIT_AT.exec(after)
  if (unit) end += unit[0].length
  // A Chinese numeral must stand alone or carry a unit: 我要一样的 / 要一些 are not counts.
  else if (!/^\d/.test(m[1]) && after !== '' && !after.startsWith(' ')) return null
  const quantity = parseCount(m[1])
  if (quantity === null || quantity < 1 || quantity > MAX_QUANTITY) return null
  return { quantity, end, hasUnit: unit !== null }
}

/** Keyword forms (我要2份, 再加一份, 接龙2) and unit forms (2份, 大果 2份) anywhere in a short message. */
function wordForm(s: string): Hit | null {
  const found: { mode: 'set' | 'add'; quantity: number; start: number; end: number }[] = []
  for (const m of s.matchAll(WORD_FORM)) {
    const keyword = m[1]
    const start = m.index
    const before = s.slice(0, start)
    if (keyword ? NEGATION_BEFORE.test(before) : NOT_QUANTITY_BEFORE.test(before)) continue
    const numberAt = start + m[0].length - m[2].length
    const q = readQuantity(s, numberAt)
    // Only a keyword or a unit turns a number into a quantity; '2' alone is chatter.
    if (!q || (!keyword && !q.hasUnit)) {
      // An explicit form with an impossible count (我要0份, 要1000份) must not
      // fall back to some other number in the message.
      if (keyword || NUM_UNIT_AT.test(s.slice(numberAt))) return null
      continue
    }
    found.push({
      mode: keyword && ADD_WORDS.includes(keyword) ? 'add' : 'set',
      quantity: q.quantity,
      start,
      end: q.end,
    })
  }
  // Two quantities ('大果2份 小果1份') are ambiguous; let the member say it twice.
  if (found.length !== 1) return null
  const [f] = found
  return { mode: f.mode, quantity: f.quantity, rest: s.slice(0, f.start) + ' ' + s.slice(f.end), restLimited: true }
}

function cleanRest(rest: string): string {
  let r = rest
    .replace(/[,。!、;~…\p{So}\p{Sk}\uFE0F]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  for (let changed = true; changed;) {
    changed = false
    for (const f of FILLERS) {
      if (r.startsWith(f)) {
        r = r.slice(f.length).trim()
        changed = true
      }
      if (r.endsWith(f)) {
        r = r.slice(0, r.length - f.length).trim()
        changed = true
      }
    }
  }
  return r
    .split(' ')
    .filter((t) => !FILLER_TOKENS.has(t))
    .join(' ')
}
