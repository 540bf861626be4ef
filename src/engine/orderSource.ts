// How an order came in (orders.source: join | chain | intent | proxy | lottery) and who
// entered it for a 代接龙. Recorded when a member's units for an item go from none to
// some, so a later change of quantity keeps the route the order arrived by.
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/db.js'
import { confirmedOf, waitingOf, type Book } from '../core/sale.js'

export type OrderSource = 'join' | 'chain' | 'intent' | 'proxy' | 'lottery'

/** Call after saveBook. A waitlist-only entry gets a row with 0 confirmed so that its source is kept. */
export function noteSource(
  db: Db,
  saleId: number,
  before: Book,
  after: Book,
  memberId: number,
  itemId: number,
  source: OrderSource,
  enteredBy: string | null,
  now: number,
): void {
  const had = confirmedOf(before, memberId, itemId) + waitingOf(before, memberId, itemId)
  const has = confirmedOf(after, memberId, itemId) + waitingOf(after, memberId, itemId)
  if (had > 0 || has === 0) return
  stampSource(db, saleId, memberId, itemId, source, enteredBy, now)
}

// plain prepared statements: a 接龙 of hundreds of lines stamps hundreds of rows in one message
const statements = new WeakMap<object, { update: Statement; insert: Statement }>()
function prepared(db: Db) {
  let s = statements.get(db.$client)
  if (!s) {
    s = {
      update: db.$client.prepare(
        'UPDATE orders SET source = ?, entered_by = ? WHERE sale_id = ? AND item_id = ? AND member_id = ?',
      ),
      insert: db.$client.prepare(
        'INSERT INTO orders (sale_id, item_id, member_id, confirmed, source, entered_by, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?)',
      ),
    }
    statements.set(db.$client, s)
  }
  return s
}

export function stampSource(
  db: Db,
  saleId: number,
  memberId: number,
  itemId: number,
  source: OrderSource,
  enteredBy: string | null,
  now: number,
): void {
  const s = prepared(db)
  if (s.update.run(source, enteredBy, saleId, itemId, memberId).changes === 0)
    s.insert.run(saleId, itemId, memberId, source, enteredBy, now, now)
}
