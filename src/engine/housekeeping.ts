// Housekeeping: keeping the database and the member lists in shape for the live loop.
import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../db/db.js'
import { serial } from '../db/tx.js'
import { groups, members } from '../db/schema.js'
import { ensureGroup, ensureMember } from './repo.js'
import { guarded } from './scheduler.js'

export class Housekeeping {
  private lastCheckpoint = 0

  constructor(private readonly db: Db, private readonly log: Logger) {}

  /** Housekeeping for the live loop: fold the WAL back into the database once a minute. */
  async maintain(now: number): Promise<void> {
    if (now - this.lastCheckpoint < 60_000) return
    this.lastCheckpoint = now
    // between transactions: a checkpoint cannot run inside one
    await guarded(this.log, 'checkpoint', () => serial(this.db, () => this.db.$client.pragma('wal_checkpoint(PASSIVE)')))
  }
}

/** A group as the platform shows it: owner and member names (either may be unknown); members missing from the list have left. */
export function syncGroup(db: Db, topic: string, owner: string | null, memberList: string[] | null, now: number): void {
  const g = ensureGroup(db, topic, now)
  if (owner !== null && owner !== g.ownerName) db.update(groups).set({ ownerName: owner }).where(eq(groups.id, g.id)).run()
  if (memberList !== null) {
    const present = new Set(memberList)
    for (const name of memberList) ensureMember(db, g.id, name)
    for (const m of db.select().from(members).where(eq(members.groupId, g.id)).all()) {
      const inGroup = present.has(m.name)
      if (inGroup !== m.inGroup) db.update(members).set({ inGroup }).where(eq(members.id, m.id)).run()
    }
  }
}
