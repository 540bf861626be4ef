// The reader's first pass: mark the group's item and sale words, drop the noise around a
// join (mentions, emoji, building and room numbers), then cut what is left into tokens.
import { parseCount } from './quantity.js'
import {
  ADD_WORDS,
  ALL_ITEMS_WORDS,
  ALL_SALES_WORDS,
  CHANGE_TO_WORDS,
  EACH_WORDS,
  FILLER,
  NOT_QUANTITY_AFTER,
  NUMERAL_WORDS,
  ORDER_WORDS,
  PROXY_WORDS,
  SUBTRACT_WORDS,
  SWITCH_WORDS,
  TUAN_WORDS,
  UNITS,
} from './words.js'
import type { Vocab } from './reader.js'

export type Target = { sale: number; item: number | null }
export type Op = 'order' | 'add' | 'sub' | 'to' | 'switch'
export type Token =
  | { kind: 'target'; target: Target }
  | { kind: 'all'; targets: Target[] }
  | { kind: 'each' }
  | { kind: 'op'; op: Op }
  /** +N, -N, ×N, or a number with a unit */
  | { kind: 'qty'; qty: number; minus: boolean }
  /** a number standing alone */
  | { kind: 'num'; qty: number }
  /** a number too big to be a count, where a count stands */
  | { kind: 'huge' }
  /** a sale number that is not open (0: 团 with no number) */
  | { kind: 'badref'; no: number }

export type Scanned = {
  tokens: Token[]
  /** the message with items marked and noise dropped: what the not-an-order rules read */
  marked: string
  /** the same without 团 words and the proxy name: what cancel phrases are matched on */
  plain: string
  /** the characters no token took, word by word */
  words: string[]
  /** what each marker character stands for */
  targets: Target[][]
  forName: string | null
  /** 帮她 / 代购: for someone, but who is not clear */
  forUnclear: boolean
}

/** Private-use characters stand for item and sale words once they are found. */
const MARK0 = 0xe000
export const isMark = (ch: string) => ch.length === 1 && ch.charCodeAt(0) >= MARK0 && ch.charCodeAt(0) < MARK0 + 4000

const byLength = (ws: readonly string[]) => [...ws].sort((a, b) => b.length - a.length)
const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const alt = (ws: readonly string[]) => byLength(ws).map(esc).join('|')

const CN = '零〇一二两三四五六七八九十俩仨'
const NUM = `(\\d+(?:\\.\\d+)?|[${CN}]+)`
const UNIT_AT = new RegExp(`\\s*(?:${alt(UNITS)})`, 'y')
const NOT_AFTER_AT = new RegExp(`(?:${alt(NOT_QUANTITY_AFTER)})`, 'y')
/** Characters a word of any list can start with: most characters start none, and skip every list. */
const STARTS = new Set(
  [CHANGE_TO_WORDS, SWITCH_WORDS, ADD_WORDS, SUBTRACT_WORDS, ORDER_WORDS, ALL_ITEMS_WORDS, ALL_SALES_WORDS, EACH_WORDS]
    .flat()
    .map((w) => w.charAt(0)),
)
const REF_STARTS = new Set(['#', '团', '第', ...'0123456789'])
const OPS: [RegExp, Op][] = [
  [new RegExp(`(?:${alt(CHANGE_TO_WORDS)})`, 'y'), 'to'],
  [new RegExp(`(?:${alt(SWITCH_WORDS)})`, 'y'), 'switch'],
  [new RegExp(`(?:${alt(ADD_WORDS)})`, 'y'), 'add'],
  [new RegExp(`(?:${alt(SUBTRACT_WORDS)})`, 'y'), 'sub'],
  [new RegExp(`(?:${alt(ORDER_WORDS)})`, 'y'), 'order'],
]
const ALL_ITEMS_AT = new RegExp(`(?:${alt(ALL_ITEMS_WORDS)})`, 'y')
const ALL_SALES_AT = new RegExp(`(?:${alt(ALL_SALES_WORDS)})`, 'y')
const EACH_AT = new RegExp(`(?:${alt(EACH_WORDS)})`, 'y')
const SALE_REFS: RegExp[] = [
  /#\s*团?\s*(\d{1,3})(?!\d)/y,
  /团\s*(\d{1,3})(?!\d)/y,
  /(\d{1,3})\s*团/y,
  new RegExp(`第\\s*([\\d${CN}]{1,3})\\s*个?\\s*团`, 'y'),
]
const PLUS_AT = new RegExp(`\\+\\s*${NUM}`, 'y')
const MINUS_AT = new RegExp(`-\\s*${NUM}`, 'y')
const TIMES_AT = new RegExp(`[x×*]\\s*${NUM}`, 'y')
const NUM_AT = new RegExp(NUM, 'y')
const POISON_AT = /\d+(?:[.\u2044/]\d*|(?!(?:g|kg|ml)(?![a-z]))[a-wyz])[\da-z.\u2044/]*/y

// Noise: @mentions, WeChat emoji codes ([玫瑰]), emoji, and where the member lives
// (3号楼, 5栋1单元502, A302, 3-302, 7-1-301, B座1203).
const NOISE: RegExp[] = [
  /@[^\s@+]{1,20}/g,
  // phone numbers and other long ids: never a count
  /(?<![\d.])\d{7,}(?![\d.])/g,
  /\[[^\[\]\s]{1,8}\]/g,
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]/gu,
  /(?:[a-z]?\d{1,4}\s*(?:号楼|栋|幢|座|单元|楼|层|室|区|期|号))+(?:[a-z]?\d{1,5}(?:室|号)?(?![\d份盒斤箱袋瓶个件只条]))?/g,
  /(?<![a-z\d])[a-z]座\s*\d{0,5}/g,
  /(?<![a-z\d])[a-wyz]\d{2,5}(?!\d)/g,
  /(?<![\d-])\d{1,4}(?:-\d{1,5}){1,2}(?![\d])/g,
]
/** Noise that can hold no item name: mentions, emoji codes, phone numbers, addresses with their units. */
const PLAIN_NOISE = NOISE.slice(0, 5)

/** The text without the noise any group would ignore, for the pure pre-filter. */
export const dropPlainNoise = (text: string) => PLAIN_NOISE.reduce((s, re) => s.replace(re, ' '), text)

const TUAN = new RegExp(`(?:${alt(TUAN_WORDS)})`, 'g')
const FILLER_AT_START = new RegExp(`^(?:\\s*(?:${alt(FILLER.filter((f) => f !== '帮我' && f !== '我'))}))+\\s*`)
const PROXY = new RegExp(
  `^(?:${alt(PROXY_WORDS)})\\s*([^\\s+\\d\\u{e000}-\\u{efff}]{1,8}?)(?=\\s|\\+|\\d|[\\u{e000}-\\u{efff}]|$|${alt([...ORDER_WORDS, ...CHANGE_TO_WORDS, ...ADD_WORDS.filter((w) => w !== '再'), '减', '取消', '接龙'])})`,
  'u',
)

type Term = { key: string; targets: Target[] }

/** Item names and title words of the open sales, longest first. */
function termsOf(vocab: Vocab): Term[] {
  const byKey = new Map<string, { items: Target[]; titles: Target[] }>()
  const put = (key: string, tg: Target, isItem: boolean) => {
    if (key.length < 1) return
    const e = byKey.get(key) ?? { items: [], titles: [] }
    ;(isItem ? e.items : e.titles).push(tg)
    byKey.set(key, e)
  }
  for (const s of vocab.sales) {
    for (const i of s.items)
      if (i.name.trim() !== '') put(i.name.toLowerCase().replace(/\s+/g, ''), { sale: s.no, item: i.id }, true)
    for (const w of titleWords(s.title)) put(w, { sale: s.no, item: null }, false)
  }
  const out: Term[] = []
  for (const [key, e] of byKey) {
    // an item name beats a title word; a word two sales share names neither
    const tgs = e.items.length > 0 ? e.items : e.titles
    if (new Set(tgs.map((x) => x.sale)).size > 1) continue
    if (e.items.length === 0 && new Set(e.titles.map((x) => x.sale)).size !== 1) continue
    out.push({ key, targets: [tgs[0]] })
  }
  return out.sort((a, b) => b.key.length - a.key.length)
}

const UNIT_SET = new Set(UNITS)
const COMMON = new Set(FILLER)

/** Words of a sale's title a member may use for it: runs of letters, and their parts of 2+ characters. */
export function titleWords(title: string): string[] {
  const runs = title.toLowerCase().match(/[\p{Script=Han}a-z]+/gu) ?? []
  const out = new Set<string>()
  for (const r of runs) {
    const cs = [...r]
    for (let i = 0; i < cs.length; i++) {
      if (UNIT_SET.has(cs[i])) continue
      for (let j = i + 2; j <= cs.length; j++) {
        const w = cs.slice(i, j).join('')
        if (!COMMON.has(w) && /\p{Script=Han}/u.test(w)) out.add(w)
      }
    }
  }
  return [...out]
}

// The same few sales are read against message after message: their terms are kept by the
// words they come from (a small cache, emptied when full).
const termCache = new Map<string, Term[]>()
const TERM_CACHE_MAX = 256

function termsFor(vocab: Vocab): Term[] {
  const key = vocab.sales
    .map((s) => `${s.no}\u0001${s.title}\u0001${s.items.map((i) => `${i.id}\u0002${i.name}`).join('\u0001')}`)
    .join('\u0000')
  let terms = termCache.get(key)
  if (!terms) {
    if (termCache.size >= TERM_CACHE_MAX) termCache.clear()
    termCache.set(key, (terms = termsOf(vocab)))
  }
  return terms
}

export function scan(input: string, vocab: Vocab, lineMode = false): Scanned {
  // the marker characters are ours: a member's own private-use characters are dropped
  const text = input.replace(/[\ue000-\uefff]/g, '')
  const terms = termsFor(vocab)
  const targets: Target[][] = []
  // mark item and title words first: an item name may hold digits (500g) that noise rules would eat
  let s = ''
  for (let i = 0; i < text.length;) {
    const prev = text.charAt(i - 1)
    const hit = terms.find(
      (tm) => text.startsWith(tm.key, i) && !(/[a-z\d]/.test(tm.key.charAt(0)) && /[a-z\d]/.test(prev)),
    )
    if (hit && targets.length < 4000) {
      s += String.fromCharCode(MARK0 + targets.length)
      targets.push(hit.targets)
      i += hit.key.length
    } else s += text.charAt(i++)
  }
  for (const re of NOISE) s = s.replace(re, ' ')
  const marked = s.replace(/\s+/g, ' ').trim()
  let plain = marked.replace(TUAN, ' ').replace(/\s+/g, ' ').trim()
  let forName: string | null = null
  let forUnclear = false
  const lead = FILLER_AT_START.exec(plain)
  const afterFill = lead ? plain.slice(lead[0].length) : plain
  // 帮王姐 / 代李四: a name of two characters or more (代购 and 帮她 name nobody)
  const px = PROXY.exec(afterFill)
  if (px) {
    const name = px[1]
    if (name === '我') plain = afterFill.slice(px[0].length)
    else if ([...name].length >= 2 && !name.startsWith('忙')) {
      forName = name
      plain = afterFill.slice(px[0].length)
    } else if (!name.startsWith('忙')) forUnclear = true
  }
  const { tokens, words } = tokenize(plain, targets, vocab, lineMode)
  return { tokens, marked, plain, words, targets, forName, forUnclear }
}

function count(raw: string): number | null {
  if (raw in NUMERAL_WORDS) return NUMERAL_WORDS[raw]
  if (raw.includes('.')) return null
  return parseCount(raw)
}

function tokenize(
  s: string,
  targets: Target[][],
  vocab: Vocab,
  lineMode: boolean,
): { tokens: Token[]; words: string[] } {
  const tokens: Token[] = []
  const words: string[] = []
  let word = ''
  const push = (tk: Token) => {
    if (word.trim() !== '') words.push(word.trim())
    word = ''
    tokens.push(tk)
  }
  const at = (re: RegExp, i: number) => {
    re.lastIndex = i
    return re.exec(s)
  }
  /** A quantity at i (its number already matched by `m`): the unit after it, if any. */
  const quantity = (m: RegExpExecArray, i: number, marked: boolean, minus: boolean): number => {
    let end = i + m[0].length
    if (at(POISON_AT, i + m[0].length - m[1].length)) return -1
    const u = at(UNIT_AT, end)
    if (u) end += u[0].length
    const n = count(m[1])
    if (n === null) return -1
    // a big number standing alone in a message is a room, a price, an id; in a 接龙 line it makes the line unreadable
    if ((n > 999 || n < 0) && !marked && !u && !lineMode) return -1
    if (n > 999 || n < 0) push({ kind: 'huge' })
    else if (marked || u) push({ kind: 'qty', qty: n, minus })
    else push({ kind: 'num', qty: n })
    return end
  }
  for (let i = 0; i < s.length;) {
    const ch = s.charAt(i)
    if (isMark(ch)) {
      const tg = targets[ch.charCodeAt(0) - MARK0]
      push({ kind: 'target', target: tg[0] })
      i++
      continue
    }
    let m: RegExpExecArray | null = null
    const listed = STARTS.has(ch)
    if (listed && (m = at(ALL_ITEMS_AT, i))) {
      push({ kind: 'all', targets: allItems(vocab) })
      i += m[0].length
      continue
    }
    if (listed && (m = at(ALL_SALES_AT, i))) {
      push({ kind: 'all', targets: vocab.sales.map((x) => ({ sale: x.no, item: null })) })
      i += m[0].length
      continue
    }
    let ref: number | null = null
    if (REF_STARTS.has(ch)) {
      for (const re of SALE_REFS) {
        if ((m = at(re, i))) {
          ref = count(m[1])
          break
        }
      }
    }
    if (m && ref !== null && ref >= 1) {
      push(
        vocab.sales.some((x) => x.no === ref)
          ? { kind: 'target', target: { sale: ref, item: null } }
          : { kind: 'badref', no: ref },
      )
      i += m[0].length
      continue
    }
    if (listed && (m = at(EACH_AT, i))) {
      push({ kind: 'each' })
      i += m[0].length
      continue
    }
    let opHit: [RegExpExecArray, Op] | null = null
    if (listed)
      for (const [re, op] of OPS) {
        const x = at(re, i)
        if (x && (!opHit || x[0].length > opHit[0][0].length)) opHit = [x, op]
      }
    if (opHit) {
      push({ kind: 'op', op: opHit[1] })
      i += opHit[0][0].length
      continue
    }
    // 团 +1 with no number after 团: a sale reference left unfinished
    if (ch === '团') {
      push({ kind: 'badref', no: 0 })
      i++
      continue
    }
    const form =
      ch === '+' && s.charAt(i - 1) !== '+'
        ? at(PLUS_AT, i)
        : ch === '-' && s.charAt(i - 1) !== '+'
          ? at(MINUS_AT, i)
          : 'x×*'.includes(ch) && !/[a-z]/.test(s.charAt(i - 1))
            ? at(TIMES_AT, i)
            : null
    if (form) {
      const e = quantity(form, i, true, ch === '-')
      if (e > 0) {
        i = e
        continue
      }
    }
    const poisoned = at(POISON_AT, i)
    if (poisoned) {
      // 1e309, 0x10, 1.5, 1⁄2: a number glued to letters, a point or a slash is no count, nor any part of it
      word += poisoned[0]
      i += poisoned[0].length
      continue
    }
    if ((m = at(NUM_AT, i)) && !/[a-z]/.test(s.charAt(i - 1))) {
      const end = i + m[0].length
      const isDigit = /\d/.test(m[1])
      const unit = at(UNIT_AT, end)
      const notAfter = !unit && at(NOT_AFTER_AT, end)
      const next = s.charAt(end)
      const standsAlone = next === '' || /[\s,，。!、;~+]/.test(next) || isMark(next)
      const cnOk = isDigit || unit || m[1] in NUMERAL_WORDS || standsAlone
      if (!notAfter && cnOk && !m[1].includes('.')) {
        const e = quantity(m, i, false, false)
        if (e > 0) {
          i = e
          continue
        }
      }
      word += m[0]
      i = end
      continue
    }
    if (/[\s,，。!、;~]/.test(ch)) {
      if (word.trim() !== '') words.push(word.trim())
      word = ''
    } else word += ch
    i++
  }
  if (word.trim() !== '') words.push(word.trim())
  return { tokens, words }
}

/** Every item of the one sale that has variants (两个颜色 → 紫色, 灰色); none when that is not clear. */
function allItems(vocab: Vocab): Target[] {
  const withVariants = vocab.sales.filter((x) => x.items.length > 1)
  if (withVariants.length !== 1) return []
  return withVariants[0].items.map((i) => ({ sale: withVariants[0].no, item: i.id }))
}
