// The lottery (抽签) in the database: set up at launch, joins during the window become
// entries, the draw at the window's end (or at an early close) gives out the stock in
// drawn order and queues the rest. sales.ts calls this at launch and close: never import it.
import { and, asc, eq, isNull, lte } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { items, jobs, lotteryEntries, members, sales } from '../db/schema.js'
import * as rules from '../core/sale.js'
import { drawOrder, makeSeed } from '../core/lottery.js'
import { formatTime } from '../core/deadline.js'
import { Mentions } from '../core/render.js'
import { t } from '../i18n/zh-CN.js'
import { cancelJobs, scheduleJob } from './jobs.js'
import { enqueue, groupById, loadBook, saveBook, saleById, type SaleRow } from './repo.js'
import { stampSource } from './orderSource.js'
import { MENTION_CAP } from './demandKit.js'
import type { GroupRow, Reply } from './types.js'
import { setSoldOutAnnounced, startLottery } from '../services/sales.js'

export const LOTTERY_DRAW_JOB = 'lottery.draw'

/** At launch with `抽签: 10分钟`: the window, the seed (announced now), the draw job. */
export function lotteryAtLaunch(db: Db, group: GroupRow, sale: SaleRow, lotteryMs: number, now: number): string[] {
  const until = now + lotteryMs
  const seed = makeSeed([group.topic, sale.no, sale.id, sale.createdAt])
  startLottery(db, sale.id, until, seed)
  scheduleJob(db, LOTTERY_DRAW_JOB, sale.id, until)
  return [t('lottery.launch', { until: formatTime(until, now, group.tz), seed })]
}

/** The draw has not happened yet. */
export function lotteryPending(db: Db, sale: SaleRow): boolean {
  if (sale.lotteryUntil === null) return false
  return (
    db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, LOTTERY_DRAW_JOB), eq(jobs.refId, sale.id), isNull(jobs.doneAt)))
      .get() !== undefined
  )
}

/** Joins now are entries, not orders. */
export function lotteryOpen(db: Db, sale: SaleRow, now: number): boolean {
  return sale.lotteryUntil !== null && now < sale.lotteryUntil && lotteryPending(db, sale)
}

type EntryRow = { memberId: number; itemId: number; qty: number; seq: number }

function entriesOf(db: Db, saleId: number): EntryRow[] {
  return db
    .select({
      memberId: lotteryEntries.memberId,
      itemId: lotteryEntries.itemId,
      qty: lotteryEntries.qty,
      seq: lotteryEntries.seq,
    })
    .from(lotteryEntries)
    .where(eq(lotteryEntries.saleId, saleId))
    .orderBy(asc(lotteryEntries.seq))
    .all()
}

function entryNotice(
  db: Db,
  sale: SaleRow,
  member: string,
  kind: 'lotteryEntry' | 'lotteryWithdrawn',
  item: string,
  qty: number,
  now: number,
): Reply {
  const entrants = new Set(entriesOf(db, sale.id).map((e) => e.memberId)).size
  const tz = groupById(db, sale.groupId).tz
  return {
    kind: 'notice',
    notice: kind,
    member,
    saleId: sale.id,
    payload: { sale: sale.no, title: sale.title, qty, item, entrants, drawAt: formatTime(sale.lotteryUntil!, now, tz) },
  }
}

/**
 * A join during the window: the member's entry for that item is set (or added to), capped
 * by the sale's per-member limit over all their entries; 0 withdraws it.
 */
export function enterLottery(
  db: Db,
  sale: SaleRow,
  book: rules.Book,
  member: { id: number; name: string },
  itemId: number,
  qty: number,
  mode: 'set' | 'add',
  now: number,
): Reply[] {
  const mine = entriesOf(db, sale.id).filter((e) => e.memberId === member.id)
  const current = mine.find((e) => e.itemId === itemId)?.qty ?? 0
  const asked = Math.min(999, mode === 'add' ? current + qty : qty)
  let target = asked
  let capped = false
  if (sale.limitPerMember !== null) {
    const room = Math.max(
      0,
      sale.limitPerMember - mine.filter((e) => e.itemId !== itemId).reduce((s, e) => s + e.qty, 0),
    )
    if (target > room) {
      target = room
      capped = true
    }
  }
  if (target === current && !capped) return []
  const item = book.items.find((i) => i.id === itemId)?.name ?? ''
  const where = and(
    eq(lotteryEntries.saleId, sale.id),
    eq(lotteryEntries.memberId, member.id),
    eq(lotteryEntries.itemId, itemId),
  )
  const replies: Reply[] = []
  if (target === 0) {
    db.delete(lotteryEntries).where(where).run()
    if (current > 0) replies.push(entryNotice(db, sale, member.name, 'lotteryWithdrawn', item, 0, now))
  } else if (target !== current) {
    if (current > 0) db.update(lotteryEntries).set({ qty: target }).where(where).run()
    else {
      const seq = entriesOf(db, sale.id).reduce((m, e) => Math.max(m, e.seq), 0) + 1
      db.insert(lotteryEntries).values({ saleId: sale.id, memberId: member.id, itemId, qty: target, seq }).run()
    }
    replies.push(entryNotice(db, sale, member.name, 'lotteryEntry', item, target, now))
  }
  if (capped)
    replies.push({
      kind: 'notice',
      notice: 'capped',
      member: member.name,
      saleId: sale.id,
      payload: { limit: sale.limitPerMember, got: target },
    })
  return replies
}

/** `取消` during the window. */
export function withdrawEntries(db: Db, sale: SaleRow, member: { id: number; name: string }, now: number): Reply[] {
  if (!lotteryOpen(db, sale, now)) return []
  const r = db
    .delete(lotteryEntries)
    .where(and(eq(lotteryEntries.saleId, sale.id), eq(lotteryEntries.memberId, member.id)))
    .run()
  return r.changes > 0 ? [entryNotice(db, sale, member.name, 'lotteryWithdrawn', '', 0, now)] : []
}

/** Draw: see src/core/lottery.ts for the algorithm anyone can re-run. */
export function drawLottery(db: Db, sale: SaleRow, now: number): void {
  const seed = sale.lotterySeed ?? ''
  const rows = db
    .select({
      memberId: lotteryEntries.memberId,
      itemId: lotteryEntries.itemId,
      qty: lotteryEntries.qty,
      name: members.name,
      item: items.name,
      isDefault: items.isDefault,
    })
    .from(lotteryEntries)
    .innerJoin(members, eq(lotteryEntries.memberId, members.id))
    .innerJoin(items, eq(lotteryEntries.itemId, items.id))
    .where(eq(lotteryEntries.saleId, sale.id))
    .all()
  if (rows.length === 0) {
    enqueue(
      db,
      { groupId: sale.groupId, text: t('lottery.empty', { no: sale.no, title: sale.title }), kind: 'event' },
      now,
    )
    return
  }
  const order = drawOrder(
    rows.map((r) => ({ ...r, variant: r.isDefault ? '' : r.item })),
    seed,
  )
  const before = loadBook(db, sale)
  let book = before
  const outcome = order.map((e) => {
    const r = rules.join(book, e.memberId, e.itemId, e.qty, 'set')
    book = r.book
    return { ...e, got: r.confirmed, waiting: r.waiting }
  })
  saveBook(db, sale.id, before, book, now)
  for (const e of order) stampSource(db, sale.id, e.memberId, e.itemId, 'lottery', null, now)

  const m = new Mentions(MENTION_CAP)
  const label = (e: { variant: string }) => (e.variant ? ` ${e.variant}` : '')
  const won = outcome
    .filter((e) => e.got > 0)
    .map((e) => t('lottery.wonLine', { who: m.at(e.name), got: e.got, item: label(e), waiting: e.waiting }))
  const waiting = outcome
    .filter((e) => e.got === 0)
    .map((e) => t('lottery.entryLine', { who: m.at(e.name), qty: e.waiting, item: label(e) }))
  const lines = [
    t('lottery.result', {
      no: sale.no,
      title: sale.title,
      seed,
      entrants: new Set(rows.map((r) => r.memberId)).size,
      units: rows.reduce((s, r) => s + r.qty, 0),
    }),
  ]
  if (won.length > 0) lines.push(t('lottery.won', { list: won.join('、') }))
  if (waiting.length > 0) lines.push(t('lottery.waiting', { list: waiting.join('、') }))
  lines.push(
    t('lottery.order', {
      list: order.map((e, i) => `${i + 1}.${e.name}${e.variant ? `(${e.variant})` : ''}`).join(' '),
    }),
  )
  lines.push(t('lottery.verify'))
  const soldOut = rules.isSoldOut(book)
  lines.push(soldOut ? t('lottery.soldOut') : t('lottery.after'))
  if (soldOut) setSoldOutAnnounced(db, sale.id, true)
  enqueue(db, { groupId: sale.groupId, text: lines.join('\n'), mentions: m.names, kind: 'event' }, now)
}

/** Draw every lottery of the group whose window has ended but whose job has not run yet (a late tick). */
export function settleLotteries(db: Db, groupId: number, now: number): void {
  const due = db
    .select()
    .from(sales)
    .where(and(eq(sales.groupId, groupId), eq(sales.state, 'open'), lte(sales.lotteryUntil, now)))
    .all()
  for (const sale of due) {
    if (!lotteryPending(db, sale)) continue
    cancelJobs(db, LOTTERY_DRAW_JOB, sale.id)
    drawLottery(db, sale, now)
  }
}

/** Before a sale closes: an early close draws first; an abort drops the draw. */
export function settleLotteryAtClose(db: Db, sale: SaleRow, how: 'close' | 'abort', now: number): void {
  if (!lotteryPending(db, sale)) return
  cancelJobs(db, LOTTERY_DRAW_JOB, sale.id)
  if (how === 'close') drawLottery(db, sale, now)
}

/** The job at the window's end. */
export async function drawLotteryJob(db: Db, saleId: number, now: number): Promise<void> {
  const sale = saleById(db, saleId)
  if (sale && sale.state === 'open') drawLottery(db, sale, now)
}
