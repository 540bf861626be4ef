// WeChat's native 接龙 (Group Note): every tap on 参与接龙 re-posts the WHOLE list.
// This reads such a list, says whose each line is, reads a line's quantity, and diffs two
// lists by line owner, so that re-posts, reorders and renumbering change nothing. Pure.
import { looseKey, normalize } from './text.js'
import { CN_NUMERAL_CHARS, parseCount, UNIT_WORDS } from './quantity.js'

export type ChainEntry = {
  /** the number as written (WeChat renumbers after a removal: never used to identify a line) */
  no: number
  /** what follows the number, whitespace folded */
  content: string
  /** 1-based line in the message, for reports */
  line: number
  /** too long to be a sign-up: reported, never applied */
  tooLong: boolean
}

export type ChainList = {
  header: '接龙' | 'Group Note'
  /** the first description line, '' when there is none */
  title: string
  /** further description lines before the entries (rules, pickup times …) */
  description: string[]
  /** the example line (例 / 例如 / 格式), without its marker */
  example: string | null
  entries: ChainEntry[]
  /** entries past MAX_ENTRIES, not read */
  ignored: number
  /** lines after the entries */
  tail: string[]
}

export const MAX_ENTRY_CHARS = 80
/** WeChat's own 接龙 stops at 500 entries: a longer "list" is typed by hand, and the rest is not read. */
export const MAX_ENTRIES = 500

const HEADER = /^#\s*(接龙|group\s*note)(?:\s+(.*))?$/i
const EXAMPLE = /^(?:例如|例子|示例|格式|例)\s*[:：]?\s*(.*)$/
// after normalize(): '1.' '1．'→'1.', '1、', '1,' '1，'→'1,', '1:' '1：'→'1:', and '1。'
const ENTRY = /^(\d{1,4})\s*[.、,:。]\s*(.*)$/

/** True when a message is a native 接龙 list (or pretends to be one). */
export function isChainText(text: string): boolean {
  const first = normalize(text).trimStart().split('\n', 1)[0].trim()
  return HEADER.test(first)
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * Read a list: header, title, optional example line, a blank line, numbered entries,
 * optional tail after a blank line. Returns null when the text is not a 接龙 at all.
 */
export function parseChain(text: string): ChainList | null {
  if (typeof text !== 'string') return null
  const lines = normalize(text).split('\n')
  let start = 0
  while (start < lines.length && lines[start].trim() === '') start++
  const head = HEADER.exec(lines[start]?.trim() ?? '')
  if (!head) return null
  const header = /接龙/.test(head[1]) ? '接龙' : 'Group Note'

  // paragraphs: runs of non-blank lines, with their line numbers
  type L = { text: string; line: number }
  const paragraphs: L[][] = []
  let current: L[] = []
  if (head[2] && head[2].trim() !== '') current.push({ text: fold(head[2]), line: start + 1 })
  for (let i = start + 1; i < lines.length; i++) {
    const tx = fold(lines[i])
    if (tx === '') {
      if (current.length) paragraphs.push(current)
      current = []
    } else current.push({ text: tx, line: i + 1 })
  }
  if (current.length) paragraphs.push(current)

  const isEntry = (l: L) => ENTRY.test(l.text)
  const allEntries = (p: L[]) => p.every(isEntry)
  // the entries are the first all-numbered paragraph after the description; when a client
  // leaves out the blank line, the numbered lines that end the first paragraph
  let descr: L[] = []
  let entryLines: L[] = []
  let after: L[][] = []
  const firstEntriesAt = paragraphs.findIndex((p, i) => i > 0 && allEntries(p))
  if (firstEntriesAt > 0) {
    descr = paragraphs.slice(0, firstEntriesAt).flat()
    let j = firstEntriesAt
    while (j < paragraphs.length && allEntries(paragraphs[j])) entryLines.push(...paragraphs[j++])
    after = paragraphs.slice(j)
  } else if (paragraphs.length > 0) {
    const p = paragraphs[0]
    let k = p.length
    while (k > 1 && isEntry(p[k - 1])) k--
    descr = p.slice(0, k)
    entryLines = p.slice(k)
    after = paragraphs.slice(1)
  }

  let example: string | null = null
  const description: string[] = []
  let title = ''
  for (const [i, l] of descr.entries()) {
    const ex: RegExpExecArray | null = i > 0 && example === null ? EXAMPLE.exec(l.text) : null
    if (ex) example = ex[1].trim()
    else if (title === '' && i === 0) title = l.text
    else description.push(l.text)
  }
  const entries: ChainEntry[] = []
  let ignored = 0
  for (const l of entryLines) {
    const m = ENTRY.exec(l.text)!
    const content = m[2].trim()
    if (content === '') continue
    if (entries.length >= MAX_ENTRIES) {
      ignored++
      continue
    }
    entries.push({ no: Number(m[1]), content, line: l.line, tooLong: [...content].length > MAX_ENTRY_CHARS })
  }
  return { header, title, description, example, entries, ignored, tail: after.flat().map((l) => l.text) }
}

// ------------------------------------------------------------------ whose line

export type Owned = { owner: string; rest: string; named: boolean }

/** A line's looseKey, with where each prefix of it ends in the raw text. */
function keyed(text: string): { key: string; endOf: Map<number, number> } {
  let key = ''
  let raw = 0
  const endOf = new Map<number, number>([[0, 0]])
  for (const ch of text) {
    key += looseKey(ch)
    raw += ch.length
    // the first raw position at which the key reaches this length
    if (!endOf.has(key.length)) endOf.set(key.length, raw)
  }
  return { key, endOf }
}

const LATIN = /[a-z]/i
const DIGIT = /\d/
const QUANTITY_START = new RegExp(`^(?:[+＋]|\\d|[${CN_NUMERAL_CHARS}]+\\s*(?:${UNIT_WORDS.join('|')}))`)
const NAME_RUN = /^[^\s\d+(（,，:：;；]+/
// words that open a line without a name: the poster's own line
const NOT_NAMES = /^(?:自提|快递|邮寄|送货|到付|包邮|同上|加一|我要|我)$/
const CJK = /[\u3400-\u9fff]/
// what may follow a Chinese name with no space (张三自提, 张三要2份): anything else glued to
// it makes a longer name (周周妈妈 is not 周周)
const GLUED_WORDS = ['自提', '快递', '邮寄', '送货', '到付', '包邮', '同上', '我要', '也要', '要', '加', '再']

/** Whether `rest` can follow a matched name: a space, a digit, another script, or a known word. */
function boundaryOk(last: string, rest: string, follow: string[]): boolean {
  const next = rest.charAt(0)
  if (next === '') return true
  if (LATIN.test(last)) return !LATIN.test(next)
  if (DIGIT.test(last)) return !DIGIT.test(next)
  if (!CJK.test(last) || !CJK.test(next)) return true
  return QUANTITY_START.test(rest) || [...GLUED_WORDS, ...follow].some((w) => w !== '' && rest.startsWith(w))
}

/**
 * The member a line is for. The longest group member name the line starts with (after
 * normalisation) wins; a line that starts with its quantity is the poster's own; otherwise
 * the leading word is a name as written (someone the bot does not know).
 */
export function splitOwner(content: string, names: string[], poster: string, follow: string[] = []): Owned {
  return ownerMatcher(names, follow)(content, poster)
}

/**
 * splitOwner with the member names prepared once, for lists of hundreds of lines. `follow`:
 * words that may be glued to a name (the sale's variant names: 张三大果).
 */
export function ownerMatcher(names: string[], follow: string[] = []): (content: string, poster: string) => Owned {
  const sorted = [...new Set(names)]
    .map((n) => ({ n, key: looseKey(n) }))
    .filter((x) => x.key !== '')
    .sort((a, b) => b.key.length - a.key.length)
  return (content, poster) => ownerOf(fold(normalize(content)), sorted, poster, follow)
}

/** Whether a leading word is a variant name, alone or glued to a quantity or a known word (大果, 大果自提). */
function startsWithVariant(word: string, follow: string[]): boolean {
  const k = looseKey(word)
  return follow.some((v) => {
    const vk = looseKey(v)
    if (vk === '' || !k.startsWith(vk)) return false
    const tail = k.slice(vk.length)
    return (
      tail === '' ||
      QUANTITY_START.test(tail) ||
      [...GLUED_WORDS, ...follow].some((w) => w !== '' && tail.startsWith(looseKey(w)))
    )
  })
}

function ownerOf(text: string, sorted: { n: string; key: string }[], poster: string, follow: string[]): Owned {
  const k = keyed(text)
  for (const { n, key } of sorted) {
    if (!k.key.startsWith(key)) continue
    const end = k.endOf.get(key.length)
    if (end === undefined) continue
    if (!boundaryOk(text.charAt(end - 1), text.slice(end), follow)) continue
    return {
      owner: n,
      rest: text
        .slice(end)
        .replace(/^[\s,，:：]+/, '')
        .trim(),
      named: true,
    }
  }
  if (QUANTITY_START.test(text)) return { owner: poster, rest: text, named: false }
  const m = NAME_RUN.exec(text)
  if (!m) return { owner: poster, rest: text, named: false }
  const written = m[0]
  if (NOT_NAMES.test(written)) return { owner: poster, rest: text, named: false }
  // a line that opens with a variant of the sale (大果 2, 小果, 小果自提) has no name part
  if (startsWithVariant(written, follow)) return { owner: poster, rest: text, named: false }
  const owner = looseKey(written) === looseKey(poster) ? poster : written
  return {
    owner,
    rest: text
      .slice(written.length)
      .replace(/^[\s,，:：]+/, '')
      .trim(),
    named: true,
  }
}

// ------------------------------------------------------------------ what a line asks for

export type LineRead = { ok: true; qty: number; words: string } | { ok: false; reason: 'badNumber' | 'manyNumbers' }

const UNIT = `(?:${[...UNIT_WORDS].sort((a, b) => b.length - a.length).join('|')})`
const NUM = `(\\d+|[${CN_NUMERAL_CHARS}]+)`
const PLUS_FORM = new RegExp(`(?:^|\\s)\\+\\s*${NUM}(?:\\s*${UNIT})?`, 'g')
// a count with its unit, not glued to a product spec before it (125g×4盒)
const UNIT_FORM = new RegExp(`(?<![\\d.×xX*])${NUM}\\s*${UNIT}(?![元号楼栋层室])`, 'gu')
const BARE = /(?:^|\s)(\d+)(?=\s|$)/g
// any number above 999 anywhere in a line (10000, 小果10000, 1200份): never read as 1 unit
const HUGE = /(?<![\d.])0*[1-9]\d{3,}(?![\d.])/
const NEGATIVE = /(?:^|\s)-\s*\d/

/**
 * The quantity a 接龙 line asks for (a line with no number means 1) and the words left
 * over (variant, 自提 / 快递, notes). Unlike a chat join, a bare number counts here:
 * in a numbered list, '张三 2' can only mean two.
 */
export function readLine(rest: string): LineRead {
  const s = fold(normalize(rest))
  if (NEGATIVE.test(s) || HUGE.test(s)) return { ok: false, reason: 'badNumber' }
  type Hit = { qty: number | null; start: number; end: number }
  const hits: Hit[] = []
  const take = (re: RegExp, group = 1) => {
    for (const m of s.matchAll(re)) {
      const start = m.index + m[0].length - m[0].trimStart().length
      if (hits.some((h) => start < h.end && m.index + m[0].length > h.start)) continue
      hits.push({ qty: parseCount(m[group]), start, end: m.index + m[0].length })
    }
  }
  take(PLUS_FORM)
  take(UNIT_FORM)
  take(BARE)
  if (hits.length === 0) return { ok: true, qty: 1, words: s }
  if (hits.some((h) => h.qty === null)) return { ok: false, reason: 'badNumber' }
  if (hits.length > 1) return { ok: false, reason: 'manyNumbers' }
  const qty = hits[0].qty
  if (qty === null || qty < 1 || qty > 999) return { ok: false, reason: 'badNumber' }
  let words = s
  for (const h of [...hits].sort((a, b) => b.start - a.start))
    words = words.slice(0, h.start) + ' ' + words.slice(h.end)
  return { ok: true, qty, words: fold(words) }
}

// ------------------------------------------------------------------ diff

export type OwnedLine = { owner: string; key: string }

/** The identity of a line's content: what follows the name, case and spacing folded. */
export const lineKey = (rest: string) => fold(normalize(rest)).toLowerCase()

/**
 * Compare two lists by line owner. `owners`: everyone whose lines differ as a multiset
 * (added, changed or removed), in the new list's order then the removed ones. `fresh`:
 * lines of `next` that the owner did not already have, so problems are reported once.
 */
export function diffByOwner(prev: OwnedLine[], next: OwnedLine[]): { owners: string[]; fresh: OwnedLine[] } {
  // one pass over each list, counting keys: a list of hundreds of lines, many of them one
  // owner's, must not be compared pair by pair
  const group = (ls: OwnedLine[]) => {
    const m = new Map<string, { owner: string; keys: string[]; count: Map<string, number> }>()
    for (const l of ls) {
      const k = looseKey(l.owner)
      let e = m.get(k)
      if (!e) m.set(k, (e = { owner: l.owner, keys: [], count: new Map() }))
      e.keys.push(l.key)
      e.count.set(l.key, (e.count.get(l.key) ?? 0) + 1)
    }
    return m
  }
  const before = group(prev)
  const after = group(next)
  const same = (a: Map<string, number>, b: Map<string, number>) =>
    a.size === b.size && [...a].every(([k, n]) => b.get(k) === n)
  const owners: string[] = []
  const fresh: OwnedLine[] = []
  for (const [k, e] of after) {
    const left = new Map(before.get(k)?.count ?? [])
    if (!same(left, e.count)) owners.push(e.owner)
    for (const key of e.keys) {
      const n = left.get(key) ?? 0
      if (n > 0) left.set(key, n - 1)
      else fresh.push({ owner: e.owner, key })
    }
  }
  for (const [k, e] of before) if (!after.has(k)) owners.push(e.owner)
  return { owners, fresh }
}

// ------------------------------------------------------------------ the ready-to-copy text

export type FormatView = { label: string; title: string; terms: string[]; example: string; hint: string }

/** A text in the native format for organizers who want members to use 参与接龙. */
export function chainFormatText(v: FormatView): string {
  return [
    '#接龙',
    `【${v.label}】${v.title}${v.terms.length ? ' ' + v.terms.join(' ') : ''}`,
    `例 ${v.example}`,
    '',
    v.hint,
  ].join('\n')
}
