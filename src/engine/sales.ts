// Sale operations the commands share: each reads the book, applies a pure rule,
// writes back and queues what the group must hear. Called inside the engine's transaction.
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, items, notices, outbox } from '../db/schema.js'
import * as rules from '../core/sale.js'
import { summaryText, countdownText, launchText, type SaleView } from '../core/render.js'
import { countdownStep, parseOffsets } from '../core/schedule.js'
import type { LaunchSpec } from '../core/launch.js'
import { t } from '../i18n/zh-CN.js'
import { enqueue, groupById, loadBook, namesById, saveBook, openSales, type SaleRow } from './repo.js'
import type { GroupRow, MemberRow, Reply } from './types.js'
import { launchColumns, pointsOf, settleAtClose, tiersOf } from './fulfilment.js'
import { launchExtras } from './launchExtras.js'
import { settleLotteryAtClose } from './lottery.js'
import { insertSale, setCountdowns, setDeadline, setSaleState, setSoldOutAnnounced } from '../services/sales.js'

export const MENTION_CAP = 20
/** The outbox kind of a 进度 board. */
export const BOARD_KIND = 'board'
export const STALE_MS = 2 * 60_000

export const view = (s: SaleRow): SaleView => ({
  no: s.no,
  title: s.title,
  priceFen: s.priceFen,
  stock: s.stock,
  limit: s.limitPerMember,
  minUnits: s.minUnits,
  minMembers: s.minMembers,
  deadline: s.deadline,
  note: s.note,
  state: s.state,
  tiers: tiersOf(s),
  pickupPoints: pointsOf(s),
  shippingFeeFen: s.shippingFeeFen,
  payGraceMs: s.payGraceMs,
})

export const quietOf = (g: GroupRow) => ({ start: g.quietStart, end: g.quietEnd, tz: g.tz })
const doneOf = (s: SaleRow) => s.countdownsDone.split(',').filter(Boolean).map(Number)

export function launchSale(db: Db, group: GroupRow, by: MemberRow, spec: LaunchSpec, now: number): SaleRow {
  const no = group.nextSaleNo
  db.update(groups)
    .set({ nextSaleNo: no + 1 })
    .where(eq(groups.id, group.id))
    .run()
  // countdowns already inside the window at launch are not sent: the launch message says when it ends
  const offsets = parseOffsets(group.countdowns)
  const passed = offsets.filter((o) => spec.deadline - o * 60_000 <= now)
  const step = countdownStep(spec.deadline, offsets, passed, now, quietOf(group), STALE_MS)
  const sale = insertSale(db, {
    groupId: group.id,
    no,
    title: spec.title,
    note: spec.note,
    priceFen: spec.priceFen,
    stock: spec.stock,
    limitPerMember: spec.limit,
    minUnits: spec.minUnits,
    minMembers: spec.minMembers,
    deadline: spec.deadline,
    createdBy: by.id,
    createdAt: now,
    countdownsDone: step.done.join(','),
    nextAlertAt: step.nextAt,
    ...launchColumns(db, spec),
  })
  if (spec.variants.length === 0) {
    db.insert(items)
      .values({ saleId: sale.id, name: spec.title, priceFen: spec.priceFen, stock: null, isDefault: true })
      .run()
  } else {
    for (const v of spec.variants)
      db.insert(items)
        .values({ saleId: sale.id, name: v.name, priceFen: v.priceFen ?? spec.priceFen, stock: v.stock })
        .run()
  }
  const others = openSales(db, group.id).filter((s) => s.id !== sale.id).length > 0
  // a sale launched with 抽签 announces its window and seed; one launched from an intent asks its members to confirm
  const extra = launchExtras(db, group, sale, spec, now)
  const text = [launchText(view(sale), loadBook(db, sale), now, group.tz, others), ...extra.lines].join('\n')
  enqueue(db, { groupId: group.id, text, mentions: extra.mentions, kind: 'event' }, now)
  return sale
}

/** Announce "sold out" once each time the sale runs out. */
export function noteSoldOut(db: Db, sale: SaleRow, book: rules.Book, now: number): void {
  const out = rules.isSoldOut(book)
  if (out && !sale.soldOutAnnounced) {
    enqueue(
      db,
      { groupId: sale.groupId, text: t('sale.soldOut', { no: sale.no, title: sale.title }), kind: 'event' },
      now,
    )
  }
  if (out !== sale.soldOutAnnounced) setSoldOutAnnounced(db, sale.id, out)
}

export function promotionNotices(db: Db, sale: SaleRow, book: rules.Book, promotions: rules.Promotion[]): Reply[] {
  const names = namesById(
    db,
    promotions.map((p) => p.memberId),
  )
  return promotions.map((p) => ({
    kind: 'notice' as const,
    notice: 'promoted' as const,
    member: names.get(p.memberId) ?? '?',
    saleId: sale.id,
    payload: { qty: p.qty, waiting: p.stillWaiting, item: book.items.find((i) => i.id === p.itemId)?.name ?? '' },
  }))
}

export function cancelMember(
  db: Db,
  sale: SaleRow,
  member: MemberRow,
  now: number,
): { freed: number; replies: Reply[] } {
  const before = loadBook(db, sale)
  const r = rules.cancelAll(before, member.id)
  if (r.freed === 0) return { freed: 0, replies: [] }
  saveBook(db, sale.id, before, r.book, now)
  noteSoldOut(db, sale, r.book, now)
  return {
    freed: r.freed,
    replies: [
      { kind: 'notice', notice: 'cancelled', member: member.name, saleId: sale.id, payload: {} },
      ...promotionNotices(db, sale, r.book, r.promotions),
    ],
  }
}

/** Close a sale: succeeded or failed by its minimum, or aborted; one summary to the group. */
export function closeSale(db: Db, sale: SaleRow, now: number, how: 'close' | 'abort', recovered = false): void {
  // a lottery still waiting for its draw is drawn first on a close, dropped on an abort
  settleLotteryAtClose(db, sale, how, now)
  const book = loadBook(db, sale)
  const min = { units: sale.minUnits, members: sale.minMembers }
  const state = how === 'abort' ? 'aborted' : rules.minimumReached(book, min) ? 'succeeded' : 'failed'
  setSaleState(db, sale.id, state, now)
  const closed = { ...sale, state } as SaleRow
  const ids = [...book.orders.map((o) => o.memberId), ...book.waitlist.map((w) => w.memberId)]
  // a successful close fixes the final tier price, opens payment and delivery, advises on supply
  const settled = state === 'succeeded' ? settleAtClose(db, closed, book, now) : { book, lines: [] }
  const s = summaryText(view(closed), settled.book, namesById(db, ids), MENTION_CAP)
  const body = [s.text, ...settled.lines].join('\n')
  const text = recovered ? `${body}\n${t('close.recovered')}` : body
  enqueue(db, { groupId: sale.groupId, text, mentions: s.mentions, kind: 'event' }, now)
  // the close goes out ahead of queued answers; a board still queued would then tell the group
  // the sale is open after its summary, so it is dropped (a new 进度 shows the closed sale)
  db.delete(outbox)
    .where(and(eq(outbox.groupId, sale.groupId), eq(outbox.kind, BOARD_KIND), isNull(outbox.sentAt)))
    .run()
  // the summary supersedes the sale's pending acks and notices: a digest after it
  // (held by quiet hours or a restart) would tell members they are in a sale that has ended
  db.delete(notices).where(eq(notices.saleId, sale.id)).run()
}

export function extendSale(db: Db, sale: SaleRow, deadline: number, now: number): SaleRow {
  const group = groupById(db, sale.groupId)
  const offsets = parseOffsets(group.countdowns)
  // countdowns whose time is ahead again may fire again; those already passed stay done
  const passed = offsets.filter((o) => deadline - o * 60_000 <= now)
  const step = countdownStep(deadline, offsets, passed, now, quietOf(group), STALE_MS)
  return setDeadline(db, sale.id, deadline, step.done.join(','), step.nextAt)
}

/** Whatever a sale needs at `now`: its close at the deadline, or a countdown. */
export function alertSale(db: Db, sale: SaleRow, now: number): void {
  if (sale.state !== 'open') return
  if (sale.deadline <= now) {
    closeSale(db, sale, now, 'close', now - sale.deadline > STALE_MS)
    return
  }
  const group = groupById(db, sale.groupId)
  const step = countdownStep(sale.deadline, parseOffsets(group.countdowns), doneOf(sale), now, quietOf(group), STALE_MS)
  if (step.send !== null) {
    enqueue(
      db,
      { groupId: sale.groupId, text: countdownText(view(sale), loadBook(db, sale), now), kind: 'countdown' },
      now,
    )
  }
  setCountdowns(db, sale.id, step.done.join(','), step.nextAt)
}
