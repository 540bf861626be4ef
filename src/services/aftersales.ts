// After the sale: after-sales tickets (售后) and ratings (评价).
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, members, ratings, tickets } from '../db/schema.js'

export type TicketRow = typeof tickets.$inferSelect

/** A new ticket, numbered per group: 售后1, 售后2 … Returns its number. */
export function openTicket(
  db: Db,
  groupId: number,
  t: { saleId: number; memberId: number; text: string },
  now: number,
): number {
  const { no } = db.select({ no: groups.nextTicketNo }).from(groups).where(eq(groups.id, groupId)).get()!
  db.update(groups)
    .set({ nextTicketNo: no + 1 })
    .where(eq(groups.id, groupId))
    .run()
  db.insert(tickets).values({ groupId, no, saleId: t.saleId, memberId: t.memberId, text: t.text, openedAt: now }).run()
  return no
}

export const ticketByNo = (db: Db, groupId: number, no: number): TicketRow | undefined =>
  db
    .select()
    .from(tickets)
    .where(and(eq(tickets.groupId, groupId), eq(tickets.no, no)))
    .get()

export function resolveTicket(db: Db, ticketId: number, resolution: string, refundFen: number, now: number): void {
  db.update(tickets)
    .set({ state: 'resolved', resolution, refundFen, resolvedAt: now })
    .where(eq(tickets.id, ticketId))
    .run()
}

/** One rating per member and sale; rating again replaces it. */
export function saveRating(
  db: Db,
  saleId: number,
  memberId: number,
  stars: number,
  comment: string | null,
  now: number,
): void {
  db.insert(ratings)
    .values({ saleId, memberId, stars, comment, at: now })
    .onConflictDoUpdate({ target: [ratings.saleId, ratings.memberId], set: { stars, comment, at: now } })
    .run()
}

export const isRated = (db: Db, saleId: number): boolean =>
  db.select({ id: ratings.id }).from(ratings).where(eq(ratings.saleId, saleId)).get() !== undefined

/** A sale's ratings with the members' names, newest first. */
export const ratingsOf = (db: Db, saleId: number): { stars: number; comment: string | null; name: string }[] =>
  db
    .select({ stars: ratings.stars, comment: ratings.comment, name: members.name })
    .from(ratings)
    .innerJoin(members, eq(ratings.memberId, members.id))
    .where(eq(ratings.saleId, saleId))
    .orderBy(desc(ratings.at))
    .all()
