// The scheduler: the engine's own timed work — a sale's countdowns and close at its deadline,
// one-shot jobs (poll deadlines, payment reminders, lottery draws), digests — each unit in its
// own transaction, oldest first. Failed work is logged and tried again later, never at once.
import { and, asc, eq, isNull, lte, min } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../db/db.js'
import { withTx } from '../db/tx.js'
import { groups, jobs, sales } from '../db/schema.js'
import { groupById, saleById } from './repo.js'
import { alertSale, closeSale } from './sales.js'
import { alertLater } from '../services/sales.js'
import { flushDigest } from './digest.js'
import type { JobRun } from './jobs.js'

/** how long failed scheduled work (a close, a countdown, a digest) waits before it is tried again */
const RETRY_MS = 60_000

export class Scheduler {
  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly jobRuns: ReadonlyMap<string, JobRun>,
  ) {}

  /** The earliest moment the engine has work of its own (a deadline, a countdown, a job, a digest). */
  nextDue(alerts = true): number | null {
    const a = alerts ? this.nextWorkDue() : null
    const b =
      this.db
        .select({ v: min(groups.digestDueAt) })
        .from(groups)
        .get()?.v ?? null
    return a === null ? b : b === null ? a : Math.min(a, b)
  }

  /** The next deadline, countdown or job: work that changes what is true, not only what is said. */
  nextWorkDue(): number | null {
    const a =
      this.db
        .select({ v: min(sales.nextAlertAt) })
        .from(sales)
        .where(eq(sales.state, 'open'))
        .get()?.v ?? null
    const c =
      this.db
        .select({ v: min(jobs.dueAt) })
        .from(jobs)
        .where(isNull(jobs.doneAt))
        .get()?.v ?? null
    return a === null ? c : c === null ? a : Math.min(a, c)
  }

  /** Run everything due by `now`, oldest first: closes, countdowns, digests. */
  async runDue(now: number, alerts = true): Promise<void> {
    const dueSales = !alerts
      ? []
      : this.db
          .select({ id: sales.id })
          .from(sales)
          .where(and(eq(sales.state, 'open'), lte(sales.nextAlertAt, now)))
          .orderBy(asc(sales.nextAlertAt))
          .all()
    for (const { id } of dueSales) {
      await guarded(
        this.log,
        'sale alert',
        () => withTx(this.db, () => alertSale(this.db, saleById(this.db, id), now)),
        () => withTx(this.db, (tx) => alertLater(tx, id, now + RETRY_MS)),
      )
    }
    if (alerts) await this.runJobs(now)
    const dueGroups = this.db
      .select({ id: groups.id })
      .from(groups)
      .where(lte(groups.digestDueAt, now))
      .orderBy(asc(groups.digestDueAt))
      .all()
    for (const { id } of dueGroups) {
      await guarded(
        this.log,
        'digest',
        () => withTx(this.db, () => flushDigest(this.db, groupById(this.db, id), now)),
        () =>
          withTx(this.db, () =>
            this.db
              .update(groups)
              .set({ digestDueAt: now + RETRY_MS })
              .where(eq(groups.id, id))
              .run(),
          ),
      )
    }
  }

  private async runJobs(now: number): Promise<void> {
    const due = this.db
      .select()
      .from(jobs)
      .where(and(isNull(jobs.doneAt), lte(jobs.dueAt, now)))
      .orderBy(asc(jobs.dueAt), asc(jobs.id))
      .all()
    for (const job of due) {
      await guarded(this.log, `job ${job.kind}`, () =>
        withTx(this.db, async (tx) => {
          tx.update(jobs).set({ doneAt: now }).where(eq(jobs.id, job.id)).run()
          const run = this.jobRuns.get(job.kind)
          if (run) await run(tx, job.refId, now)
          else this.log.warn({ kind: job.kind }, 'no handler for job kind')
        }),
      )
      // a job that failed is not retried forever: it is logged above and set aside
      await guarded(this.log, 'job bookkeeping', () =>
        withTx(this.db, (tx) =>
          tx
            .update(jobs)
            .set({ doneAt: now })
            .where(and(eq(jobs.id, job.id), isNull(jobs.doneAt)))
            .run(),
        ),
      )
    }
  }

  /** At start-up: sales whose deadline passed while the bot was down are closed now, once each. */
  async recover(now: number): Promise<void> {
    const overdue = this.db
      .select({ id: sales.id })
      .from(sales)
      .where(and(eq(sales.state, 'open'), lte(sales.deadline, now)))
      .orderBy(asc(sales.deadline))
      .all()
    for (const { id } of overdue)
      await guarded(this.log, 'recovery close', () =>
        withTx(this.db, () => {
          const sale = saleById(this.db, id)
          if (sale.state === 'open') closeSale(this.db, sale, now, 'close', true)
        }),
      )
  }
}

/** Run `fn`, logging a failure; `later` reschedules failed work: a fault that persists must not be retried at the same moment forever. */
export async function guarded(log: Logger, what: string, fn: () => unknown, later?: () => unknown): Promise<void> {
  try {
    await fn()
  } catch (err) {
    log.error({ err }, `${what} failed`)
    if (later) await guarded(log, `${what}: rescheduling`, later)
  }
}
