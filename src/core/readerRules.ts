// The reader's rules around the quantities: what a quote-reply contributes, which messages
// are not orders whatever they carry, and when a message is a cancel.
import {
  AGREE_WORDS,
  CANCEL_PHRASES,
  CONDITION_WORDS,
  FILLER,
  PASSING_WORDS,
  QUESTION_WORDS,
  REPORT_WORDS,
  TIME_WORDS,
} from './words.js'
import { isMark, titleWords, type Scanned, type Target } from './readerScan.js'
import type { Change, Reading, Vocab } from './reader.js'
import { t } from '../i18n/zh-CN.js'

// WeChat's quote-reply: 「name：quoted text」, a line of dashes, then the member's own words.
const QUOTE = /^\s*「([\s\S]*?)」\s*\n\s*(?:-\s*){3,}(?:\n|$)([\s\S]*)$/
const QUOTE_PLAIN = /^([\s\S]*?)\n\s*(?:-\s*){6,}(?:\n|$)([\s\S]*)$/

/**
 * The member's own words, and the sale the quoted part points at: its number (团2 in a
 * launch or a board) or a title word only one open sale has. The quoted part never gives
 * a quantity.
 */
export function stripQuote(text: string, vocab: Vocab): { own: string; quotedSale: number | null } {
  const m = QUOTE.exec(text) ?? QUOTE_PLAIN.exec(text)
  if (!m) return { own: text, quotedSale: null }
  const quoted = m[1].toLowerCase()
  const refs = [...quoted.matchAll(/团\s*(\d{1,3})(?!\d)/g)]
    .map((x) => Number(x[1]))
    .filter((n) => vocab.sales.some((s) => s.no === n))
  let sale: number | null = new Set(refs).size === 1 ? refs[0] : null
  if (sale === null && refs.length === 0) {
    const hits = vocab.sales.filter((s) => titleWords(s.title).some((w) => w.length >= 2 && quoted.includes(w)))
    if (hits.length === 1) sale = hits[0].no
  }
  return { own: m[2], quotedSale: sale }
}

const NOT_ORDER = [QUESTION_WORDS, TIME_WORDS, REPORT_WORDS, AGREE_WORDS, CONDITION_WORDS, PASSING_WORDS].flat()

/** Questions, the past and the future, reports, praise, conditionals, counts in passing. */
export function isNotAnOrder(marked: string): boolean {
  return NOT_ORDER.some((w) => marked.includes(w))
}

const byLength = (ws: readonly string[]) => [...ws].sort((a, b) => b.length - a.length)
const PHRASES = byLength(CANCEL_PHRASES)
const FILLERS = byLength(FILLER)
const PUNCT = /[\s,，。.!！、;；~～…:：]/

/**
 * A cancel: the message is cancel phrases, politeness, and the names of items or sales
 * (or a bare sale number: 取消 2). Returns null when it is not one.
 */
export function readCancel(sc: Scanned, vocab: Vocab): Reading | null {
  let s = sc.plain
  const targets: Target[] = []
  let phrases = 0
  let number: number | null = null
  while (s !== '') {
    const ch = s.charAt(0)
    if (PUNCT.test(ch)) {
      s = s.slice(1)
      continue
    }
    if (isMark(ch)) {
      targets.push(sc.targets[ch.charCodeAt(0) - 0xe000][0])
      s = s.slice(1)
      continue
    }
    const ref = /^(?:#\s*团?|团)\s*(\d{1,3})(?!\d)/.exec(s) ?? /^(\d{1,3})\s*团/.exec(s)
    if (ref) {
      const no = Number(ref[1])
      if (!vocab.sales.some((x) => x.no === no)) return phrasesFollow(s.slice(ref[0].length)) ? askNotFound(no) : null
      targets.push({ sale: no, item: null })
      s = s.slice(ref[0].length)
      continue
    }
    const p = PHRASES.find((w) => s.startsWith(w))
    if (p) {
      phrases++
      s = s.slice(p.length)
      continue
    }
    const f = FILLERS.find((w) => s.startsWith(w))
    if (f) {
      s = s.slice(f.length)
      continue
    }
    const n = /^(\d{1,3})(?!\d)/.exec(s)
    if (n && number === null) {
      number = Number(n[1])
      s = s.slice(n[0].length)
      continue
    }
    return null
  }
  if (phrases === 0) return null
  if (number !== null) {
    // 取消 2: sale 2 when it is open, otherwise a question
    if (targets.length > 0 || !vocab.sales.some((x) => x.no === number)) return askNotFound(number)
    targets.push({ sale: number, item: null })
  }
  if (vocab.sales.length === 0 && !vocab.intentsOpen) return { kind: 'none' }
  // '取消 #2 灰色': the item of that sale, not the whole sale
  const named = targets.filter((x) =>
    x.item === null ? !targets.some((y) => y.item !== null && y.sale === x.sale) : true,
  )
  targets.splice(0, targets.length, ...named)
  const changes: Change[] =
    targets.length === 0
      ? [{ op: 'cancel', sale: null, item: null }]
      : targets.map((x) => ({ op: 'cancel' as const, sale: x.sale, item: x.item }))
  return { kind: 'order', changes, words: '', text: '', forName: sc.forName }
}

const phrasesFollow = (rest: string) => PHRASES.some((w) => rest.trim().startsWith(w)) || rest.trim() === ''

function askNotFound(no: number): Reading {
  return { kind: 'ask', reason: 'whichSale', question: t('sale.notFound', { no }), ref: no }
}

/** Leftover words without politeness and punctuation: the member's notes (自提东门, 快递). */
export function cleanWords(words: string[]): string {
  const out: string[] = []
  for (const w of words) {
    let r = w.replace(/[^\p{L}\p{N}]+/gu, '')
    for (let changed = true; changed && r !== '';) {
      changed = false
      for (const f of FILLERS) {
        if (r.startsWith(f)) {
          r = r.slice(f.length)
          changed = true
        } else if (r.endsWith(f)) {
          r = r.slice(0, r.length - f.length)
          changed = true
        }
      }
    }
    if (r !== '') out.push(r)
  }
  return out.join(' ')
}
