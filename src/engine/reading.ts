// A member's words, as the join reader reads them against the group's open sales, turned
// into changes through the sale rules and limits: set, add, subtract, switch and cancel,
// several items acknowledged in one digest. Used by the join and quit commands.
import type { Db } from '../db/db.js'
import * as rules from '../core/sale.js'
import { readOrder, type Change, type Reading, type ReadMode, type Vocab } from '../core/reader.js'
import { t } from '../i18n/zh-CN.js'
import { ensureMember, itemsOf, loadBook, openSales, saleByNo, saveBook, type SaleRow } from './repo.js'
import { cancelMember, noteSoldOut, promotionNotices } from './sales.js'
import { deliveryFromJoin } from './delivery.js'
import {
  commitIntent,
  commitsOf,
  committedTo,
  intentByNo,
  openIntents,
  routeJoin,
  withdrawFromQuit,
} from './intents.js'
import { enterLottery, lotteryOpen, settleLotteries, withdrawEntries } from './lottery.js'
import { noteSource } from './orderSource.js'
import type { GroupCtx, MemberRow, Reply } from './types.js'

type Books = (s: SaleRow) => rules.Book

const heldIn = (b: rules.Book, memberId: number, itemId: number) =>
  rules.confirmedOf(b, memberId, itemId) + rules.waitingOf(b, memberId, itemId)

/** A member's confirmed and waiting units in `n` sales, by sale and item (db.ts compiles each text once). */
function heldStatement(db: Db, n: number) {
  const ids = Array(n).fill('?').join(',')
  return db.$client
    .prepare(`select sale_id as saleId, item_id as itemId, confirmed as n from orders where member_id = ? and sale_id in (${ids}) and confirmed > 0
    union all select sale_id as saleId, item_id as itemId, qty as n from waitlist where member_id = ? and sale_id in (${ids})`)
}

/**
 * The open sales as the reader's vocabulary, with what the member holds of each item. Only the
 * items and the member's own rows are read here: whole books are loaded for the sales a
 * reading changes.
 */
export function vocabOf(db: Db, groupId: number, memberId: number, open: SaleRow[], bookOf?: Books): Vocab {
  // what the member holds matters only to some readings (减一份, 换成灰色): read on first use
  let intents: boolean | undefined
  let held: Map<string, number> | null = null
  const heldOf = (key: string): number => {
    if (held === null) {
      held = new Map()
      const ids = open.map((s) => s.id)
      for (const r of heldStatement(db, ids.length).all(memberId, ...ids, memberId, ...ids) as {
        saleId: number
        itemId: number
        n: number
      }[]) {
        held.set(`${r.saleId}:${r.itemId}`, (held.get(`${r.saleId}:${r.itemId}`) ?? 0) + r.n)
      }
    }
    return held.get(key) ?? 0
  }
  // with one sale open its book is read for the change anyway: its items and holdings come from there
  const only = open.length === 1 && bookOf ? bookOf(open[0]) : null
  return {
    sales: open.map((s) => ({
      no: s.no,
      title: s.title,
      items: only
        ? only.items.map((i) => ({ id: i.id, name: i.name, held: heldIn(only, memberId, i.id) }))
        : itemsOf(db, s.id).map((i) => ({
            id: i.id,
            name: i.isDefault ? '' : i.name,
            get held() {
              return heldOf(`${s.id}:${i.id}`)
            },
          })),
    })),
    // asked only when a message names no sale: most joins never need the query
    get intentsOpen() {
      return (intents ??= openIntents(db, groupId).length > 0)
    },
  }
}

type Read = { r: Reading; vocab: Vocab; open: SaleRow[]; bookOf: Books }

function read(ctx: GroupCtx, text: string, mode: ReadMode): Read {
  const open = openSales(ctx.db, ctx.group.id)
  const books = new Map<number, rules.Book>()
  const bookOf: Books = (s) => books.get(s.id) ?? books.set(s.id, loadBook(ctx.db, s)).get(s.id)!
  const vocab = vocabOf(ctx.db, ctx.group.id, ctx.member.id, open, bookOf)
  return { r: readOrder(text, vocab, mode), vocab, open, bookOf }
}

/** What a member's message asks for in the group, without applying it. */
export const readIn = (ctx: GroupCtx, text: string, mode: ReadMode): Reading => read(ctx, text, mode).r

/** Read a member's message in the group and apply what it asks for. */
export function readAndApply(ctx: GroupCtx, text: string, mode: ReadMode): Reply[] {
  settleLotteries(ctx.db, ctx.group.id, ctx.now)
  const { r, vocab, open, bookOf } = read(ctx, text, mode)
  if (r.kind === 'loose') {
    // no sale named and intents open: the intent path places it, or leaves it to the sales
    const routed = routeJoin(ctx, { mode: r.op, quantity: r.qty, saleRef: r.saleRef, rest: r.words })
    if (routed) return routed
    const again = readOrder(text, { ...vocab, intentsOpen: false }, mode)
    return again.kind === 'loose' ? [] : apply(ctx, again, open, bookOf)
  }
  return apply(ctx, r, open, bookOf)
}

/**
 * '#需求3 +2', '需求3 减一份': the words are read with the intent as the only item; the
 * intent records a total (nobody owes anything).
 */
export function readIntentJoin(ctx: GroupCtx, ref: number, rest: string, mode: ReadMode): Reply[] {
  const { db } = ctx
  const group = ctx.group
  const member = ctx.member
  const ask = (question: string): Reply[] => [
    { kind: 'notice', notice: 'ask', member: member.name, payload: { question } },
  ]
  const i = intentByNo(db, group.id, ref)
  if (!i) return ask(t('demand.notFound', { no: ref }))
  const held = commitsOf(db, i.id).find((c) => c.memberId === member.id)?.qty ?? 0
  const r = readOrder(rest, { sales: [{ no: 0, title: i.title, items: [{ id: 0, name: '', held }] }] }, mode)
  if (r.kind === 'ask') return ask(r.question)
  if (r.kind !== 'order') return []
  const c = r.changes[0]
  if (r.changes.length !== 1 || c.op === 'switch') return []
  if (c.op === 'cancel') return withdrawFromQuit(ctx, ref) ?? []
  const qty = c.op === 'sub' ? Math.max(0, held - c.qty) : c.qty
  return commitIntent(db, group, i, member, qty, c.op === 'add' ? 'add' : 'set', r.words, ctx.now)
}

function apply(ctx: GroupCtx, r: Reading, open: SaleRow[], bookOf: Books): Reply[] {
  const member = ctx.member
  if (r.kind === 'none' || r.kind === 'loose') return []
  if (r.kind === 'ask') {
    // a sale that exists but has closed gets a clearer answer than "not found"
    const ended = r.ref !== undefined ? saleByNo(ctx.db, ctx.group.id, r.ref) : undefined
    const question = ended && ended.state !== 'open' ? t('sale.notOpen', { no: ended.no }) : r.question
    return [{ kind: 'notice', notice: 'ask', member: member.name, payload: { question } }]
  }
  // 帮王姐+1: the entry is for the member named (a name a human just typed, resolved here)
  const who = r.forName === null ? member : ensureMember(ctx.db, ctx.group.id, r.forName)
  const by = r.forName === null ? null : member.name
  const replies: Reply[] = []
  const cancels = r.changes.filter((c) => c.op === 'cancel')
  if (cancels.length > 0) replies.push(...cancel(ctx, who, cancels, open, bookOf))
  for (const sale of open) {
    const mine = r.changes.filter((c) => c.op !== 'cancel' && c.sale === sale.no)
    if (mine.length > 0) replies.push(...applyToSale(ctx, sale, bookOf(sale), who, by, mine, r.text))
  }
  return replies
}

/** One sale's changes, in order, through the sale rules: each item's total, limits, waitlist. */
function applyToSale(
  ctx: GroupCtx,
  sale: SaleRow,
  original: rules.Book,
  member: MemberRow,
  by: string | null,
  changes: Change[],
  text: string,
): Reply[] {
  const { db, now } = ctx
  const steps: { itemId: number; qty: number; mode: 'set' | 'add' }[] = []
  for (const c of changes) {
    if (c.op === 'set' || c.op === 'add') steps.push({ itemId: c.item, qty: c.qty, mode: c.op })
    else if (c.op === 'sub')
      steps.push({ itemId: c.item, qty: Math.max(0, heldIn(original, member.id, c.item) - c.qty), mode: 'set' })
    else if (c.op === 'switch') {
      // the units move: free the old item first so the limit sees the member's real total
      const moving = heldIn(original, member.id, c.item)
      steps.push({ itemId: c.item, qty: 0, mode: 'set' }, { itemId: c.to, qty: moving, mode: 'add' })
    }
  }
  const base = { member: member.name, saleId: sale.id }
  const itemName = (id: number) => original.items.find((i) => i.id === id)!.name
  const delivery = deliveryFromJoin(db, sale, member, text)
  if (lotteryOpen(db, sale, now)) {
    return [
      ...steps.flatMap((s) => enterLottery(db, sale, original, member, s.itemId, s.qty, s.mode, now)),
      ...delivery,
    ]
  }
  let book = original
  const replies: Reply[] = []
  const stamps: { before: rules.Book; after: rules.Book; itemId: number }[] = []
  for (const s of steps) {
    const r = rules.join(book, member.id, s.itemId, s.qty, s.mode)
    if (r.unchanged && !r.capped) continue
    stamps.push({ before: book, after: r.book, itemId: s.itemId })
    book = r.book
    const item = itemName(s.itemId)
    if (r.confirmed + r.waiting === 0) replies.push({ kind: 'notice', notice: 'cancelled', ...base, payload: { item } })
    else if (r.waiting > 0)
      replies.push({
        kind: 'notice',
        notice: 'waitlisted',
        ...base,
        payload: { got: r.confirmed, waiting: r.waiting, item },
      })
    else if (!r.capped) replies.push({ kind: 'notice', notice: 'ack', ...base, payload: { qty: r.confirmed, item } })
    if (r.capped)
      replies.push({
        kind: 'notice',
        notice: 'capped',
        ...base,
        payload: { limit: book.limit, got: r.confirmed + r.waiting },
      })
    replies.push(...promotionNotices(db, sale, r.book, r.promotions))
  }
  if (book === original) return delivery
  saveBook(db, sale.id, original, book, now)
  const source = by !== null ? 'proxy' : committedTo(db, sale, member.id) ? 'intent' : 'join'
  for (const s of stamps) noteSource(db, sale.id, s.before, s.after, member.id, s.itemId, source, by, now)
  noteSoldOut(db, sale, book, now)
  if (by !== null)
    replies.push({
      kind: 'notice',
      notice: 'chainProxy',
      member: by,
      saleId: sale.id,
      payload: { target: `团${sale.no}`, name: member.name },
    })
  return [...replies, ...delivery]
}

/** Cancels: everything (no item or sale named), one sale, or one item. Nothing held is nothing to say. */
function cancel(ctx: GroupCtx, member: MemberRow, cancels: Change[], open: SaleRow[], bookOf: Books): Reply[] {
  const replies: Reply[] = []
  for (const c of cancels) {
    if (c.op !== 'cancel') continue
    const sales = c.sale === null ? open : open.filter((s) => s.no === c.sale)
    for (const sale of sales) {
      if (c.item !== null) replies.push(...cancelItem(ctx, sale, bookOf(sale), member, c.item))
      else
        replies.push(
          ...cancelMember(ctx.db, sale, member, ctx.now).replies,
          ...withdrawEntries(ctx.db, sale, member, ctx.now),
        )
    }
    // nothing in a sale: the member's intent, if that is all they have
    if (c.sale === null && replies.length === 0 && member.id === ctx.member.id)
      replies.push(...(withdrawFromQuit(ctx, null) ?? []))
  }
  return replies
}

/** `取消 大果`, `灰色不要了`: drop one item only. */
export function cancelItem(
  ctx: GroupCtx,
  sale: SaleRow,
  before: rules.Book,
  member: MemberRow,
  itemId: number,
): Reply[] {
  if (heldIn(before, member.id, itemId) === 0) return []
  const r = rules.setTotal(before, member.id, itemId, 0)
  saveBook(ctx.db, sale.id, before, r.book, ctx.now)
  noteSoldOut(ctx.db, sale, r.book, ctx.now)
  const item = before.items.find((i) => i.id === itemId)!.name
  return [
    { kind: 'notice', notice: 'cancelled', member: member.name, saleId: sale.id, payload: { item } },
    ...promotionNotices(ctx.db, sale, r.book, r.promotions),
  ]
}
