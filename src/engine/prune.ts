// Tables that grow with every message are pruned from the live loop, so a bot left alone for
// a year keeps a database of the size a month makes.
//   inbound (the dedupe table): a message id only matters while the platform may deliver it
//     again; the adapter ignores messages older than an hour, replays run within days.
//   outbox rows sent or given up: the pacing, the echo check and the digest spacing read only
//     the last minutes of them.
// Both keep 30 days. Unsent rows are never touched. Deletes run in batches, so one pass never
// holds the database for long; the next pass takes the rest.
import type { Db } from '../db/db.js'

export const KEEP_MS = 30 * 24 * 3600_000
const BATCH = 10_000

export type Pruned = { inbound: number; outbox: number }

export function pruneOld(db: Db, now: number, keepMs = KEEP_MS): Pruned {
  const cutoff = now - keepMs
  const inbound = db.$client
    .prepare('delete from inbound where rowid in (select rowid from inbound where received_at < ? limit ?)')
    .run(cutoff, BATCH).changes
  const outbox = db.$client
    .prepare(
      `delete from outbox where id in (
      select id from outbox where sent_at < ? union all select id from outbox where sent_at is null and failed_at < ? limit ?)`,
    )
    .run(cutoff, cutoff, BATCH).changes
  return { inbound, outbox }
}
