// Pure rendering of the group's messages from plain values.
import { t, yuan } from '../i18n/zh-CN.js'
import { formatDuration, formatTime } from './deadline.js'
import { type Book, soldOf, waitlistUnits, buyers, bills } from './sale.js'
import { defuseEveryone, isEveryone } from './fold.js'
import { demandBlocks, isDemandNotice } from './demandDigest.js'
import { fulfilmentLines, launchExtras, tierProgress, type FulfilmentView } from './fulfilmentRender.js'

export type SaleView = {
  no: number
  title: string
  priceFen: number
  stock: number | null
  limit: number | null
  minUnits: number | null
  minMembers: number | null
  deadline: number
  note: string | null
  state: 'open' | 'succeeded' | 'failed' | 'aborted'
} & Omit<FulfilmentView, 'priceFen' | 'state'>

export const money = (fen: number) => `¥${yuan(fen)}`

const OVERFLOW_KINDS = ['capped', 'waitlisted', 'promoted', 'ask', 'refused']
type OverflowKind = 'capped' | 'waitlisted' | 'promoted' | 'ask' | 'refused'

/** An @mention list with a cap: the first `cap` names get an @, the rest are named plainly. */
export class Mentions {
  readonly names: string[] = []
  constructor(private readonly cap: number) {}
  full(): boolean {
    return this.names.length >= this.cap
  }
  at(name: string): string {
    // a member named 所有人 or @all is written plainly: an @ would reach the whole group
    if (isEveryone(name)) return defuseEveryone(name)
    if (this.names.includes(name)) return `@${name}`
    if (this.names.length >= this.cap) return name
    this.names.push(name)
    return `@${name}`
  }
}

function hasVariants(book: Book): boolean {
  return book.items.length > 1 || book.items.some((i) => i.name !== '')
}

/** ' 大果' for a variant, '' for the implicit single item */
export const itemLabel = (name: string) => (name ? ` ${name}` : '')

export function joinExample(book: Book): string {
  return hasVariants(book) ? `+1 ${book.items[0].name}` : '+1'
}

export function launchText(s: SaleView, book: Book, now: number, tz: string, othersOpen: boolean): string {
  const lines: string[] = []
  if (!hasVariants(book)) lines.push(t('sale.price', { price: money(s.priceFen) }))
  if (s.stock !== null) lines.push(t('sale.stock', { stock: s.stock }))
  if (s.limit !== null) lines.push(t('sale.limit', { limit: s.limit }))
  if (s.minUnits !== null) lines.push(t('sale.minUnits', { n: s.minUnits }))
  if (s.minMembers !== null) lines.push(t('sale.minMembers', { n: s.minMembers }))
  lines.push(t('sale.deadline', { at: formatTime(s.deadline, now, tz) }))
  if (hasVariants(book))
    for (const i of book.items)
      lines.push(t('sale.variant', { name: i.name, price: money(i.priceFen), stock: i.stock }))
  lines.push(...launchExtras(s))
  if (s.note) lines.push(t('sale.note', { note: s.note }))
  const example = (othersOpen ? `#${s.no} ` : '') + joinExample(book)
  return t('launch.posted', { no: s.no, title: s.title, lines: lines.join('\n'), how: t('launch.how', { example }) })
}

function progressLine(s: SaleView, book: Book, now: number): string {
  const tier = tierProgress(s, soldOf(book))
  return (
    t('digest.progress', {
      sold: soldOf(book),
      stock: s.stock,
      waiting: waitlistUnits(book),
      left: s.state === 'open' && s.deadline > now ? formatDuration(s.deadline - now) : null,
    }) + (tier ? ` · ${tier}` : '')
  )
}

export function boardText(s: SaleView, book: Book, now: number, tz: string): string {
  const lines = [t('board.header', { no: s.no, title: s.title, state: t(`state.${s.state}`) })]
  if (hasVariants(book)) {
    for (const i of book.items)
      lines.push(
        t('board.item', { name: i.name, sold: soldOf(book, i.id), stock: i.stock, waiting: waitlistUnits(book, i.id) }),
      )
  } else {
    lines.push(
      t('board.single', { sold: soldOf(book), stock: s.stock, waiting: waitlistUnits(book), buyers: buyers(book) }),
    )
  }
  if (hasVariants(book)) lines.push(t('board.total', { sold: soldOf(book), stock: s.stock, buyers: buyers(book) }))
  if (s.minUnits !== null) lines.push(t('board.minUnits', { have: soldOf(book), need: s.minUnits }))
  if (s.minMembers !== null) lines.push(t('board.minMembers', { have: buyers(book), need: s.minMembers }))
  const tier = tierProgress(s, soldOf(book))
  if (tier) lines.push(t('tier.board', { text: tier }))
  if (s.state === 'open' && s.deadline > now)
    lines.push(t('board.left', { left: formatDuration(s.deadline - now), at: formatTime(s.deadline, now, tz) }))
  else lines.push(t('board.closed', { at: formatTime(s.deadline, now, tz) }))
  return lines.join('\n')
}

export function countdownText(s: SaleView, book: Book, now: number): string {
  let progress = progressLine(s, book, now).replace(/ · 剩 .*$/, '')
  if (s.minUnits !== null && soldOf(book) < s.minUnits) progress += `，成团还差 ${s.minUnits - soldOf(book)} 份`
  if (s.minMembers !== null && buyers(book) < s.minMembers) progress += `，成团还差 ${s.minMembers - buyers(book)} 人`
  const tier = tierProgress(s, soldOf(book))
  if (tier) progress += `，${tier}`
  return t('countdown.text', {
    no: s.no,
    title: s.title,
    left: formatDuration(s.deadline - now),
    progress,
    how: t('launch.how', { example: joinExample(book) }),
  })
}

export type DigestNotice = { kind: string; member: string; saleId: number | null; payload: Record<string, unknown> }
export type DigestSale = { view: SaleView; book: Book }

/** Keep one ack/cancel per member and sale (the latest); other notices keep only their latest of a kind. */
function collapse(notices: DigestNotice[]): DigestNotice[] {
  const last = new Map<string, DigestNotice>()
  notices.forEach((n) => {
    const slot = n.kind === 'ack' || n.kind === 'cancelled' ? 'state' : n.kind
    const key = `${n.saleId}|${n.member}|${slot}|${slot === 'state' ? (n.payload.item ?? '') : ''}`
    last.delete(key) // re-insert so the order follows the latest notice
    last.set(key, n)
  })
  return [...last.values()]
}

function ackList(acks: DigestNotice[]): string {
  const byShape = new Map<string, string[]>()
  for (const a of acks) {
    const key = `${a.payload.qty}|${a.payload.item ?? ''}`
    byShape.set(key, [...(byShape.get(key) ?? []), a.member])
  }
  const parts: string[] = []
  for (const [key, names] of byShape) {
    const [qty, item] = key.split('|')
    if (names.length === 1) parts.push(t('digest.ackOne', { name: names[0], qty: Number(qty), item: itemLabel(item) }))
    else {
      const shown = names.slice(0, 10)
      parts.push(
        t('digest.ackSame', {
          names: shown.join('、'),
          more: names.length > 10 ? names.length : 0,
          qty: Number(qty),
          item: itemLabel(item),
        }),
      )
    }
  }
  return parts.join('；')
}

/** One digest for a group: a block per sale touched, plus notices not tied to a sale. */
export function digestText(
  notices: DigestNotice[],
  sales: Map<number, DigestSale>,
  now: number,
  cap: number,
): { text: string; mentions: string[] } {
  const m = new Mentions(cap)
  const blocks: string[] = []
  // votes, intents, 接龙 lines and lottery entries get blocks of their own (demandDigest.ts)
  const list = collapse(notices.filter((n) => !isDemandNotice(n.kind)))
  const saleIds = [...new Set(list.map((n) => n.saleId))]
  for (const saleId of saleIds) {
    const mine = list.filter((n) => n.saleId === saleId)
    const sale = saleId === null ? undefined : sales.get(saleId)
    const lines: string[] = []
    lines.push(
      sale
        ? t('digest.header', {
            no: sale.view.no,
            title: sale.view.title,
            progress: progressLine(sale.view, sale.book, now),
          })
        : t('digest.general'),
    )
    // past the @ cap, per-member lines are folded into one named list per kind, so a
    // burst of hundreds of waitlisted members stays one readable message
    const overflow = new Map<string, string[]>()
    for (const n of mine) {
      const p = n.payload
      if (OVERFLOW_KINDS.includes(n.kind) && m.full() && !m.names.includes(n.member)) {
        overflow.set(n.kind, [...(overflow.get(n.kind) ?? []), n.member])
        continue
      }
      if (n.kind === 'capped')
        lines.push(t('digest.capped', { who: m.at(n.member), limit: Number(p.limit), got: Number(p.got) }))
      else if (n.kind === 'waitlisted')
        lines.push(t('digest.waitlisted', { who: m.at(n.member), got: Number(p.got), waiting: Number(p.waiting) }))
      else if (n.kind === 'promoted')
        lines.push(
          t('digest.promoted', {
            who: m.at(n.member),
            qty: Number(p.qty),
            item: itemLabel(String(p.item ?? '')),
            waiting: Number(p.waiting),
          }),
        )
      else if (n.kind === 'ask') lines.push(t('digest.ask', { who: m.at(n.member), question: String(p.question) }))
      else if (n.kind === 'refused') lines.push(t('digest.refused', { who: m.at(n.member), reason: String(p.reason) }))
    }
    for (const [kind, names] of overflow) {
      lines.push(
        t('digest.overflow', {
          kind: t(`digest.overflow.${kind as OverflowKind}`),
          names: names.slice(0, 30).join('、'),
          n: names.length,
        }),
      )
    }
    lines.push(...fulfilmentLines(mine, m))
    const acks = mine.filter((n) => n.kind === 'ack')
    if (acks.length > 0) lines.splice(1, 0, t('digest.acks', { list: ackList(acks) }))
    const cancels = mine.filter((n) => n.kind === 'cancelled').map((n) => n.member)
    if (cancels.length > 0)
      lines.splice(
        1,
        0,
        t('digest.cancelled', {
          names: cancels.slice(0, 20).join('、') + (cancels.length > 20 ? ` 等 ${cancels.length} 人` : ''),
        }),
      )
    blocks.push(lines.join('\n'))
  }
  blocks.push(
    ...demandBlocks(
      notices.filter((n) => isDemandNotice(n.kind)),
      m,
    ),
  )
  return { text: blocks.join('\n\n'), mentions: m.names }
}

/** The close message: who pays what on success; nobody owes anything otherwise. */
export function summaryText(
  s: SaleView,
  book: Book,
  names: Map<number, string>,
  cap: number,
): { text: string; mentions: string[] } {
  const m = new Mentions(cap)
  if (s.state === 'aborted' || s.state === 'failed') {
    const people = [
      ...new Set([
        ...book.orders.filter((o) => o.confirmed > 0).map((o) => o.memberId),
        ...book.waitlist.map((w) => w.memberId),
      ]),
    ]
    let head: string
    if (s.state === 'aborted') head = t('close.aborted', { no: s.no, title: s.title })
    else {
      const reason =
        s.minUnits !== null && soldOf(book) < s.minUnits
          ? t('close.failedUnits', { have: soldOf(book), need: s.minUnits })
          : t('close.failedMembers', { have: buyers(book), need: s.minMembers ?? 0 })
      head = t('close.failed', { no: s.no, title: s.title, reason })
    }
    const who = people.map((id) => m.at(names.get(id) ?? '?'))
    return { text: who.length > 0 ? `${head}\n${who.join(' ')}` : head, mentions: m.names }
  }
  const list = bills(book)
  if (list.length === 0) return { text: t('close.empty', { no: s.no, title: s.title }), mentions: [] }
  const total = list.reduce((x, b) => x + b.totalFen, 0)
  const lines = [
    t('close.success', { no: s.no, title: s.title, total: money(total), units: soldOf(book), buyers: list.length }),
  ]
  for (const b of list) {
    const detail = b.lines
      .map((l) => {
        const item = book.items.find((i) => i.id === l.itemId)!
        return `${item.name ? item.name + ' ' : ''}${l.qty} 份 × ${money(item.priceFen)}`
      })
      .join(' + ')
    lines.push(t('close.line', { who: m.at(names.get(b.memberId) ?? '?'), detail, amount: money(b.totalFen) }))
  }
  // named (without @): a pending "you are waitlisted" notice is dropped at the close, this replaces it
  const waiting = [...new Set(book.waitlist.map((w) => w.memberId))].map((id) => names.get(id) ?? '?')
  if (waiting.length > 0) lines.push(t('close.waitlistNote', { n: waiting.length, names: waiting.join('、') }))
  return { text: lines.join('\n'), mentions: m.names }
}
