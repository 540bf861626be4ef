// Sales: the one writer of the sales table. Every change to a sale row is a named step here,
// so a rule about a sale's state (and, later, another database) has one place to look.
import { eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { sales } from '../db/schema.js'
import type { SaleRow } from '../engine/repo.js'

export type NewSale = typeof sales.$inferInsert

export function insertSale(db: Db, values: NewSale): SaleRow {
  return db.insert(sales).values(values).returning().get()
}

/** Closed: succeeded, failed or aborted; nothing more is due for it. */
export function setSaleState(db: Db, saleId: number, state: SaleRow['state'], now: number): void {
  db.update(sales).set({ state, closedAt: now, nextAlertAt: null }).where(eq(sales.id, saleId)).run()
}

/** A new deadline with the countdowns still to send. */
export function setDeadline(db: Db, saleId: number, deadline: number, countdownsDone: string, nextAlertAt: number | null): SaleRow {
  return db.update(sales).set({ deadline, countdownsDone, nextAlertAt }).where(eq(sales.id, saleId)).returning().get()
}

export function setCountdowns(db: Db, saleId: number, countdownsDone: string, nextAlertAt: number | null): void {
  db.update(sales).set({ countdownsDone, nextAlertAt }).where(eq(sales.id, saleId)).run()
}

/** Scheduled work on a sale that failed is tried again at `at`, not at once forever. */
export function alertLater(db: Db, saleId: number, at: number): void {
  db.update(sales).set({ nextAlertAt: at }).where(eq(sales.id, saleId)).run()
}

export function setSoldOutAnnounced(db: Db, saleId: number, announced: boolean): void {
  db.update(sales).set({ soldOutAnnounced: announced }).where(eq(sales.id, saleId)).run()
}

export function setNextWaitSeq(db: Db, saleId: number, seq: number): void {
  // a prepared statement, not drizzle: this runs on the join path, where query building showed in the bench
  db.$client.prepare('update sales set next_wait_seq = ? where id = ?').run(seq, saleId)
}

export function startLottery(db: Db, saleId: number, until: number, seed: string): void {
  db.update(sales).set({ lotteryUntil: until, lotterySeed: seed }).where(eq(sales.id, saleId)).run()
}

export function linkIntent(db: Db, saleId: number, intentId: number): void {
  db.update(sales).set({ intentId }).where(eq(sales.id, saleId)).run()
}

export function linkSupplier(db: Db, saleId: number, supplierId: number): void {
  db.update(sales).set({ supplierId }).where(eq(sales.id, saleId)).run()
}

/** Every order delivered or refunded: the sale asks for ratings once. */
export function markCompleted(db: Db, saleId: number, now: number): void {
  db.update(sales).set({ completedAt: now }).where(eq(sales.id, saleId)).run()
}
