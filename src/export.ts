// The export contract: one CSV row per member per item, Excel-friendly (UTF-8 with BOM).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import { stringify } from 'csv-stringify/sync'
import { z } from 'zod'
import type { Db } from './db/db.js'
import { groups, items, members, orders, sales, waitlist } from './db/schema.js'
import { exportInfo } from './engine/fulfilment.js'

export const ExportRow = z.object({
  room: z.string(),
  sale_no: z.number().int(),
  sale: z.string(),
  sale_state: z.enum(['open', 'succeeded', 'failed', 'aborted']),
  member: z.string(),
  item: z.string(),
  quantity: z.number().int().min(0),
  waitlist: z.number().int().min(0),
  unit_price: z.string(),
  amount: z.string(),
  // payment and delivery per member (refund and shipping fee on the member's first row of a sale)
  paid: z.enum(['yes', 'reported', 'no']),
  delivery: z.string(),
  delivery_state: z.enum(['pending', 'ready', 'delivered', '']),
  refund: z.string(),
  shipping_fee: z.string(),
  // how the order came in, and who entered a 代接龙
  source: z.enum(['join', 'chain', 'intent', 'proxy', 'lottery']),
  entered_by: z.string(),
  // who is who: the room's id and the member's contact id (without ids: the topic and the name)
  room_id: z.string(),
  member_id: z.string(),
})
export type ExportRow = z.infer<typeof ExportRow>

const fen2 = (fen: number) => (fen / 100).toFixed(2)

/** Which group a command line names: `--room-id ID` or `--room TOPIC`. */
export type RoomFilter = { room?: string; roomId?: string }

/**
 * The one group a filter names (null: no filter). A topic is only a label: one that two groups
 * carry names neither, and the refusal lists their ids to choose from with --room-id.
 */
export function groupOfFilter(db: Db, f: RoomFilter): { id: number } | null | { error: string } {
  if (f.roomId !== undefined) {
    const g = db
      .select({ id: groups.id })
      .from(groups)
      .where(sql`coalesce(${groups.roomId}, ${groups.topic}) = ${f.roomId}`)
      .get()
    return g ?? { error: `no group with room id ${f.roomId}` }
  }
  if (f.room === undefined) return null
  const found = db
    .select({ id: groups.id, roomId: groups.roomId })
    .from(groups)
    .where(eq(groups.topic, f.room))
    .orderBy(asc(groups.id))
    .all()
  if (found.length === 1) return { id: found[0].id }
  if (found.length === 0) return { error: `no group named ${f.room}` }
  return {
    error: `${found.length} groups are named ${f.room}: add --room-id with one of ${found.map((g) => g.roomId ?? `(no id, group ${g.id})`).join(', ')}`,
  }
}

export function exportRows(db: Db, filter: RoomFilter & { groupId?: number; sale?: number }): ExportRow[] {
  const where: SQL[] = []
  if (filter.room !== undefined) where.push(eq(groups.topic, filter.room))
  if (filter.roomId !== undefined) where.push(sql`coalesce(${groups.roomId}, ${groups.topic}) = ${filter.roomId}`)
  if (filter.groupId !== undefined) where.push(eq(groups.id, filter.groupId))
  if (filter.sale !== undefined) where.push(eq(sales.no, filter.sale))
  const saleRows = db
    .select({ sale: sales, room: groups.topic, roomId: sql<string>`coalesce(${groups.roomId}, ${groups.topic})` })
    .from(sales)
    .innerJoin(groups, eq(sales.groupId, groups.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(groups.topic), asc(sales.no))
    .all()
  const rows: ExportRow[] = []
  for (const { sale, room, roomId } of saleRows) {
    const its = db.select().from(items).where(eq(items.saleId, sale.id)).orderBy(asc(items.id)).all()
    const held = db
      .select({
        memberId: orders.memberId,
        itemId: orders.itemId,
        qty: orders.confirmed,
        name: members.name,
        contactId: members.contactId,
        source: orders.source,
        enteredBy: orders.enteredBy,
      })
      .from(orders)
      .innerJoin(members, eq(orders.memberId, members.id))
      .where(eq(orders.saleId, sale.id))
      .orderBy(asc(orders.id))
      .all()
    const waits = db
      .select({
        memberId: waitlist.memberId,
        itemId: waitlist.itemId,
        qty: waitlist.qty,
        name: members.name,
        contactId: members.contactId,
      })
      .from(waitlist)
      .innerJoin(members, eq(waitlist.memberId, members.id))
      .where(eq(waitlist.saleId, sale.id))
      .orderBy(asc(waitlist.seq))
      .all()
    const byKey = new Map<
      string,
      {
        name: string
        memberKey: string
        itemId: number
        qty: number
        wait: number
        source?: string
        enteredBy?: string | null
      }
    >()
    for (const h of held)
      byKey.set(`${h.memberId}:${h.itemId}`, {
        name: h.name,
        memberKey: h.contactId ?? h.name,
        itemId: h.itemId,
        qty: h.qty,
        wait: 0,
        source: h.source,
        enteredBy: h.enteredBy,
      })
    for (const w of waits) {
      const key = `${w.memberId}:${w.itemId}`
      const r = byKey.get(key) ?? { name: w.name, memberKey: w.contactId ?? w.name, itemId: w.itemId, qty: 0, wait: 0 }
      r.wait += w.qty
      byKey.set(key, r)
    }
    const owes = sale.state === 'open' || sale.state === 'succeeded'
    const after = exportInfo(db, sale)
    const firstRow = new Set<number>()
    for (const [key, r] of byKey) {
      if (r.qty === 0 && r.wait === 0) continue
      const item = its.find((i) => i.id === r.itemId)!
      const memberId = Number(key.split(':')[0])
      const f = after.get(memberId)
      const first = !firstRow.has(memberId)
      firstRow.add(memberId)
      rows.push(
        ExportRow.parse({
          room,
          sale_no: sale.no,
          sale: sale.title,
          sale_state: sale.state,
          member: r.name,
          item: item.name,
          quantity: r.qty,
          waitlist: r.wait,
          unit_price: fen2(item.priceFen),
          amount: fen2(owes ? r.qty * item.priceFen : 0),
          paid: f?.paid ?? 'no',
          delivery: f?.delivery ?? '',
          delivery_state: f?.deliveryState ?? '',
          refund: fen2(first ? (f?.refundFen ?? 0) : 0),
          shipping_fee: fen2(first && r.qty > 0 ? (f?.shippingFen ?? 0) : 0),
          source: r.source ?? 'join',
          entered_by: r.enteredBy ?? '',
          room_id: roomId,
          member_id: r.memberKey,
        }),
      )
    }
  }
  return rows
}

export const COLUMNS = [
  'room',
  'sale_no',
  'sale',
  'sale_state',
  'member',
  'item',
  'quantity',
  'waitlist',
  'unit_price',
  'amount',
  'paid',
  'delivery',
  'delivery_state',
  'refund',
  'shipping_fee',
  'source',
  'entered_by',
  'room_id',
  'member_id',
] as const

export function toCsv(rows: ExportRow[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: 'windows' })
}
