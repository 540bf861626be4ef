// Payment tracking (收款): the bot never moves money, it records who said they paid, who an
// organizer confirmed, reminds the rest once, and releases unpaid orders after the grace period.
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { jobs, participants } from '../db/schema.js'
import * as rules from '../core/sale.js'
import { formatTime } from '../core/deadline.js'
import { isQuiet, quietEnd } from '../core/schedule.js'
import { Mentions, money } from '../core/render.js'
import { t } from '../i18n/zh-CN.js'
import { addNotice, enqueue, groupById, loadBook, namesById, saveBook, saleById, type SaleRow } from './repo.js'
import { scheduleJob } from './jobs.js'
import { MENTION_CAP } from './sales.js'
import { GATHER_MS } from './scope.js'
import {
  checkCompletion,
  howToChoose,
  linesText,
  participantOf,
  pointsOf,
  saleOrders,
  shipsOf,
  updateParticipant,
  type MemberOrder,
} from './fulfilment.js'

/** Orders still owing: not confirmed by an organizer. `reported` ones said they paid. */
export const owing = (list: MemberOrder[]) => list.filter((o) => o.participant.paid !== 'yes')

/** The reminder job (pay.remind, refId = sale id): one message @mentioning only those who have not paid nor said so. */
export function remindUnpaid(db: Db, saleId: number, now: number): void {
  const sale = saleById(db, saleId)
  if (sale.state !== 'succeeded') return
  const unpaid = saleOrders(db, sale).filter((o) => o.participant.paid === 'no')
  if (unpaid.length === 0) return
  const g = groupById(db, sale.groupId)
  const m = new Mentions(MENTION_CAP)
  const list = unpaid.map((o) => `${m.at(o.name)} ${money(o.dueFen)}`).join('\n')
  const grace = graceEndOf(db, sale, unpaid)
  const text = t('pay.reminder', {
    no: sale.no,
    title: sale.title,
    count: unpaid.length,
    list,
    until: grace === null ? null : formatTime(grace, now, g.tz),
  })
  enqueue(db, { groupId: sale.groupId, text, mentions: m.names, kind: 'event' }, now)
}

/** The latest pending grace deadline among these orders, from the jobs table. */
function graceEndOf(db: Db, sale: SaleRow, list: MemberOrder[]): number | null {
  if (sale.payGraceMs === null) return null
  const ids = new Set(list.map((o) => o.participant.id))
  const rows = db
    .select({ refId: jobs.refId, dueAt: jobs.dueAt })
    .from(jobs)
    .where(and(eq(jobs.kind, 'pay.grace'), isNull(jobs.doneAt)))
    .all()
  const due = rows.filter((r) => ids.has(r.refId)).map((r) => r.dueAt)
  return due.length === 0 ? null : Math.min(...due)
}

/**
 * The grace job (pay.grace, refId = participant id): an order still unpaid is released, its units
 * go to the waitlist in arrival order, and both sides hear it in the group's next digest.
 */
export function releaseIfUnpaid(db: Db, participantId: number, now: number): void {
  const p = db.select().from(participants).where(eq(participants.id, participantId)).get()
  // confirmed ('yes') and reported orders are never released
  if (!p || p.paid !== 'no' || p.released) return
  // a promotion gave this member a fresh deadline: an older job for them does nothing
  const later = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, 'pay.grace'), eq(jobs.refId, p.id), isNull(jobs.doneAt), gt(jobs.dueAt, now)))
    .get()
  if (later) return
  const sale = saleById(db, p.saleId)
  if (sale.state !== 'succeeded' || sale.completedAt !== null) return
  const before = loadBook(db, sale)
  const r = rules.cancelAll(before, p.memberId)
  if (r.freed === 0) return
  saveBook(db, sale.id, before, r.book, now)
  updateParticipant(db, p.id, { released: true })
  const group = groupById(db, sale.groupId)
  const names = namesById(db, [p.memberId, ...r.promotions.map((x) => x.memberId)])
  const held = before.orders.filter((o) => o.memberId === p.memberId).reduce((s, o) => s + o.confirmed, 0)
  addNotice(
    db,
    group,
    { kind: 'released', member: names.get(p.memberId) ?? '?', saleId: sale.id, payload: { units: held } },
    now,
    GATHER_MS,
  )
  const after = saleOrders(db, sale)
  // The promoted hear of it in the next digest, which waits out quiet hours: their fresh grace
  // period is counted from the end of quiet hours, so it never ends before they were told.
  const quiet = { start: group.quietStart, end: group.quietEnd, tz: group.tz }
  const from = isQuiet(now, quiet) ? quietEnd(now, quiet) : now
  const until = sale.payGraceMs === null ? null : from + sale.payGraceMs
  for (const pr of r.promotions) {
    const o = after.find((x) => x.memberId === pr.memberId)
    const part = participantOf(db, sale.id, pr.memberId)
    // A promotion reopens payment for the new total. Money already handed over is never put at
    // risk: a member an organizer confirmed ('yes') goes back to 'reported' (listed by /unpaid for
    // the organizer to confirm the new total, never released); 'reported' stays as it is.
    if (part.released) updateParticipant(db, part.id, { released: false })
    if (part.paid === 'yes') updateParticipant(db, part.id, { paid: 'reported' })
    const points = pointsOf(sale)
    const ask =
      part.delivery === null && points.length + (shipsOf(sale) ? 1 : 0) >= 2 ? howToChoose(points, shipsOf(sale)) : null
    if (ask !== null) updateParticipant(db, part.id, { askedDelivery: true })
    if (until !== null && part.paid === 'no') scheduleJob(db, 'pay.grace', part.id, until)
    addNotice(
      db,
      group,
      {
        kind: 'promotedPay',
        member: names.get(pr.memberId) ?? '?',
        saleId: sale.id,
        payload: {
          qty: pr.qty,
          items: o ? linesText(o) : `${pr.qty} 份`,
          amount: money(o?.dueFen ?? 0),
          until: until === null ? null : formatTime(until, now, group.tz),
          waiting: pr.stillWaiting,
          ask,
        },
      },
      now,
      GATHER_MS,
    )
  }
  checkCompletion(db, sale.id, now)
}
