// The one place where a message becomes a change: dedupe, parse, permission,
// one transaction, outbox. Adapters (live, simulator, replay) only feed it.
import { and, eq, gt, isNotNull, isNull, lte, min, asc, desc } from 'drizzle-orm'
import type { JobRun } from './jobs.js'
import type { Statement } from 'better-sqlite3'
import type { Logger } from 'pino'
import type { Db } from '../db/db.js'
import { serial, withTx } from '../db/tx.js'
import { groups, jobs, members, notices, outbox, sales } from '../db/schema.js'
import { normalize, looseKey } from '../core/text.js'
import { findCommand, MAX_TEXT, type Route } from '../core/route.js'
import { maskAddresses } from '../core/privacy.js'
import { digestText, type DigestNotice, type DigestSale } from '../core/render.js'
import { isQuiet, quietEnd } from '../core/schedule.js'
import { t } from '../i18n/zh-CN.js'
import { addNotice, enqueue, ensureGroup, ensureMember, groupById, loadBook, saleById } from './repo.js'
import { alertSale, closeSale, view, MENTION_CAP } from './sales.js'
import { organizes, organizesAny } from '../services/roles.js'
import { UserError, userError, type AnyCommand, type Ctx, type GroupRow, type Inbound, type Reply } from './types.js'
import { alertLater } from '../services/sales.js'

export type EngineOptions = {
  log: Logger
  /** how long a digest waits to gather more events after the first one */
  gatherMs?: number
}

type Hit = Route<AnyCommand>
const ECHO_WINDOW_MS = 10 * 60_000
/** how long failed scheduled work (a close, a countdown, a digest) waits before it is tried again */
const RETRY_MS = 60_000

export class Engine {
  private readonly gatherMs: number
  private readonly log: Logger
  private readonly jobRuns = new Map<string, JobRun>()
  private readonly stmts: { markSeen: Statement<[string, number]> }

  constructor(readonly db: Db, readonly commands: AnyCommand[], opts: EngineOptions) {
    this.log = opts.log
    this.gatherMs = opts.gatherMs ?? 3000
    this.stmts = { markSeen: db.$client.prepare('insert into inbound (msg_id, received_at) values (?, ?) on conflict do nothing') }
    for (const c of commands) for (const [kind, run] of Object.entries(c.jobs ?? {})) this.jobRuns.set(kind, run)
  }

  private tx<T>(fn: (tx: Db) => Promise<T> | T): Promise<T> {
    return withTx(this.db, fn)
  }

  /** A group as the platform shows it: owner and member names (either may be unknown). */
  async declareGroup(topic: string, owner: string | null, memberList: string[] | null, now: number): Promise<void> {
    await this.tx(() => {
      const g = ensureGroup(this.db, topic, now)
      if (owner !== null && owner !== g.ownerName) this.db.update(groups).set({ ownerName: owner }).where(eq(groups.id, g.id)).run()
      if (memberList !== null) {
        const present = new Set(memberList)
        for (const name of memberList) ensureMember(this.db, g.id, name)
        for (const m of this.db.select().from(members).where(eq(members.groupId, g.id)).all()) {
          const inGroup = present.has(m.name)
          if (inGroup !== m.inGroup) this.db.update(members).set({ inGroup }).where(eq(members.id, m.id)).run()
        }
      }
    })
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
        const group = msg.room === null ? null : ensureGroup(this.db, msg.room, msg.at)
        this.deliver(msg, group, await this.process(msg, text, hit, group))
      })
    } catch (err) {
      const mistake = err instanceof UserError
      if (!mistake) this.log.error({ err, msgId: msg.id, room: msg.room }, 'message handling failed')
      try {
        await this.tx(() => {
          if (!this.markSeen(msg)) return
          const reply = mistake ? err.reply : t('error.fault')
          const g = msg.room === null ? null : ensureGroup(this.db, msg.room, msg.at)
          this.deliver(msg, g, [mistake && err.via === 'digest' && msg.room
            ? { kind: 'notice', notice: 'refused', member: msg.from, payload: { reason: reply } }
            : { kind: 'say', text: reply }])
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
    if (rawText.length > (found.spec.maxText ?? MAX_TEXT)) return found.explicit ? [{ kind: 'say', text: t('error.tooLong') }] : []
    const member = group ? ensureMember(this.db, group.id, msg.from, msg.fromId) : null
    // in a private chat, an organizer is one who organizes some group; whoever speaks in a
    // group is in it, whatever the last member-list sync said
    const isOrganizer = !!msg.self || (group !== null
      ? member !== null && organizes(group, { ...member, inGroup: true })
      : organizesAny(this.db, msg.from))
    // a member's address typed in a group is never stored or echoed (organizers may post pickup points)
    const text = group !== null && !isOrganizer ? maskAddresses(rawText) : rawText
    const hit = text === rawText ? found : this.findCommand(text)
    if (!hit) return []
    const ctx: Ctx = { db: this.db, now: msg.at, msg: { ...msg, text }, group, member, sender: msg.from, isOrganizer, commands: this.commands }
    const { spec } = hit
    const label = spec.aliases[0]
    // a group-only command is handed a context whose group and member are there
    const cmdCtx = spec.where !== 'group' ? ctx : group && member ? { ...ctx, group, member } : null
    if (cmdCtx === null) throw userError('error.groupOnly', { command: label })
    if (spec.where === 'private' && group) return []
    if (spec.who === 'organizer' && !isOrganizer) throw userError('error.organizerOnly', { command: label }, { via: 'digest' })
    const raw = hit.raw ?? spec.parse(hit.rest, cmdCtx)
    if (raw === null) return []
    const args = spec.args.safeParse(raw)
    if (!args.success) throw userError('error.badArgs', { usage: spec.usage }, { via: spec.who === 'anyone' ? 'digest' : 'reply' })
    return await spec.run(cmdCtx, args.data)
  }

  private findCommand(text: string): Hit | null {
    return findCommand(this.commands, text)
  }

  /** The bot's own sends come back as self messages; anything else from the account is its owner typing. */
  private isEcho(text: string, group: GroupRow | null, now: number): boolean {
    const key = looseKey(text)
    const rows = this.db.select({ text: outbox.text }).from(outbox)
      .where(and(group ? eq(outbox.groupId, group.id) : isNotNull(outbox.toName), gt(outbox.createdAt, now - ECHO_WINDOW_MS))).all()
    return rows.some((r) => looseKey(r.text) === key || key.endsWith(looseKey(r.text)))
  }

  private deliver(msg: Inbound, group: GroupRow | null, replies: Reply[]): void {
    for (const r of replies) {
      if (r.kind === 'say') {
        const toName = r.toName ?? (group ? null : msg.from)
        enqueue(this.db, { groupId: toName ? null : group!.id, toName, text: r.text, mentions: r.mentions, kind: r.tag ?? 'reply', file: r.file }, msg.at)
      } else if (group) {
        addNotice(this.db, group, { kind: r.notice, member: r.member, saleId: r.saleId, payload: r.payload }, msg.at, this.gatherMs)
      } else {
        enqueue(this.db, { toName: msg.from, text: String(r.payload.reason ?? r.payload.question ?? ''), kind: 'reply' }, msg.at)
      }
    }
  }

  /** The earliest moment the engine has work of its own (a deadline, a countdown, a digest). */
  nextDue(alerts = true): number | null {
    const a = alerts ? this.db.select({ v: min(sales.nextAlertAt) }).from(sales).where(eq(sales.state, 'open')).get()?.v ?? null : null
    const b = this.db.select({ v: min(groups.digestDueAt) }).from(groups).get()?.v ?? null
    const c = alerts ? this.db.select({ v: min(jobs.dueAt) }).from(jobs).where(isNull(jobs.doneAt)).get()?.v ?? null : null
    const all = [a, b, c].filter((x): x is number => x !== null)
    return all.length === 0 ? null : Math.min(...all)
  }

  private lastCheckpoint = 0

  /** Housekeeping for the live loop: fold the WAL back into the database once a minute. */
  async maintain(now: number): Promise<void> {
    if (now - this.lastCheckpoint < 60_000) return
    this.lastCheckpoint = now
    // between transactions: a checkpoint cannot run inside one
    await this.guard('checkpoint', () => serial(this.db, () => this.db.$client.pragma('wal_checkpoint(PASSIVE)')))
  }

  hasPendingDigest(): boolean {
    return this.db.select({ id: groups.id }).from(groups).where(isNotNull(groups.digestDueAt)).limit(1).get() !== undefined
  }

  /** Run everything due by `now`, oldest first: closes, countdowns, digests. */
  async runDue(now: number, alerts = true): Promise<void> {
    const dueSales = !alerts ? [] : this.db.select({ id: sales.id }).from(sales)
      .where(and(eq(sales.state, 'open'), lte(sales.nextAlertAt, now))).orderBy(asc(sales.nextAlertAt)).all()
    for (const { id } of dueSales) {
      await this.guard('sale alert', () => this.tx(() => alertSale(this.db, saleById(this.db, id), now)),
        () => this.tx((tx) => alertLater(tx, id, now + RETRY_MS)))
    }
    if (alerts) await this.runJobs(now)
    const dueGroups = this.db.select({ id: groups.id }).from(groups).where(lte(groups.digestDueAt, now)).orderBy(asc(groups.digestDueAt)).all()
    for (const { id } of dueGroups) {
      await this.guard('digest', () => this.tx(() => this.flushDigest(groupById(this.db, id), now)),
        () => this.tx(() => this.db.update(groups).set({ digestDueAt: now + RETRY_MS }).where(eq(groups.id, id)).run()))
    }
  }

  private async runJobs(now: number): Promise<void> {
    const due = this.db.select().from(jobs).where(and(isNull(jobs.doneAt), lte(jobs.dueAt, now))).orderBy(asc(jobs.dueAt), asc(jobs.id)).all()
    for (const job of due) {
      await this.guard(`job ${job.kind}`, () => this.tx(async (tx) => {
        tx.update(jobs).set({ doneAt: now }).where(eq(jobs.id, job.id)).run()
        const run = this.jobRuns.get(job.kind)
        if (run) await run(tx, job.refId, now)
        else this.log.warn({ kind: job.kind }, 'no handler for job kind')
      }))
      // a job that failed is not retried forever: it is logged above and set aside
      await this.guard('job bookkeeping', () => this.tx((tx) => tx.update(jobs).set({ doneAt: now }).where(and(eq(jobs.id, job.id), isNull(jobs.doneAt))).run()))
    }
  }

  /** At start-up: sales whose deadline passed while the bot was down are closed now, once each. */
  async recover(now: number): Promise<void> {
    const overdue = this.db.select({ id: sales.id }).from(sales).where(and(eq(sales.state, 'open'), lte(sales.deadline, now))).orderBy(asc(sales.deadline)).all()
    for (const { id } of overdue) await this.guard('recovery close', () => this.tx(() => {
      const sale = saleById(this.db, id)
      if (sale.state === 'open') closeSale(this.db, sale, now, 'close', true)
    }))
  }

  /** `later` reschedules failed work: a fault that persists must not be retried at the same moment forever. */
  private async guard(what: string, fn: () => unknown, later?: () => unknown): Promise<void> {
    try {
      await fn()
    } catch (err) {
      this.log.error({ err }, `${what} failed`)
      if (later) await this.guard(`${what}: rescheduling`, later)
    }
  }

  /**
   * The group sees digests at least `digestSeconds` apart, counted from when the last one
   * actually went out: while it is still queued behind answers, look again shortly.
   */
  private digestSpacing(group: GroupRow, now: number): number {
    const last = this.db.select({ sentAt: outbox.sentAt }).from(outbox)
      .where(and(eq(outbox.groupId, group.id), eq(outbox.kind, 'digest'), isNull(outbox.failedAt)))
      .orderBy(desc(outbox.id)).limit(1).get()
    if (!last) return now
    // a queued digest goes out within seconds unless the account is at its send limit; 5 s keeps
    // the re-checks cheap when 30 groups all wait behind the 20-a-minute cap
    return last.sentAt === null ? now + 5000 : last.sentAt + group.digestSeconds * 1000
  }

  private flushDigest(group: GroupRow, now: number): void {
    const quiet = { start: group.quietStart, end: group.quietEnd, tz: group.tz }
    if (isQuiet(now, quiet)) {
      this.db.update(groups).set({ digestDueAt: quietEnd(now, quiet) }).where(eq(groups.id, group.id)).run()
      return
    }
    const waitUntil = this.digestSpacing(group, now)
    if (waitUntil > now) {
      this.db.update(groups).set({ digestDueAt: waitUntil }).where(eq(groups.id, group.id)).run()
      return
    }
    const rows = this.db.select().from(notices).where(eq(notices.groupId, group.id)).orderBy(asc(notices.id)).all()
    this.db.update(groups).set({ digestDueAt: null, lastDigestAt: rows.length > 0 ? now : group.lastDigestAt }).where(eq(groups.id, group.id)).run()
    if (rows.length === 0) return
    const list: DigestNotice[] = rows.map((r) => ({ kind: r.kind, member: r.memberName, saleId: r.saleId, payload: JSON.parse(r.payload) }))
    const touched = new Map<number, DigestSale>()
    for (const id of new Set(rows.map((r) => r.saleId).filter((x): x is number => x !== null))) {
      const sale = saleById(this.db, id)
      touched.set(id, { view: view(sale), book: loadBook(this.db, sale) })
    }
    const d = digestText(list, touched, now, MENTION_CAP)
    enqueue(this.db, { groupId: group.id, text: d.text, mentions: d.mentions, kind: 'digest' }, now)
    this.db.delete(notices).where(eq(notices.groupId, group.id)).run()
  }
}
