// The one place where a message becomes a change: dedupe, parse, permission,
// one transaction, outbox. Adapters (live, simulator, replay) only feed it. The engine's
// other jobs live beside it: scheduler.ts, digest.ts, housekeeping.ts.
import { and, eq, gt, isNotNull } from 'drizzle-orm'
import type { JobRun } from './jobs.js'
import type { Statement } from 'better-sqlite3'
import type { Logger } from 'pino'
import type { Db } from '../db/db.js'
import { withTx } from '../db/tx.js'
import { outbox } from '../db/schema.js'
import { normalize, looseKey } from '../core/text.js'
import { findCommand, MAX_TEXT, type Route } from '../core/route.js'
import { maskAddresses } from '../core/privacy.js'
import { t } from '../i18n/zh-CN.js'
import { addNotice, enqueue, ensureGroup, memberByContact, type Place } from './repo.js'
import { organizes, organizesAny } from '../services/roles.js'
import { UserError, userError, type AnyCommand, type Ctx, type GroupRow, type Inbound, type Reply } from './types.js'
import { Scheduler, guarded } from './scheduler.js'
import { memberGroups } from './scope.js'
import { Housekeeping, syncGroup, type Person } from './housekeeping.js'
import { heldDigests, type HeldDigest } from './digest.js'
import { QueryLimits, Silenced } from './limits.js'
import { reattach, type LiveRoom } from './relogin.js'

export type EngineOptions = {
  log: Logger
  /** how long a digest waits to gather more events after the first one */
  gatherMs?: number
}

type Hit = Route<AnyCommand>
const ECHO_WINDOW_MS = 10 * 60_000

export class Engine {
  private readonly gatherMs: number
  private readonly log: Logger
  private readonly scheduler: Scheduler
  private readonly housekeeping: Housekeeping
  private readonly limits = new QueryLimits()
  private readonly stmts: { markSeen: Statement<[string, number]> }

  constructor(
    readonly db: Db,
    readonly commands: AnyCommand[],
    opts: EngineOptions,
  ) {
    this.log = opts.log
    this.gatherMs = opts.gatherMs ?? 3000
    this.stmts = {
      markSeen: db.$client.prepare('insert into inbound (msg_id, received_at) values (?, ?) on conflict do nothing'),
    }
    const jobRuns = new Map<string, JobRun>()
    for (const c of commands) for (const [kind, run] of Object.entries(c.jobs ?? {})) jobRuns.set(kind, run)
    this.scheduler = new Scheduler(db, this.log, jobRuns)
    this.housekeeping = new Housekeeping(db, this.log, this.limits)
  }

  private tx<T>(fn: (tx: Db) => Promise<T> | T): Promise<T> {
    return withTx(this.db, fn)
  }

  /**
   * A room as the platform shows it: its owner and members by id (either may be unknown).
   * Without ids, the topic stands for the room's id and a name for the member's id.
   */
  async declareGroup(
    room: string | Place,
    owner: string | Person | null,
    memberList: (string | Person)[] | null,
    now: number,
  ): Promise<void> {
    const place = typeof room === 'string' ? { roomId: room, topic: room } : room
    const person = (p: string | Person): Person => (typeof p === 'string' ? { name: p, id: p } : p)
    await this.tx((tx) =>
      syncGroup(tx, place, owner === null ? null : person(owner), memberList?.map(person) ?? null, now),
    )
  }

  /** The platform just logged in again and shows these rooms: re-attach what is stored to them (relogin.ts). */
  async relogin(rooms: LiveRoom[], now: number): Promise<void> {
    await this.tx((tx) => reattach(tx, rooms, now))
  }

  /** The earliest moment the engine has work of its own (a deadline, a countdown, a digest). */
  nextDue(alerts = true): number | null {
    return this.scheduler.nextDue(alerts)
  }

  /** Run everything due by `now`, oldest first: closes, countdowns, jobs, digests. */
  runDue(now: number, alerts = true): Promise<void> {
    return this.scheduler.runDue(now, alerts)
  }

  /** At start-up: sales whose deadline passed while the bot was down are closed now, once each. */
  recover(now: number): Promise<void> {
    return this.scheduler.recover(now)
  }

  /** Housekeeping for the live loop: a WAL checkpoint once a minute, pruning once an hour (housekeeping.ts). */
  maintain(now: number): Promise<void> {
    return this.housekeeping.maintain(now)
  }

  /** The next deadline, countdown or job: work that changes what is true, not only what is said. */
  nextWorkDue(): number | null {
    return this.scheduler.nextWorkDue()
  }

  /** Groups whose gathered notices quiet hours hold at `now`, and when the hold ends. */
  heldDigests(now: number): Promise<HeldDigest[]> {
    return Promise.resolve(heldDigests(this.db, now))
  }

  /** Handle one message. Never throws: a fault is logged and answered with a short apology. */
  async handle(msg: Inbound): Promise<void> {
    // Chatter (most group traffic) is recognised with pure code and never opens a
    // transaction: it changes nothing, so there is nothing to dedupe or remember.
    const text = normalize(msg.text).trim()
    const hit = text === '' ? null : this.findCommand(text)
    if (!hit) return
    try {
      await this.tx(async () => {
        if (!this.markSeen(msg)) return
        const group = groupOf(this.db, msg)
        this.deliver(msg, group, await this.process(msg, text, hit, group))
      })
    } catch (err) {
      if (err instanceof Silenced) {
        await guarded(this.log, 'marking a silenced message seen', () => this.tx(() => this.markSeen(msg)))
        return
      }
      const mistake = err instanceof UserError
      if (!mistake) this.log.error({ err, msgId: msg.id, room: msg.room }, 'message handling failed')
      try {
        await this.tx(() => {
          if (!this.markSeen(msg)) return
          const reply = mistake ? err.reply : t('error.fault')
          const g = groupOf(this.db, msg)
          this.deliver(msg, g, [
            mistake && err.via === 'digest' && g
              ? { kind: 'notice', notice: 'refused', member: speaker(this.db, g, msg).name, payload: { reason: reply } }
              : { kind: 'say', text: reply },
          ])
        })
      } catch (err2) {
        this.log.error({ err: err2, msgId: msg.id }, 'could not record a failed message')
      }
    }
  }

  private markSeen(msg: Inbound): boolean {
    return this.stmts.markSeen.run(msg.id, msg.at).changes > 0
  }

  private async process(msg: Inbound, rawText: string, found: Hit, group: GroupRow | null): Promise<Reply[]> {
    if (msg.self && this.isEcho(rawText, group, msg.at)) return []
    if (rawText.length > (found.spec.maxText ?? MAX_TEXT))
      return found.explicit ? [{ kind: 'say', text: t('error.tooLong') }] : []
    const member = group ? speaker(this.db, group, msg) : null
    const senderId = contactIdOf(msg)
    // in a private chat, an organizer is one who organizes some group; whoever speaks in a
    // group is in it, whatever the last member-list sync said. Both go by contact id, never by name.
    const isOrganizer =
      !!msg.self ||
      (group !== null
        ? member !== null && organizes(group, { ...member, inGroup: true })
        : organizesAny(this.db, senderId))
    // a member's address typed in a group is never stored or echoed (organizers may post pickup points)
    const text = group !== null && !isOrganizer ? maskAddresses(rawText) : rawText
    const hit = text === rawText ? found : this.findCommand(text)
    if (!hit) return []
    // an @ names whoever the platform says it is: ids become the labels the bot writes (Tom(2))
    const mentions =
      group && msg.mentionIds ? labelsOf(this.db, group.id, msg.mentionIds, msg.mentions ?? []) : msg.mentions
    const ctx: Ctx = {
      db: this.db,
      now: msg.at,
      msg: { ...msg, text, mentions },
      group,
      member,
      sender: member?.name ?? msg.from,
      senderId,
      isOrganizer,
      commands: this.commands,
    }
    const { spec } = hit
    const label = spec.aliases[0]
    // a group-only command is handed a context whose group and member are there
    const cmdCtx = spec.where !== 'group' ? ctx : group && member ? { ...ctx, group, member } : null
    // a stranger (in none of the bot's groups) learns nothing from a private organizer command
    if (spec.who === 'organizer' && !isOrganizer && !group && memberGroups(this.db, senderId).length === 0) return []
    if (cmdCtx === null) throw userError('error.groupOnly', { command: label })
    if (spec.where === 'private' && group) return []
    if (spec.who === 'organizer' && !isOrganizer)
      throw userError('error.organizerOnly', { command: label }, { via: 'digest' })
    const raw = hit.raw ?? spec.parse(hit.rest, cmdCtx)
    if (raw === null) return []
    const args = spec.args.safeParse(raw)
    if (!args.success)
      throw userError('error.badArgs', { usage: spec.usage }, { via: spec.who === 'anyone' ? 'digest' : 'reply' })
    // a member repeating a query (or a refused command) within its limit gets nothing (limits.ts)
    const who = { groupId: group?.id ?? null, member: senderId, isOrganizer }
    if (!this.limits.allow(spec.name, args.data, who, msg.at)) return []
    try {
      return await spec.run(cmdCtx, args.data)
    } catch (err) {
      // the transaction is rolled back either way; only the answer is left out
      if (err instanceof UserError && err.via !== 'digest' && !this.limits.allowRefusal(spec.name, who, msg.at))
        throw new Silenced()
      throw err
    }
  }

  private findCommand(text: string): Hit | null {
    return findCommand(this.commands, text)
  }

  /** The bot's own sends come back as self messages; anything else from the account is its owner typing. */
  private isEcho(text: string, group: GroupRow | null, now: number): boolean {
    const key = looseKey(text)
    const rows = this.db
      .select({ text: outbox.text })
      .from(outbox)
      .where(
        and(
          group ? eq(outbox.groupId, group.id) : isNotNull(outbox.toName),
          gt(outbox.createdAt, now - ECHO_WINDOW_MS),
        ),
      )
      .all()
    return rows.some((r) => looseKey(r.text) === key || key.endsWith(looseKey(r.text)))
  }

  private deliver(msg: Inbound, group: GroupRow | null, replies: Reply[]): void {
    for (const r of replies) {
      if (r.kind === 'say') {
        const to = r.toName
          ? { toName: r.toName, toId: r.toId ?? r.toName }
          : group
            ? null
            : { toName: msg.from, toId: contactIdOf(msg) }
        enqueue(
          this.db,
          {
            groupId: to ? null : group!.id,
            ...to,
            text: r.text,
            mentions: r.mentions,
            kind: r.tag ?? 'reply',
            file: r.file,
          },
          msg.at,
        )
      } else if (group) {
        addNotice(
          this.db,
          group,
          { kind: r.notice, member: r.member, saleId: r.saleId, payload: r.payload },
          msg.at,
          this.gatherMs,
        )
      } else {
        enqueue(
          this.db,
          {
            toName: msg.from,
            toId: contactIdOf(msg),
            text: String(r.payload.reason ?? r.payload.question ?? ''),
            kind: 'reply',
          },
          msg.at,
        )
      }
    }
  }
}

/** Who sent a message: her contact id, or her name when the platform gave no id. */
const contactIdOf = (msg: Inbound): string => msg.fromId ?? msg.from

/** The group a message came from, by its room id (the topic when there is none); null in a private chat. */
function groupOf(db: Db, msg: Inbound): GroupRow | null {
  return msg.room === null ? null : ensureGroup(db, { roomId: msg.roomId ?? msg.room, topic: msg.room }, msg.at)
}

/** The member who sent a group message, by contact id. */
function speaker(db: Db, group: GroupRow, msg: Inbound) {
  return memberByContact(db, group.id, msg.from, contactIdOf(msg))
}

/** The labels of the members with these contact ids (an id the group does not know keeps the platform's name). */
function labelsOf(db: Db, groupId: number, ids: string[], names: string[]): string[] {
  const get = db.$client.prepare('select name from members where group_id = ? and contact_id = ?')
  return ids.map((id, i) => (get.get(groupId, id) as { name: string } | undefined)?.name ?? names[i] ?? id)
}
