// The digest: the per-member notices of a group folded into one message, at most one every
// `digestSeconds`, held through the group's quiet hours. Runs in the scheduler's transaction.
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, notices, outbox } from '../db/schema.js'
import { digestText, type DigestNotice, type DigestSale } from '../core/render.js'
import { isQuiet, quietEnd } from '../core/schedule.js'
import { enqueue, groupById, loadBook, saleById } from './repo.js'
import { quietOf, view, MENTION_CAP } from './sales.js'
import type { GroupRow } from './types.js'

export type HeldDigest = { room: string; tz: string; until: number; notices: number }

/** Groups whose gathered notices quiet hours hold at `now`, and when the hold ends. */
export function heldDigests(db: Db, now: number): HeldDigest[] {
  const rows = db
    .select({ id: groups.id, n: count() })
    .from(notices)
    .innerJoin(groups, eq(notices.groupId, groups.id))
    .groupBy(groups.id)
    .all()
  return rows.flatMap(({ id, n }) => {
    const g = groupById(db, id)
    const quiet = quietOf(g)
    return isQuiet(now, quiet) ? [{ room: g.topic, tz: g.tz, until: quietEnd(now, quiet), notices: n }] : []
  })
}

export function flushDigest(db: Db, group: GroupRow, now: number): void {
  const quiet = { start: group.quietStart, end: group.quietEnd, tz: group.tz }
  if (isQuiet(now, quiet)) {
    db.update(groups)
      .set({ digestDueAt: quietEnd(now, quiet) })
      .where(eq(groups.id, group.id))
      .run()
    return
  }
  const waitUntil = digestSpacing(db, group, now)
  if (waitUntil > now) {
    db.update(groups).set({ digestDueAt: waitUntil }).where(eq(groups.id, group.id)).run()
    return
  }
  const rows = db.select().from(notices).where(eq(notices.groupId, group.id)).orderBy(asc(notices.id)).all()
  db.update(groups)
    .set({ digestDueAt: null, lastDigestAt: rows.length > 0 ? now : group.lastDigestAt })
    .where(eq(groups.id, group.id))
    .run()
  if (rows.length === 0) return
  const list: DigestNotice[] = rows.map((r) => ({
    kind: r.kind,
    member: r.memberName,
    saleId: r.saleId,
    payload: JSON.parse(r.payload),
  }))
  const touched = new Map<number, DigestSale>()
  for (const id of new Set(rows.map((r) => r.saleId).filter((x): x is number => x !== null))) {
    const sale = saleById(db, id)
    touched.set(id, { view: view(sale), book: loadBook(db, sale) })
  }
  const d = digestText(list, touched, now, MENTION_CAP)
  enqueue(db, { groupId: group.id, text: d.text, mentions: d.mentions, kind: 'digest' }, now)
  db.delete(notices).where(eq(notices.groupId, group.id)).run()
}

/**
 * The group sees digests at least `digestSeconds` apart, counted from when the last one
 * actually went out: while it is still queued behind answers, look again shortly.
 */
function digestSpacing(db: Db, group: GroupRow, now: number): number {
  const last = db
    .select({ sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.groupId, group.id), eq(outbox.kind, 'digest'), isNull(outbox.failedAt)))
    .orderBy(desc(outbox.id))
    .limit(1)
    .get()
  if (!last) return now
  // a queued digest goes out within seconds unless the account is at its send limit; 5 s keeps
  // the re-checks cheap when 30 groups all wait behind the 20-a-minute cap
  return last.sentAt === null ? now + 5000 : last.sentAt + group.digestSeconds * 1000
}
