// Reading and writing the sale tables. Always called inside the engine's transaction.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, members, sales, items, orders, waitlist, outbox, notices } from '../db/schema.js'
import type { Book } from '../core/sale.js'
import type { GroupRow, MemberRow, NoticeKind } from './types.js'
import { maskPhones } from '../core/privacy.js'

export type SaleRow = typeof sales.$inferSelect
export type ItemRow = typeof items.$inferSelect

export function groupByTopic(db: Db, topic: string): GroupRow | undefined {
  return db.select().from(groups).where(eq(groups.topic, topic)).get()
}

export function groupById(db: Db, id: number): GroupRow {
  return db.select().from(groups).where(eq(groups.id, id)).get()!
}

export function ensureGroup(db: Db, topic: string, now: number): GroupRow {
  const found = groupByTopic(db, topic)
  if (found) return found
  return db.insert(groups).values({ topic, createdAt: now }).returning().get()
}

export function ensureMember(db: Db, groupId: number, name: string, contactId?: string): MemberRow {
  const found = db.select().from(members).where(and(eq(members.groupId, groupId), eq(members.name, name))).get()
  if (found) {
    if (contactId && found.contactId !== contactId) {
      db.update(members).set({ contactId }).where(eq(members.id, found.id)).run()
      return { ...found, contactId }
    }
    return found
  }
  return db.insert(members).values({ groupId, name, contactId: contactId ?? null }).returning().get()
}

export function memberNames(db: Db, groupId: number): string[] {
  return db.select({ name: members.name }).from(members).where(and(eq(members.groupId, groupId), eq(members.inGroup, true))).all().map((r) => r.name)
}

export function memberById(db: Db, id: number): MemberRow {
  return db.select().from(members).where(eq(members.id, id)).get()!
}

export function namesById(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, [...new Set(ids)])).all()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export function openSales(db: Db, groupId: number): SaleRow[] {
  return db.select().from(sales).where(and(eq(sales.groupId, groupId), eq(sales.state, 'open'))).orderBy(asc(sales.no)).all()
}

export function saleByNo(db: Db, groupId: number, no: number): SaleRow | undefined {
  return db.select().from(sales).where(and(eq(sales.groupId, groupId), eq(sales.no, no))).get()
}

export function saleById(db: Db, id: number): SaleRow {
  return db.select().from(sales).where(eq(sales.id, id)).get()!
}

export function itemsOf(db: Db, saleId: number): ItemRow[] {
  return db.select().from(items).where(eq(items.saleId, saleId)).orderBy(asc(items.id)).all()
}

export function loadBook(db: Db, sale: SaleRow): Book {
  const its = itemsOf(db, sale.id)
  const ords = db.select().from(orders).where(eq(orders.saleId, sale.id)).all()
  const waits = db.select().from(waitlist).where(eq(waitlist.saleId, sale.id)).orderBy(asc(waitlist.seq)).all()
  return {
    stock: sale.stock,
    limit: sale.limitPerMember,
    // the implicit item of a sale without variants has no name of its own
    items: its.map((i) => ({ id: i.id, name: i.isDefault ? '' : i.name, priceFen: i.priceFen, stock: i.stock })),
    orders: ords.filter((o) => o.confirmed > 0).map((o) => ({ memberId: o.memberId, itemId: o.itemId, confirmed: o.confirmed })),
    waitlist: waits.map((w) => ({ seq: w.seq, memberId: w.memberId, itemId: w.itemId, qty: w.qty })),
    nextSeq: sale.nextWaitSeq,
  }
}

/** Write only what changed between two books of one sale. */
export function saveBook(db: Db, saleId: number, before: Book, after: Book, now: number): void {
  const key = (m: number, i: number) => `${m}:${i}`
  const old = new Map(before.orders.map((o) => [key(o.memberId, o.itemId), o.confirmed]))
  const next = new Map(after.orders.map((o) => [key(o.memberId, o.itemId), o]))
  for (const o of after.orders) {
    const prev = old.get(key(o.memberId, o.itemId))
    if (prev === o.confirmed) continue
    db.insert(orders)
      .values({ saleId, itemId: o.itemId, memberId: o.memberId, confirmed: o.confirmed, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [orders.saleId, orders.itemId, orders.memberId], set: { confirmed: o.confirmed, updatedAt: now } })
      .run()
  }
  for (const o of before.orders) {
    if (next.has(key(o.memberId, o.itemId))) continue
    db.update(orders).set({ confirmed: 0, updatedAt: now })
      .where(and(eq(orders.saleId, saleId), eq(orders.itemId, o.itemId), eq(orders.memberId, o.memberId))).run()
  }
  const oldW = new Map(before.waitlist.map((w) => [w.seq, w.qty]))
  const newW = new Map(after.waitlist.map((w) => [w.seq, w]))
  for (const w of after.waitlist) {
    const prev = oldW.get(w.seq)
    if (prev === undefined) db.insert(waitlist).values({ saleId, itemId: w.itemId, memberId: w.memberId, seq: w.seq, qty: w.qty }).run()
    else if (prev !== w.qty) db.update(waitlist).set({ qty: w.qty }).where(and(eq(waitlist.saleId, saleId), eq(waitlist.seq, w.seq))).run()
  }
  for (const seq of oldW.keys()) {
    if (!newW.has(seq)) db.delete(waitlist).where(and(eq(waitlist.saleId, saleId), eq(waitlist.seq, seq))).run()
  }
  if (after.nextSeq !== before.nextSeq) db.update(sales).set({ nextWaitSeq: after.nextSeq }).where(eq(sales.id, saleId)).run()
}

export type Outgoing = { groupId?: number | null; toName?: string | null; text: string; mentions?: string[]; kind: string }

export function enqueue(db: Db, m: Outgoing, now: number, notBefore = now): void {
  db.insert(outbox).values({
    groupId: m.groupId ?? null,
    toName: m.toName ?? null,
    // a phone number never goes to a group whole, whoever typed it (issue 4)
    text: m.groupId ? maskPhones(m.text) : m.text,
    mentions: JSON.stringify(m.mentions ?? []),
    kind: m.kind,
    createdAt: now,
    notBefore,
  }).run()
}

/** Queue a per-member notice for the group's next digest and make sure a digest is due. */
export function addNotice(db: Db, group: GroupRow, n: { kind: NoticeKind; member: string; saleId?: number; payload: Record<string, unknown> }, now: number, gatherMs: number): void {
  db.insert(notices).values({ groupId: group.id, saleId: n.saleId ?? null, memberName: n.member, kind: n.kind, payload: JSON.stringify(n.payload), createdAt: now }).run()
  const current = db.select({ due: groups.digestDueAt, last: groups.lastDigestAt, secs: groups.digestSeconds }).from(groups).where(eq(groups.id, group.id)).get()!
  if (current.due !== null) return
  const earliest = current.last === null ? now : current.last + current.secs * 1000
  db.update(groups).set({ digestDueAt: Math.max(now + gatherMs, earliest) }).where(eq(groups.id, group.id)).run()
}
