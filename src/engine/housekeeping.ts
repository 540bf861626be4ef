// Housekeeping: keeping the database and the member lists in shape for the live loop.
import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../db/db.js'
import { serial } from '../db/tx.js'
import { groups, members } from '../db/schema.js'
import { ensureGroup, memberByContact, type Place } from './repo.js'
import { guarded } from './scheduler.js'
import { pruneOld } from './prune.js'
import type { QueryLimits } from './limits.js'
import { sweepExports } from '../files.js'
import { exportsDir } from '../exportXlsx.js'

export class Housekeeping {
  private lastCheckpoint = 0
  private lastSweep = 0

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly limits: QueryLimits,
  ) {}

  /** For the live loop: fold the WAL back into the database once a minute; once an hour,
   * delete exports older than a day and dedupe/outbox rows older than 30 days (prune.ts). */
  async maintain(now: number): Promise<void> {
    if (now - this.lastCheckpoint < 60_000) return
    this.lastCheckpoint = now
    // between transactions: a checkpoint cannot run inside one
    await guarded(this.log, 'checkpoint', () =>
      serial(this.db, () => this.db.$client.pragma('wal_checkpoint(PASSIVE)')),
    )
    this.limits.prune(now)
    if (now - this.lastSweep < 3600_000) return
    this.lastSweep = now
    // an in-memory database writes its exports to a temp folder other processes share: not swept
    const onDisk = this.db.$client.name !== ':memory:' && this.db.$client.name !== ''
    if (onDisk) await guarded(this.log, 'export sweep', () => sweepExports(exportsDir(this.db), now))
    await guarded(this.log, 'pruning old rows', () => serial(this.db, () => pruneOld(this.db, now)))
  }
}

/** A person as the platform shows her: the name the group sees and her contact id (without ids: the name). */
export type Person = { name: string; id: string }

/**
 * A room as the platform shows it: its owner by id (null: the platform did not say; a group it
 * never told has nobody as owner until it does) and its members by id (null: unknown); members missing from the list
 * have left.
 */
export function syncGroup(db: Db, place: Place, owner: Person | null, memberList: Person[] | null, now: number): void {
  const g = ensureGroup(db, place, now)
  // a declaration that does not say who owns the room changes nothing about it; a group never
  // told has no owner (ids are per login, so an owner id from an older login matches nobody)
  if (owner !== null && (owner.id !== g.ownerId || owner.name !== g.ownerName))
    db.update(groups).set({ ownerName: owner.name, ownerId: owner.id }).where(eq(groups.id, g.id)).run()
  if (memberList !== null) {
    const present = new Set(memberList.map((p) => memberByContact(db, g.id, p.name, p.id).id))
    for (const m of db.select().from(members).where(eq(members.groupId, g.id)).all()) {
      const inGroup = present.has(m.id)
      if (inGroup !== m.inGroup) db.update(members).set({ inGroup }).where(eq(members.id, m.id)).run()
    }
  }
}
