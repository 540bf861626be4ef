// Sends the outbox at a pace WeChat tolerates: at least 1.5 s (plus jitter) between
// messages to one chat, at most 20 a minute in all, retries with back-off. A row is
// marked sent only after the platform accepted it.
import { and, asc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../db/db.js'
import { withTx } from '../db/tx.js'
import { groups, members, outbox } from '../db/schema.js'
import { isStale } from './relogin.js'

/**
 * One message to send. A group message goes to the room `roomId` (its topic is only a label); a
 * private one to the contact `toId`. Without ids from the platform the ids are the topic and the
 * name. `mentionIds` are the contact ids of `mentions`, in the same order.
 */
export type OutMessage = {
  id: number
  room: string | null
  roomId: string | null
  toName: string | null
  toId: string | null
  text: string
  mentions: string[]
  mentionIds: string[]
  file: string | null
}

/** What actually delivers a message: the Wechaty adapter, the simulator's terminal, the replay file. */
export interface Transport {
  send(m: OutMessage, at: number): Promise<void>
}

export type Pace = { perChatMs: number; jitterMs: number; perMinute: number; maxAttempts: number }
export const DEFAULT_PACE: Pace = { perChatMs: 1500, jitterMs: 700, perMinute: 20, maxAttempts: 6 }

/** Deterministic jitter from the row id, so replays give the same output every time. */
const jitter = (id: number, span: number) => (span <= 0 ? 0 : (Math.imul(id, 2654435761) >>> 0) % span)

type Candidate = { id: number; at: number }

/** Outbox kinds that are announcements to the whole group rather than answers to one member. */
export const URGENT_KINDS = ['event', 'countdown']

export class Sender {
  constructor(
    private readonly db: Db,
    private readonly transport: Transport,
    private readonly log: Logger,
    private readonly pace: Pace = DEFAULT_PACE,
  ) {}

  /** The earliest time the next message may go, or null when the outbox is empty. */
  nextDue(): number | null {
    const c = this.candidates()
    if (c.length === 0) return null
    const first = Math.min(...c.map((x) => x.at))
    return Math.max(first, this.globalFreeAt())
  }

  /** Send everything allowed at `now`, one message at a time. */
  async flush(now: number): Promise<number> {
    let sent = 0
    for (;;) {
      if (this.globalFreeAt() > now) return sent
      const next = this.candidates()
        .filter((c) => c.at <= now)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!next) return sent
      await this.sendOne(next.id, now)
      sent++
    }
  }

  private async sendOne(id: number, now: number): Promise<void> {
    const row = this.db.select().from(outbox).where(eq(outbox.id, id)).get()!
    const g =
      row.groupId === null
        ? null
        : this.db
            .select({ topic: groups.topic, roomId: groups.roomId })
            .from(groups)
            .where(eq(groups.id, row.groupId))
            .get()!
    const mentions: string[] = JSON.parse(row.mentions)
    const mentionIds = row.groupId === null ? [] : mentionIdsOf(this.db, row.groupId, mentions)
    // a group no room was re-attached to after a login has no room to post in (relogin.ts)
    if (g && isStale(g.roomId)) {
      this.log.warn({ outboxId: id }, 'not sent: the group is bound to no room since the last login')
      await withTx(this.db, (tx) => tx.update(outbox).set({ failedAt: now }).where(eq(outbox.id, id)).run())
      return
    }
    try {
      await this.transport.send(
        {
          id: row.id,
          room: g?.topic ?? null,
          roomId: g ? (g.roomId ?? g.topic) : null,
          toName: row.toName,
          toId: row.toId ?? row.toName,
          text: row.text,
          mentions,
          mentionIds,
          file: row.file,
        },
        now,
      )
      // through the transaction queue: a write made while a message's transaction is open
      // would be committed or rolled back with it
      await withTx(this.db, (tx) =>
        tx
          .update(outbox)
          .set({ sentAt: now, attempts: row.attempts + 1 })
          .where(eq(outbox.id, id))
          .run(),
      )
    } catch (err) {
      const attempts = row.attempts + 1
      const giveUp = attempts >= this.pace.maxAttempts
      this.log.warn({ err, outboxId: id, attempts, giveUp }, 'send failed')
      await withTx(this.db, (tx) =>
        tx
          .update(outbox)
          .set({
            attempts,
            notBefore: now + Math.min(300_000, 2000 * 2 ** attempts),
            failedAt: giveUp ? now : null,
          })
          .where(eq(outbox.id, id))
          .run(),
      )
    }
  }

  /**
   * The head of each chat's queue and when it may go. Announcements (launch, close, abort,
   * countdowns: URGENT_KINDS) go ahead of anything else queued for their chat, so a flood of
   * answers never delays them; among themselves, and among the rest, first in first out.
   */
  private candidates(): Candidate[] {
    const urgent = sql<number | null>`min(case when ${outbox.kind} in (${sql.join(
      URGENT_KINDS.map((k) => sql`${k}`),
      sql`, `,
    )}) then ${outbox.id} end)`
    // a private chat is one contact, by id: two namesakes are two chats
    const heads = this.db
      .select({ first: sql<number>`min(${outbox.id})`, urgent, groupId: outbox.groupId, toId: outbox.toId })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)))
      .groupBy(outbox.groupId, outbox.toId)
      .all()
      .map((h) => ({ id: h.urgent ?? h.first, groupId: h.groupId, toId: h.toId }))
    return heads.map((h) => {
      const row = this.db.select({ notBefore: outbox.notBefore }).from(outbox).where(eq(outbox.id, h.id)).get()!
      const chat = h.groupId === null ? eq(outbox.toId, h.toId!) : eq(outbox.groupId, h.groupId)
      const last =
        this.db
          .select({ v: max(outbox.sentAt) })
          .from(outbox)
          .where(and(chat, h.groupId === null ? isNull(outbox.groupId) : sql`1`))
          .get()?.v ?? null
      const paced = last === null ? 0 : last + this.pace.perChatMs + jitter(h.id, this.pace.jitterMs)
      return { id: h.id, at: Math.max(row.notBefore, paced) }
    })
  }

  /** When the one-minute window allows another send. */
  private globalFreeAt(): number {
    const recent = this.db
      .select({ at: outbox.sentAt })
      .from(outbox)
      .where(gt(outbox.sentAt, sql`(select coalesce(max(${outbox.sentAt}), 0) - 60000 from ${outbox})`))
      .orderBy(asc(outbox.sentAt))
      .all()
    if (recent.length < this.pace.perMinute) return 0
    return recent[recent.length - this.pace.perMinute].at! + 60_000
  }
}

/** The contact ids of the members a group message @s (a name the group no longer has: the name). */
function mentionIdsOf(db: Db, groupId: number, names: string[]): string[] {
  if (names.length === 0) return []
  const rows = db
    .select({ name: members.name, contactId: members.contactId })
    .from(members)
    .where(and(eq(members.groupId, groupId), inArray(members.name, names)))
    .all()
  const byName = new Map(rows.map((r) => [r.name, r.contactId ?? r.name]))
  return names.map((n) => byName.get(n) ?? n)
}
