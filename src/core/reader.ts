// The join reader: what a member's words ask for, read against the group's open sales.
// One reader for every place words become an order (chat, /join, 接龙 …, native 接龙 lines,
// intents, proxy entries). Pure and deterministic: vocabulary in, a reading out.
//
// Its bias: never invent an order. A message is an order only when it carries an order
// marker (+N, a number with a unit, an item word with a number, an operation word) and
// none of the not-an-order rules (questions, past and future, reports, praise, conditionals,
// counts in passing) applies; those rules win. A message with a marker that cannot be read
// with confidence becomes one question, never silence and never a guess. The word lists are
// in words.ts.
import { normalize } from './text.js'
import { t } from '../i18n/zh-CN.js'
import { dropPlainNoise, scan, type Target, type Token } from './readerScan.js'
import { isNotAnOrder, readCancel, stripQuote, cleanWords } from './readerRules.js'
import { ADD_WORDS, CANCEL_PHRASES, CHANGE_TO_WORDS, ME_TOO, SUBTRACT_WORDS, SWITCH_WORDS } from './words.js'

export type VocabItem = { id: number; name: string; held?: number }
export type VocabSale = { no: number; title: string; items: VocabItem[] }
/** The group's open sales (and whether intents are open), with the member's units per item. */
export type Vocab = { sales: VocabSale[]; intentsOpen?: boolean }

/**
 * 'chat': a group message; 'command': after /join or 接龙 (no number means 1);
 * 'line': a line of a native 接龙 (a bare number is a quantity, no number means 1).
 */
export type ReadMode = 'chat' | 'command' | 'line'

export type Change =
  | { op: 'set' | 'add' | 'sub'; sale: number; item: number; qty: number }
  | { op: 'switch'; sale: number; item: number; to: number }
  | { op: 'cancel'; sale: number | null; item: number | null }

export type AskReason = 'unsure' | 'whichSale' | 'whichVariant' | 'badNumber'

export type Reading =
  | { kind: 'none' }
  /** `ref`: a sale number the member typed that is not open (the engine may say it has ended) */
  | { kind: 'ask'; question: string; reason: AskReason; ref?: number }
  | {
      kind: 'order'
      changes: Change[]
      /** words left once quantities, items and fillers are read (an intent's note: 无盐, 大块) */
      words: string
      /** the member's own words (after a quote), where delivery words are looked for */
      text: string
      /** 帮王姐+1: the entry is for 王姐 */
      forName: string | null
    }
  /**
   * No sale is named or open, but intents are: a single quantity for the intent path
   * (routeJoin) to place. `saleRef` is a sale number the member typed, if any.
   */
  | {
      kind: 'loose'
      op: 'set' | 'add'
      qty: number
      saleRef: number | null
      words: string
      text: string
      forName: string | null
    }

export const MAX_READ_CHARS = 200
export const MAX_QUANTITY = 999
/** Words left over beyond this many characters make a reading unsure. */
const MAX_LEFTOVER = 30

const NONE: Reading = { kind: 'none' }

type Claim = { op: 'set' | 'add' | 'sub' | 'to'; qty: number; targets: Target[]; each: boolean }

export function readOrder(text: string, vocab: Vocab, mode: ReadMode = 'chat'): Reading {
  if (typeof text !== 'string' || text.length > MAX_READ_CHARS * 4) return NONE
  const { own, quotedSale } = stripQuote(normalize(text), vocab)
  let s = own.replace(/\s+/g, ' ').trim().toLowerCase()
  if (s === '' && mode === 'chat') return NONE
  if ([...s].length > MAX_READ_CHARS) return NONE
  if (mode === 'chat') {
    const cmd = /^(?:\/join(?![a-z])|接龙)\s*/.exec(s)
    if (cmd) {
      mode = 'command'
      s = s.slice(cmd[0].length)
    }
  }
  const sc = scan(s, vocab, mode === 'line')
  // a native 接龙 line is a sign-up by construction: its notes (到了再拿, 可能晚点) are not chatter
  if (mode !== 'line' && isNotAnOrder(sc.marked)) return NONE
  const forName = sc.forName

  const cancel = mode === 'line' ? null : readCancel(sc, vocab)

  const read = cancel ?? interpret(sc.tokens, sc, vocab, mode, quotedSale, forName)
  const r: Reading = read.kind === 'order' || read.kind === 'loose' ? { ...read, text: own.trim() } : read
  // with nothing open nothing is asked, except about a sale the member named (团1 已结束)
  if (vocab.sales.length === 0 && !vocab.intentsOpen && !(r.kind === 'ask' && r.ref !== undefined)) return NONE
  return r
}

type Scan = ReturnType<typeof scan>
type Guess = { shown: string; reply: string } | null

function interpret(
  tokens: Token[],
  sc: Scan,
  vocab: Vocab,
  mode: ReadMode,
  quotedSale: number | null,
  forName: string | null,
): Reading {
  const claims: Claim[] = []
  let pending: Target[] = []
  let each = false
  let op: Claim['op'] | 'switch' | null = null
  let switchFrom: Target[] | null = null
  let unsure = false
  let badNumber = false
  let badRef: number | null = null
  let strays = 0
  // which side of its number an item stands on: '紫色+1' (before) or '+1 紫色' (after)
  const isQty = (x: Token) => x.kind === 'qty' || x.kind === 'huge' || (x.kind === 'num' && mode !== 'chat')
  const firstQ = tokens.findIndex(isQty)
  const firstT = tokens.findIndex((x) => x.kind === 'target' || x.kind === 'all')
  const after = firstQ >= 0 && (firstT < 0 || firstQ < firstT)
  let lastClaim: Claim | null = null

  const addClaim = (qty: number, minus: boolean) => {
    const o: Claim['op'] = minus ? 'sub' : op === null || op === 'switch' ? 'set' : op
    if (!after && claims.length > 0 && pending.length === 0) unsure = true
    if (after && lastClaim && lastClaim.targets.length === 0) unsure = true
    const claim: Claim = { op: o, qty, targets: after ? [] : pending, each }
    claims.push(claim)
    lastClaim = claim
    pending = []
    each = false
    op = null
  }

  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]
    switch (tk.kind) {
      case 'target':
      case 'all': {
        const ts = tk.kind === 'all' ? tk.targets : [tk.target]
        if (ts.length === 0) unsure = true
        if (op === 'switch' || (op === 'to' && !nextIsQty(tokens, i))) {
          if (switchFrom === null) switchFrom = pending
          pending = ts
          op = 'switch'
          break
        }
        if (after && lastClaim !== null) {
          const c: Claim = lastClaim
          if (c.targets.some((x) => x.item !== null) && ts.some((x) => x.item !== null)) unsure = true
          c.targets = [...c.targets, ...ts]
          if (tk.kind === 'all') c.each = true
        } else {
          pending = [...pending, ...ts]
          if (tk.kind === 'all') each = true
        }
        break
      }
      case 'badref':
        badRef = tk.no
        break
      case 'each':
        each = true
        if (after && lastClaim !== null) (lastClaim as Claim).each = true
        break
      case 'op':
        if (tk.op !== 'order') op = tk.op
        break
      case 'qty':
        // a 接龙 line is a total: a minus in it is a typo, never a withdrawal
        if (tk.minus && mode === 'line') badNumber = true
        addClaim(tk.qty, tk.minus)
        break
      case 'num': {
        // a bare number is a quantity only in a 接龙 line or after /join, or right after an item or an order word
        const prev = tokens[i - 1]
        const glued = prev !== undefined && (prev.kind === 'target' || prev.kind === 'op' || prev.kind === 'each')
        if (mode !== 'chat' || glued) addClaim(tk.qty, false)
        else strays++
        break
      }
      case 'huge':
        badNumber = true
        break
    }
  }

  const leftover = cleanWords(sc.words)
  if (claims.some((c) => c.qty < 1 || c.qty > MAX_QUANTITY)) badNumber = true
  // 0, or more than 999: no count at all in a message (silence, as ever); a 接龙 line is reported
  if (badNumber) return mode === 'line' ? ask('badNumber', null, vocab) : NONE
  if (badRef === 0 && claims.length > 0) return ask('unsure', guess(claims, vocab), vocab)
  if (badRef !== null && badRef > 0 && (claims.length > 0 || mode !== 'chat'))
    return { kind: 'ask', reason: 'whichSale', question: t('sale.notFound', { no: badRef }), ref: badRef }

  // 改成灰色 / 紫色换成灰色: the units move, the total stays
  if (op === 'switch' && claims.length === 0) {
    if (pending.length !== 1 || pending[0].item === null) return ask('unsure', null, vocab)
    return resolveSwitch(switchFrom ?? [], pending[0], vocab, leftover, forName)
  }

  if (claims.length === 0) {
    if (mode === 'chat') {
      if (ME_TOO.includes(sc.marked.replace(/[\s,，。!！~]/g, '')))
        return ask('unsure', { shown: '1 份', reply: '+1' }, vocab)
      // an item word with an operation word but no number: 紫色再来
      if (op !== null && pending.length > 0) return ask('unsure', null, vocab)
      return NONE
    }
    // '/join', '/join 灰色', a 接龙 line with no number: one unit
    claims.push({ op: 'set', qty: 1, targets: pending, each: each || pending.length > 1 })
    pending = []
  }
  // items named after the last number with nothing of their own: 紫色+1 还想要灰色
  if (!after && pending.length > 0) {
    // '#1 +1 大果': an item of the sale the number was for
    const saleOnly =
      claims.length === 1 && claims[0].targets.every((x) => x.item === null && pending.every((p) => p.sale === x.sale))
    if (saleOnly) {
      claims[0].targets = [...claims[0].targets, ...pending]
      claims[0].each = claims[0].each || each
    } else unsure = true
  }
  if (strays > 0 && mode === 'chat') unsure = true
  if (sc.forUnclear) unsure = true
  if ([...leftover.replace(/\s/g, '')].length > MAX_LEFTOVER) unsure = true
  if (unsure) return ask('unsure', guess(claims, vocab), vocab)
  return resolve(claims, vocab, quotedSale, leftover, forName)
}

const nextIsQty = (tokens: Token[], i: number) => tokens.slice(i + 1).some((x) => x.kind === 'qty' || x.kind === 'num')

/** Every named target spelled out as (sale, item); a sale named alone keeps item null. */
function expand(targets: Target[]): Target[] {
  const out: Target[] = []
  for (const tg of targets) {
    if (tg.item !== null) {
      // an item makes its sale's bare mention redundant: '#3 大果+1'
      for (let i = out.length - 1; i >= 0; i--) if (out[i].sale === tg.sale && out[i].item === null) out.splice(i, 1)
      if (!out.some((o) => o.sale === tg.sale && o.item === tg.item)) out.push(tg)
    } else if (!out.some((o) => o.sale === tg.sale)) out.push(tg)
  }
  return out
}

function resolve(
  claims: Claim[],
  vocab: Vocab,
  quotedSale: number | null,
  words: string,
  forName: string | null,
): Reading {
  const changes: Change[] = []
  for (const c of claims) {
    let targets = expand(c.targets)
    if (targets.length > 1 && !c.each) return ask('unsure', guess(claims, vocab), vocab)
    if (targets.length === 0) {
      const sale = defaultSale(vocab, quotedSale, c.op)
      if (sale === 'loose') {
        if (claims.length !== 1 || c.op === 'sub' || c.op === 'to') return NONE
        return { kind: 'loose', op: c.op, qty: c.qty, saleRef: null, words, text: '', forName }
      }
      if (sale === null) return ask('whichSale', guess(claims, vocab), vocab)
      targets = [{ sale, item: null }]
    }
    for (const tg of targets) {
      const sale = vocab.sales.find((x) => x.no === tg.sale)!
      let item = tg.item
      if (item === null) {
        if (sale.items.length === 1) item = sale.items[0].id
        else {
          const held = sale.items.filter((i) => (i.held ?? 0) > 0)
          // a join names its variant even when the member holds only one (再来一件 is asked about);
          // taking off (减一件) can only mean the one variant held, unless other words might name another
          if (c.op === 'sub' && held.length === 1 && words === '') item = held[0].id
          else return ask('whichVariant', guess(claims, vocab), vocab, sale)
        }
      }
      const had = sale.items.find((i) => i.id === item)?.held ?? 0
      if (c.op === 'sub') {
        // a minus from a member who has nothing there is nothing
        if (had === 0) continue
        // taking off more than the member has is a slip: asked, not read as a cancel
        if (c.qty > had) return ask('unsure', null, vocab)
        changes.push({ op: 'sub', sale: sale.no, item, qty: c.qty })
      } else changes.push({ op: c.op === 'to' ? 'set' : c.op, sale: sale.no, item, qty: c.qty })
    }
  }
  if (changes.length === 0) return NONE
  return { kind: 'order', changes, words, text: '', forName }
}

/** The sale a message that names none is about, or null when that takes a question. */
function defaultSale(vocab: Vocab, quotedSale: number | null, op: Claim['op']): number | null | 'loose' {
  if (quotedSale !== null) return quotedSale
  if (vocab.intentsOpen) return 'loose'
  if (vocab.sales.length === 1) return vocab.sales[0].no
  if (op !== 'set') {
    const held = vocab.sales.filter((s) => s.items.some((i) => (i.held ?? 0) > 0))
    if (held.length === 1) return held[0].no
  }
  return null
}

function resolveSwitch(from: Target[], to: Target, vocab: Vocab, words: string, forName: string | null): Reading {
  const sale = vocab.sales.find((x) => x.no === to.sale)!
  let src = expand(from).filter((f) => f.item !== null && f.sale === to.sale)
  if (src.length === 0) {
    const held = sale.items.filter((i) => (i.held ?? 0) > 0 && i.id !== to.item)
    if (held.length !== 1) return held.length === 0 ? NONE : ask('unsure', null, vocab)
    src = [{ sale: sale.no, item: held[0].id }]
  }
  if (src.length !== 1 || src[0].item === to.item) return NONE
  if ((sale.items.find((i) => i.id === src[0].item)?.held ?? 0) === 0) return NONE
  return {
    kind: 'order',
    changes: [{ op: 'switch', sale: sale.no, item: src[0].item!, to: to.item! }],
    words,
    text: '',
    forName,
  }
}

/** The likeliest reading, for the question: 「紫色 2 份」 and the reply 紫色+2. */
function guess(claims: Claim[], vocab: Vocab): Guess {
  const c = claims.find((x) => x.qty >= 1 && x.qty <= MAX_QUANTITY)
  if (!c) return null
  const tg = expand(c.targets)[0]
  const sale = tg ? vocab.sales.find((x) => x.no === tg.sale) : undefined
  const name =
    tg && sale
      ? tg.item !== null
        ? (sale.items.find((i) => i.id === tg.item)?.name ?? '')
        : vocab.sales.length > 1
          ? `团${sale.no}`
          : ''
      : ''
  const reply = name === '' ? `+${c.qty}` : name.startsWith('团') ? `#${sale!.no} +${c.qty}` : `${name}+${c.qty}`
  return { shown: `${name === '' ? '' : name + ' '}${c.qty} 份`, reply }
}

function ask(reason: AskReason, g: Guess, vocab: Vocab, sale?: VocabSale): Reading {
  if (reason === 'whichVariant' && sale) {
    const names = sale.items.map((i) => i.name)
    return {
      kind: 'ask',
      reason,
      question: t('sale.whichVariant', { no: sale.no, variants: names.join(' / '), example: `+1 ${names[0]}` }),
    }
  }
  if (reason === 'whichSale' && vocab.sales.length > 0) {
    return {
      kind: 'ask',
      reason,
      question: t('sale.which', {
        choices: vocab.sales.map((s) => `团${s.no} ${s.title}`).join('、'),
        example: `#${vocab.sales[0].no} +1`,
        open: true,
      }),
    }
  }
  return { kind: 'ask', reason, question: g ? t('reader.unsure', g) : t('reader.unsureBare') }
}

const MARKER = new RegExp(
  `[\\d零〇一二两三四五六七八九十俩仨+]|${[...ADD_WORDS, ...SUBTRACT_WORDS, ...CHANGE_TO_WORDS, ...SWITCH_WORDS, ...CANCEL_PHRASES, ...ME_TOO].map((w) => w.replace(/[+]/g, '\\+')).join('|')}`,
)

/**
 * Whether a message could be an order in some group, without knowing the group's sales:
 * pure and cheap, so that chatter never costs a transaction. False means readOrder would
 * say nothing whatever sales are open.
 */
export function mightBeOrder(text: string): boolean {
  if (typeof text !== 'string' || text.length > MAX_READ_CHARS * 4) return false
  const own = stripQuote(normalize(text), { sales: [] })
    .own.toLowerCase()
    .replace(/@[^\s@+]{1,20}|\[[^[\]\s]{1,8}\]/g, ' ')
  return MARKER.test(dropPlainNoise(own)) && !isNotAnOrder(own)
}
