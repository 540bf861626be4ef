// Orders and the waitlist: what a join does. /join, 需求3 +2 and 想要 … +2 all end here.
import { z } from 'zod'
import { and, eq, gt, inArray, or } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, items, members, orders, sales, waitlist } from '../db/schema.js'
import { extractIntentRef } from '../core/intent.js'
import { MAX_READ_CHARS } from '../core/reader.js'
import { readAndApply, readIntentJoin } from '../engine/reading.js'
import { userError, type Ctx, type Reply } from '../engine/types.js'

/**
 * A join as the member typed it. What the words ask for depends on the group's open sales
 * (their numbers, title and item words are the join reader's vocabulary), so they are read
 * when the command runs, inside its transaction, not when it is parsed.
 */
export const joinArgs = z.object({ text: z.string().max(MAX_READ_CHARS * 4), explicit: z.boolean() })
export type JoinArgs = z.infer<typeof joinArgs>

/** `explicit`: typed as /join or 接龙 …; otherwise a form the reader recognised in plain chat. */
export async function joinSale(ctx: Ctx, { text, explicit }: JoinArgs): Promise<Reply[]> {
  const mode = explicit ? 'command' : 'chat'
  if (!ctx.group || !ctx.member) {
    // chatter in a private chat (好的，2点见) gets nothing; an explicit /join is told where it works
    if (explicit) throw userError('error.groupOnly', { command: '/join' })
    return []
  }
  const here = { ...ctx, group: ctx.group, member: ctx.member }
  // '#需求3 +2' commits intent instead of ordering
  const intent = extractIntentRef(text)
  if (intent.ref !== null) return readIntentJoin(here, intent.ref, intent.text, mode)
  return readAndApply(here, text, mode)
}

/** Every member row of that contact, across the groups (a private chat speaks for all of them; a name for none). */
export const memberIdsOf = (db: Db, contactId: string): number[] =>
  db
    .select({ id: members.id })
    .from(members)
    .where(eq(members.contactId, contactId))
    .all()
    .map((m) => m.id)

export type Holding = {
  sale: typeof sales.$inferSelect
  item: typeof items.$inferSelect
  room: string
  confirmed: number
  waiting: number
}

/** What the members hold or wait for, per sale and item: open sales and those closed after `since`. */
export function holdings(db: Db, who: number[], since: number): Holding[] {
  const recent = or(eq(sales.state, 'open'), gt(sales.closedAt, since))
  const held = db
    .select({ sale: sales, item: items, qty: orders.confirmed, room: groups.topic })
    .from(orders)
    .innerJoin(sales, eq(orders.saleId, sales.id))
    .innerJoin(items, eq(orders.itemId, items.id))
    .innerJoin(groups, eq(sales.groupId, groups.id))
    .where(and(inArray(orders.memberId, who), gt(orders.confirmed, 0), recent))
    .all()
  const waits = db
    .select({ sale: sales, item: items, qty: waitlist.qty, room: groups.topic })
    .from(waitlist)
    .innerJoin(sales, eq(waitlist.saleId, sales.id))
    .innerJoin(items, eq(waitlist.itemId, items.id))
    .innerJoin(groups, eq(sales.groupId, groups.id))
    .where(and(inArray(waitlist.memberId, who), recent))
    .all()
  const rows = new Map<string, Holding>()
  for (const h of held) rows.set(`${h.sale.id}:${h.item.id}`, { ...h, confirmed: h.qty, waiting: 0 })
  for (const w of waits) {
    const key = `${w.sale.id}:${w.item.id}`
    const r = rows.get(key) ?? { ...w, confirmed: 0, waiting: 0 }
    r.waiting += w.qty
    rows.set(key, r)
  }
  return [...rows.values()].sort((a, b) => a.sale.id - b.sale.id || a.item.id - b.item.id)
}
