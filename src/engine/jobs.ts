// One-shot timed work stored in SQLite (poll deadlines, payment reminders, lottery draws …).
// node-cron keeps nothing and has no one-shot dates; a row here survives restarts.
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { jobs } from '../db/schema.js'

/** Runs inside the engine's transaction when the job is due. */
export type JobRun = (db: Db, refId: number, now: number) => Promise<void>

export function scheduleJob(db: Db, kind: string, refId: number, dueAt: number): void {
  db.insert(jobs).values({ kind, refId, dueAt }).run()
}

/** Drop pending jobs of a kind for a row (e.g. a poll closed by hand before its deadline). */
export function cancelJobs(db: Db, kind: string, refId: number): void {
  db.delete(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.refId, refId), isNull(jobs.doneAt)))
    .run()
}
