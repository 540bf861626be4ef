// Members' delivery choices and the organizer's delivery steps, shared by the commands.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { addresses, orders, waitlist } from '../db/schema.js'
import { deliveryIn } from '../core/delivery.js'
import { money } from '../core/render.js'
import { t } from '../i18n/zh-CN.js'
import { deliveryText, participantOf, pointsOf, shipsOf, updateParticipant, howToChoose } from './fulfilment.js'
import { contactOf, memberById, type SaleRow } from './repo.js'
import { userError, type MemberRow, type Reply } from './types.js'

/** Whether the member holds or waits for anything in the sale. */
export function takesPart(db: Db, saleId: number, memberId: number): boolean {
  const o = db
    .select({ n: orders.confirmed })
    .from(orders)
    .where(and(eq(orders.saleId, saleId), eq(orders.memberId, memberId)))
    .all()
  if (o.some((r) => r.n > 0)) return true
  return (
    db
      .select({ id: waitlist.id })
      .from(waitlist)
      .where(and(eq(waitlist.saleId, saleId), eq(waitlist.memberId, memberId)))
      .get() !== undefined
  )
}

export const hasAddress = (db: Db, contactId: string) => addressOf(db, contactId) !== undefined

/** Record a choice; a member whose goods already arrived or left keeps the choice they had. */
export function setDelivery(db: Db, sale: SaleRow, memberId: number, delivery: string): 'changed' | 'same' {
  const p = participantOf(db, sale.id, memberId)
  if (p.delivery === delivery) return 'same'
  if (p.deliveryState !== 'pending') throw userError('delivery.tooLate', { current: deliveryText(p.delivery) })
  updateParticipant(db, p.id, { delivery })
  return 'changed'
}

/** What the member hears after choosing: a digest line, and a private nudge for an address. */
export function chosenReplies(db: Db, sale: SaleRow, member: { id: number; name: string }, delivery: string): Reply[] {
  const fee = sale.shippingFeeFen ?? 0
  const text =
    delivery === 'ship' && fee > 0 ? `${deliveryText(delivery)}（运费 ${money(fee)}）` : deliveryText(delivery)
  const replies: Reply[] = [
    { kind: 'notice', notice: 'delivery', member: member.name, saleId: sale.id, payload: { text } },
  ]
  const contact = contactOf(memberById(db, member.id))
  if (delivery === 'ship' && !hasAddress(db, contact))
    replies.push({
      kind: 'say',
      toName: member.name,
      toId: contact,
      text: t('delivery.needAddress', { no: sale.no, title: sale.title }),
    })
  return replies
}

/** The delivery words of a join (`+2 自提东门`, `+1 快递`): recorded, or one question back. */
export function deliveryFromJoin(db: Db, sale: SaleRow, member: MemberRow, rest: string): Reply[] {
  const points = pointsOf(sale)
  const w = deliveryIn(rest, points, shipsOf(sale))
  if (w === null) return []
  const ask = (question: string): Reply[] => [
    { kind: 'notice', notice: 'deliveryAsk', member: member.name, saleId: sale.id, payload: { question } },
  ]
  if (w.kind === 'unknownPoint')
    return ask(t('delivery.unknownPoint', { word: w.word, how: howToChoose(points, shipsOf(sale)) }))
  if (w.kind === 'noPickup') return ask(t('delivery.noPickup', { how: howToChoose(points, shipsOf(sale)) }))
  if (w.kind === 'noShipping') return ask(t('delivery.noShipping', { how: howToChoose(points, false) }))
  const delivery = w.kind === 'ship' ? 'ship' : `pickup:${w.point}`
  try {
    return setDelivery(db, sale, member.id, delivery) === 'same' ? [] : chosenReplies(db, sale, member, delivery)
  } catch {
    return []
  }
}

export type AddressRow = typeof addresses.$inferSelect

/** A contact's shipping address, kept by contact id (a namesake never reads it) and given only in a private chat. */
export function addressOf(db: Db, contactId: string): AddressRow | undefined {
  return db.select().from(addresses).where(eq(addresses.contactId, contactId)).get()
}

export function saveAddress(
  db: Db,
  who: { id: string; name: string },
  a: { recipient: string; phone: string; address: string },
  now: number,
): void {
  const row = { ...a, name: who.name, updatedAt: now }
  const found = addressOf(db, who.id)
  if (found) db.update(addresses).set(row).where(eq(addresses.id, found.id)).run()
  else
    db.insert(addresses)
      .values({ contactId: who.id, ...row })
      .run()
}
