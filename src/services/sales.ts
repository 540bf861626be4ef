// Sales: which sale a message means, and the one writer of the sales table. Every change to a
// sale row is a named step here, so a rule about a sale's state has one place to look.
import { eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { sales } from '../db/schema.js'
import type { Book } from '../core/sale.js'
import { looseKey } from '../core/text.js'
import { saleByNo, type SaleRow } from '../engine/repo.js'
import { namedItems } from '../engine/pick.js'
import { userError, type GroupRow, type UserError } from '../engine/types.js'
import type { BareKey } from '../i18n/zh-CN.js'

/** What a sale named by 团N must be: still open, closed with 成团 (the after-sale commands), or anything. */
export type Need = 'open' | 'succeeded' | 'any'

export type SaleQuery = {
  /** the number the member typed (团2, #2), if any */
  ref: number | null
  need: Need
  /** the sales meant when none is named, in the order the question lists them */
  among: SaleRow[]
  /** 'open' when `among` is the group's open sales: the question says they are running */
  phase: 'open' | 'any'
  /** the member's words, which may name one of several by a title word or a variant */
  words?: { text: string; bookOf: (s: SaleRow) => Book }
  /** the command as the question's example shows it, for a sale number */
  example: (no: number) => string
  /** the refusal when no sale is meant at all; null: say nothing (a join with no sale is chatter) */
  none: BareKey | null
}

export type Found = { ok: true; sale: SaleRow } | { ok: false; refusal: UserError | null }

/**
 * The one rule for "which sale?": the sale named by number (it must exist and be in the phase
 * the command needs), else the only candidate, else the only one the words name. Several left
 * is one question back, never a guess.
 */
export function findSale(db: Db, group: GroupRow, q: SaleQuery): Found {
  if (q.ref !== null) {
    // a candidate already loaded saves the query on the join path
    const sale = q.among.find((s) => s.no === q.ref) ?? saleByNo(db, group.id, q.ref)
    if (!sale) return { ok: false, refusal: userError('sale.notFound', { no: q.ref }) }
    if (q.need === 'open' && sale.state !== 'open')
      return { ok: false, refusal: userError('sale.notOpen', { no: q.ref }) }
    if (q.need === 'succeeded') {
      const wrong = phaseRefusal(sale)
      if (wrong) return { ok: false, refusal: wrong }
    }
    return { ok: true, sale }
  }
  if (q.among.length === 1) return { ok: true, sale: q.among[0] }
  if (q.among.length === 0) return { ok: false, refusal: q.none === null ? null : userError(q.none) }
  if (q.words) {
    const { text, bookOf } = q.words
    const ws = wordsOf(text)
    const named = q.among.filter(
      (s) => ws.some((w) => w.length >= 2 && looseKey(s.title).includes(w)) || namedItems(bookOf(s), text).length > 0,
    )
    if (named.length === 1) return { ok: true, sale: named[0] }
  }
  return { ok: false, refusal: whichSale(q.among.map(saleLabel), q.example(q.among[0].no), q.phase === 'open') }
}

/** findSale for commands that cannot go on without a sale: the refusal is thrown. */
export function requireSale(db: Db, group: GroupRow, q: Omit<SaleQuery, 'none'> & { none: BareKey }): SaleRow {
  const found = findSale(db, group, q)
  if (found.ok) return found.sale
  throw found.refusal!
}

/** The one question asked back when several sales fit, whatever found them. */
export function whichSale(choices: string[], example: string, open: boolean): UserError {
  return userError('sale.which', { choices: choices.join('、'), example, open })
}

export const saleLabel = (s: Pick<SaleRow, 'no' | 'title'>) => `团${s.no} ${s.title}`

/**
 * The after-sale commands (payment, arrival, shipping, pickup confirmation, after-sales,
 * refunds) exist only for a sale closed with 成团: an open sale has not closed yet; a failed or
 * aborted one owes nothing.
 */
export function requireSucceeded(sale: SaleRow): SaleRow {
  const wrong = phaseRefusal(sale)
  if (wrong) throw wrong
  return sale
}

function phaseRefusal(sale: SaleRow): UserError | null {
  if (sale.state === 'open') return userError('scope.notClosedYet', { no: sale.no })
  if (sale.state !== 'succeeded') return userError('scope.notSucceeded', { no: sale.no })
  return null
}

const wordsOf = (rest: string) =>
  rest
    .split(/[\s,，、.。!！?？]+/)
    .map(looseKey)
    .filter((w) => w.length > 0)

export type NewSale = typeof sales.$inferInsert

export function insertSale(db: Db, values: NewSale): SaleRow {
  return db.insert(sales).values(values).returning().get()
}

/** Closed: succeeded, failed or aborted; nothing more is due for it. */
export function setSaleState(db: Db, saleId: number, state: SaleRow['state'], now: number): void {
  db.update(sales).set({ state, closedAt: now, nextAlertAt: null }).where(eq(sales.id, saleId)).run()
}

/** A new deadline with the countdowns still to send. */
export function setDeadline(
  db: Db,
  saleId: number,
  deadline: number,
  countdownsDone: string,
  nextAlertAt: number | null,
): SaleRow {
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
