// After the sale: what each member owes at the final tier, how they get their goods, and
// when the sale is done. Called inside the engine's transaction.
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { rowOf } from '../db/rows.js'
import { groups, items, members, orders, participants, sales } from '../db/schema.js'
import * as rules from '../core/sale.js'
import { itemPriceAt, priceAt, tierAt, tiersFromJson, type Tier } from '../core/tiers.js'
import { parseDeadline, formatTime } from '../core/deadline.js'
import { isQuiet, quietEnd } from '../core/schedule.js'
import { pickupOf } from '../core/delivery.js'
import type { LaunchSpec } from '../core/launch.js'
import { money } from '../core/render.js'
import { t } from '../i18n/zh-CN.js'
import { enqueue, groupById, type SaleRow } from './repo.js'
import { scheduleJob } from './jobs.js'
import { supplierForLaunch, adviseSupply } from './supply.js'
import { markCompleted } from '../services/sales.js'

export type ParticipantRow = typeof participants.$inferSelect
export type OrderLine = { itemId: number; item: string; qty: number; priceFen: number; amountFen: number }
export type MemberOrder = {
  participant: ParticipantRow
  memberId: number
  name: string
  lines: OrderLine[]
  units: number
  goodsFen: number
  shippingFen: number
  /** goods plus shipping: what the member transfers */
  dueFen: number
  refundFen: number
}

export const pointsOf = (s: SaleRow): string[] => {
  try {
    const v = JSON.parse(s.pickupPoints ?? '[]')
    return Array.isArray(v) ? v.map(String) : []
  } catch {
    return []
  }
}
export const tiersOf = (s: SaleRow): Tier[] => tiersFromJson(s.tiers)
export const shipsOf = (s: SaleRow): boolean => s.shippingFeeFen !== null

/** The columns a launch spec's fulfilment keys fill in; a bad supplier refuses the launch. */
export function launchColumns(db: Db, spec: LaunchSpec) {
  return {
    tiers: spec.tiers && spec.tiers.length > 0 ? JSON.stringify(spec.tiers) : null,
    pickupPoints: spec.pickupPoints && spec.pickupPoints.length > 0 ? JSON.stringify(spec.pickupPoints) : null,
    shippingFeeFen: spec.shippingFeeFen ?? null,
    payGraceMs: spec.payGraceMs ?? null,
    supplierId: spec.supplier ? supplierForLaunch(db, spec.supplier, spec.title) : null,
  }
}

/** A buyer's payment and delivery record, opened on first use. A close opens one per buyer:
 * bare statements here, since drizzle's query building made this most of a restart's time. */
export function participantOf(db: Db, saleId: number, memberId: number): ParticipantRow {
  const read = () => rowOf(db, participants, 'participants', 'where sale_id = ? and member_id = ?', saleId, memberId)
  const found = read()
  if (found) return found
  db.$client.prepare('insert into participants (sale_id, member_id) values (?, ?)').run(saleId, memberId)
  return read()!
}

export function updateParticipant(db: Db, id: number, set: Partial<ParticipantRow>): void {
  db.update(participants).set(set).where(eq(participants.id, id)).run()
}

/** Buyers of a sale with what they hold and owe, in the order they first joined. */
export function saleOrders(db: Db, sale: SaleRow): MemberOrder[] {
  const rows = db
    .select({ o: orders, item: items, name: members.name })
    .from(orders)
    .innerJoin(items, eq(orders.itemId, items.id))
    .innerJoin(members, eq(orders.memberId, members.id))
    .where(eq(orders.saleId, sale.id))
    .orderBy(asc(orders.id))
    .all()
  const parts = new Map(
    db
      .select()
      .from(participants)
      .where(eq(participants.saleId, sale.id))
      .all()
      .map((p) => [p.memberId, p]),
  )
  const byMember = new Map<number, MemberOrder>()
  for (const { o, item, name } of rows) {
    if (o.confirmed <= 0) continue
    let m = byMember.get(o.memberId)
    if (!m) {
      const participant = parts.get(o.memberId) ?? participantOf(db, sale.id, o.memberId)
      m = {
        participant,
        memberId: o.memberId,
        name,
        lines: [],
        units: 0,
        goodsFen: 0,
        shippingFen: 0,
        dueFen: 0,
        refundFen: participant.refundFen,
      }
      byMember.set(o.memberId, m)
    }
    const amountFen = o.confirmed * item.priceFen
    m.lines.push({
      itemId: item.id,
      item: item.isDefault ? '' : item.name,
      qty: o.confirmed,
      priceFen: item.priceFen,
      amountFen,
    })
    m.units += o.confirmed
    m.goodsFen += amountFen
  }
  for (const m of byMember.values()) {
    m.shippingFen = m.participant.delivery === 'ship' ? (sale.shippingFeeFen ?? 0) : 0
    m.dueFen = m.goodsFen + m.shippingFen
  }
  return [...byMember.values()]
}

export const orderOf = (db: Db, sale: SaleRow, memberId: number): MemberOrder | undefined =>
  saleOrders(db, sale).find((o) => o.memberId === memberId)

/** '2 份' or '大果 2 份 + 小果 1 份' */
export const linesText = (o: MemberOrder): string =>
  o.lines.map((l) => `${l.item ? l.item + ' ' : ''}${l.qty} 份`).join(' + ')

export const deliveryText = (delivery: string | null): string => {
  const point = pickupOf(delivery)
  return point !== null
    ? t('delivery.pickupAt', { point })
    : delivery === 'ship'
      ? t('delivery.shipping')
      : t('delivery.undecided')
}

/** The unit price members see while the sale is open: the tier the current total reached. */
export function currentItemFen(sale: SaleRow, itemFen: number, sold: number): number {
  if (sale.state !== 'open') return itemFen
  const tiers = tiersOf(sale)
  return tiers.length === 0 ? itemFen : itemPriceAt(itemFen, sale.priceFen, priceAt(tiers, sale.priceFen, sold))
}

/** When the payment reminder goes: `remindAt` the day after close, moved out of quiet hours. */
function reminderAt(db: Db, sale: SaleRow, now: number): number {
  const g = groupOf(db, sale.groupId)
  const at = parseDeadline(`明天 ${g.remindAt}`, now, g.tz) ?? now + 24 * 3600_000
  const quiet = { start: g.quietStart, end: g.quietEnd, tz: g.tz }
  return isQuiet(at, quiet) ? quietEnd(at, quiet) : at
}

/**
 * Work at a successful close, before the summary goes out: fix every unit at the final tier,
 * open a payment and delivery record per buyer, schedule the reminder and the grace period,
 * and advise the organizer privately on the supplier. Returns the lines the summary adds.
 */
export function settleAtClose(
  db: Db,
  sale: SaleRow,
  book: rules.Book,
  now: number,
): { book: rules.Book; lines: string[] } {
  const lines: string[] = []
  const g = groupById(db, sale.groupId)
  const tiers = tiersOf(sale)
  const total = rules.soldOf(book)
  if (total === 0) return { book, lines }
  let priced = book
  if (tiers.length > 0) {
    const step = tierAt(tiers, total)
    if (step) {
      priced = {
        ...book,
        items: book.items.map((i) => ({ ...i, priceFen: itemPriceAt(i.priceFen, sale.priceFen, step.fen) })),
      }
      for (const i of priced.items) db.update(items).set({ priceFen: i.priceFen }).where(eq(items.id, i.id)).run()
      lines.push(
        t('tier.closed', { units: total, from: step.from, price: money(step.fen), base: money(sale.priceFen) }),
      )
    } else {
      lines.push(t('tier.closedBase', { units: total, from: tiers[0].from, price: money(sale.priceFen) }))
    }
  }
  const points = pointsOf(sale)
  const ships = shipsOf(sale)
  const buyers = [...new Set(priced.orders.filter((o) => o.confirmed > 0).map((o) => o.memberId))]
  for (const id of buyers) {
    const p = participantOf(db, sale.id, id)
    if (p.delivery !== null) continue
    // one way to get the goods: nothing to choose
    if (points.length === 1 && !ships) updateParticipant(db, p.id, { delivery: `pickup:${points[0]}` })
    else if (points.length === 0 && ships) updateParticipant(db, p.id, { delivery: 'ship' })
  }
  const orders = saleOrders(db, { ...sale, state: 'succeeded' })
  const fee = sale.shippingFeeFen ?? 0
  const shipped = orders.filter((o) => o.participant.delivery === 'ship')
  if (fee > 0 && shipped.length > 0) {
    lines.push(
      t('delivery.feeLine', {
        fee: money(fee),
        list: shipped.map((o) => `${o.name}（合计 ${money(o.dueFen)}）`).join('、'),
      }),
    )
  }
  const graceEnd = sale.payGraceMs !== null ? now + sale.payGraceMs : null
  lines.push(t('pay.howTo', { until: graceEnd === null ? null : formatTime(graceEnd, now, g.tz) }))
  const undecided = orders.filter((o) => o.participant.delivery === null)
  if (undecided.length > 0 && points.length + (ships ? 1 : 0) >= 2) {
    lines.push(
      t('delivery.askOnce', { names: undecided.map((o) => o.name).join('、'), how: howToChoose(points, ships) }),
    )
    for (const o of undecided) updateParticipant(db, o.participant.id, { askedDelivery: true })
  }
  if (orders.length > 0) scheduleJob(db, 'pay.remind', sale.id, reminderAt(db, sale, now))
  if (graceEnd !== null) for (const o of orders) scheduleJob(db, 'pay.grace', o.participant.id, graceEnd)
  adviseSupply(db, sale, total, now)
  return { book: priced, lines }
}

/** 「自提 东门」、「自提 3号」、「/ship-to」: a point by its first two characters when no other point shares them. */
export function howToChoose(points: string[], ships: boolean): string {
  const short = (p: string) => {
    const head = [...p].slice(0, 2).join('')
    return [...p].length > 2 && points.filter((q) => q.startsWith(head)).length === 1 ? head : p
  }
  const ways = points.map((p) => `「自提 ${short(p)}」`)
  if (ships) ways.push('「/ship-to」')
  return ways.join('、')
}

/** A sale completes when every order is delivered or refunded in full; the group is then asked once for ratings. */
export function checkCompletion(db: Db, saleId: number, now: number): void {
  const sale = db.select().from(sales).where(eq(sales.id, saleId)).get()
  if (!sale || sale.state !== 'succeeded' || sale.completedAt !== null) return
  const list = saleOrders(db, sale)
  if (list.length === 0) return
  const done = list.every((o) => o.participant.deliveryState === 'delivered' || o.refundFen >= o.goodsFen)
  if (!done) return
  markCompleted(db, sale.id, now)
  enqueue(db, { groupId: sale.groupId, text: t('rating.ask', { no: sale.no, title: sale.title }), kind: 'event' }, now)
}

/** Names for a group's notices and mentions. */
export const groupOf = (db: Db, groupId: number) => db.select().from(groups).where(eq(groups.id, groupId)).get()!

/** Units confirmed in a sale so far. */
export const soldIn = (db: Db, saleId: number): number =>
  db
    .select({ n: orders.confirmed })
    .from(orders)
    .where(eq(orders.saleId, saleId))
    .all()
    .reduce((s, r) => s + r.n, 0)

/** ' · 自提 东门快递柜 · 已付款' for /my: the member's delivery choice and, after close, payment and parcel. */
export function myFulfilment(db: Db, sale: SaleRow, memberIds: number[]): string {
  if (sale.state === 'failed' || sale.state === 'aborted') return ''
  const p = db
    .select()
    .from(participants)
    .where(eq(participants.saleId, sale.id))
    .all()
    .find((x) => memberIds.includes(x.memberId))
  const offers = pointsOf(sale).length > 0 || shipsOf(sale)
  const parts: string[] = []
  if (offers || p?.delivery) parts.push(deliveryText(p?.delivery ?? null))
  if (sale.state === 'succeeded' && p) {
    parts.push(t(`pay.state.${p.paid}`))
    if (p.tracking) parts.push(`${p.carrier ?? '快递'} ${p.tracking}`)
    if (p.deliveryState !== 'pending') parts.push(t(`delivery.state.${p.deliveryState}`))
    if (p.refundFen > 0) parts.push(t('ticket.refunded', { amount: money(p.refundFen) }))
  }
  return parts.map((x) => ` · ${x}`).join('')
}

export type ExportInfo = {
  paid: 'no' | 'reported' | 'yes'
  delivery: string
  deliveryState: 'pending' | 'ready' | 'delivered' | ''
  refundFen: number
  shippingFen: number
}

/** Per member, what the CSV export adds to the sale's rows. Delivery state exists only for a successful sale. */
export function exportInfo(db: Db, sale: SaleRow): Map<number, ExportInfo> {
  const out = new Map<number, ExportInfo>()
  const rows = db.select().from(participants).where(eq(participants.saleId, sale.id)).all()
  for (const p of rows) {
    out.set(p.memberId, {
      paid: sale.state === 'succeeded' ? p.paid : 'no',
      delivery: p.delivery ?? '',
      deliveryState: sale.state === 'succeeded' && !p.released ? p.deliveryState : '',
      refundFen: p.refundFen,
      shippingFen: sale.state === 'succeeded' && p.delivery === 'ship' ? (sale.shippingFeeFen ?? 0) : 0,
    })
  }
  return out
}
