// Pure sale rules: plain state in, new state and events out. No I/O, no clock.
// Stock is checked at two levels: an item (variant) may have its own stock, and
// the sale's 限量 caps the sum over all items. An item without its own stock is
// bounded only by the sale's. Waitlisted units are kept as entries in arrival
// order so that freed units are handed out unit by unit, oldest entry first.

export type SaleState = 'open' | 'succeeded' | 'failed' | 'aborted'

export type Item = { id: number; name: string; priceFen: number; stock: number | null }

export type Order = { memberId: number; itemId: number; confirmed: number }

/** Units waiting for an item, in arrival order (lower seq = earlier). */
export type WaitEntry = { seq: number; memberId: number; itemId: number; qty: number }

export type Book = {
  stock: number | null
  limit: number | null
  items: Item[]
  orders: Order[]
  waitlist: WaitEntry[]
  nextSeq: number
  /**
   * Units held for members who have not yet confirmed an entry made for them (代接龙): kept out
   * of stock so nobody else can take them, but nobody's order, so nobody owes them.
   */
  held?: { itemId: number; qty: number }[]
}

export type Promotion = { memberId: number; itemId: number; qty: number; stillWaiting: number }

export type JoinResult = {
  book: Book
  /** what the member now holds for that item */
  confirmed: number
  waiting: number
  /** the total the member asked for before the limit cap */
  asked: number
  capped: boolean
  unchanged: boolean
  promotions: Promotion[]
}

export const confirmedOf = (b: Book, memberId: number, itemId: number): number =>
  b.orders.find((o) => o.memberId === memberId && o.itemId === itemId)?.confirmed ?? 0

export const waitingOf = (b: Book, memberId: number, itemId: number): number =>
  b.waitlist.filter((w) => w.memberId === memberId && w.itemId === itemId).reduce((s, w) => s + w.qty, 0)

export const soldOf = (b: Book, itemId?: number): number =>
  b.orders.filter((o) => itemId === undefined || o.itemId === itemId).reduce((s, o) => s + o.confirmed, 0)

export const waitlistUnits = (b: Book, itemId?: number): number =>
  b.waitlist.filter((w) => itemId === undefined || w.itemId === itemId).reduce((s, w) => s + w.qty, 0)

/** Units held for unconfirmed 代接龙 entries, for one item or the whole sale. */
export const heldOf = (b: Book, itemId?: number): number =>
  (b.held ?? []).filter((h) => itemId === undefined || h.itemId === itemId).reduce((s, h) => s + h.qty, 0)

/** Units that can still be confirmed for an item right now. */
export function available(b: Book, itemId: number): number {
  const item = b.items.find((i) => i.id === itemId)
  if (!item) return 0
  const byItem = item.stock === null ? Infinity : item.stock - soldOf(b, itemId) - heldOf(b, itemId)
  const bySale = b.stock === null ? Infinity : b.stock - soldOf(b) - heldOf(b)
  return Math.max(0, Math.min(byItem, bySale))
}

export function isSoldOut(b: Book): boolean {
  return b.items.every((i) => available(b, i.id) === 0)
}

/** Units the member holds or waits for across the sale, optionally leaving one item out. */
function heldByMember(b: Book, memberId: number, exceptItem?: number): number {
  let n = 0
  for (const o of b.orders) if (o.memberId === memberId && o.itemId !== exceptItem) n += o.confirmed
  for (const w of b.waitlist) if (w.memberId === memberId && w.itemId !== exceptItem) n += w.qty
  return n
}

function setConfirmed(orders: Order[], memberId: number, itemId: number, confirmed: number): Order[] {
  const rest = orders.filter((o) => !(o.memberId === memberId && o.itemId === itemId))
  return confirmed > 0 ? [...rest, { memberId, itemId, confirmed }] : rest
}

/** Drop `n` waiting units of one member/item, newest entries first. */
function dropWaiting(waitlist: WaitEntry[], memberId: number, itemId: number, n: number): WaitEntry[] {
  const out = waitlist.map((w) => ({ ...w }))
  for (let i = out.length - 1; i >= 0 && n > 0; i--) {
    const w = out[i]
    if (w.memberId !== memberId || w.itemId !== itemId) continue
    const take = Math.min(w.qty, n)
    w.qty -= take
    n -= take
  }
  return out.filter((w) => w.qty > 0)
}

/** Hand freed units to the waitlist in arrival order, unit by unit. */
export function promote(b: Book): { book: Book; promotions: Promotion[] } {
  let book: Book = { ...b, waitlist: [...b.waitlist].sort((x, y) => x.seq - y.seq) }
  const granted = new Map<string, Promotion>()
  for (const entry of book.waitlist) {
    const room = available(book, entry.itemId)
    if (room === 0) continue
    const qty = Math.min(room, entry.qty)
    const have = confirmedOf(book, entry.memberId, entry.itemId)
    book = {
      ...book,
      orders: setConfirmed(book.orders, entry.memberId, entry.itemId, have + qty),
      waitlist: book.waitlist.map((w) => (w.seq === entry.seq ? { ...w, qty: w.qty - qty } : w)),
    }
    const key = `${entry.memberId}:${entry.itemId}`
    const p = granted.get(key) ?? { memberId: entry.memberId, itemId: entry.itemId, qty: 0, stillWaiting: 0 }
    p.qty += qty
    granted.set(key, p)
  }
  book = { ...book, waitlist: book.waitlist.filter((w) => w.qty > 0) }
  const promotions = [...granted.values()].map((p) => ({ ...p, stillWaiting: waitingOf(book, p.memberId, p.itemId) }))
  return { book, promotions }
}

/**
 * Set a member's total for one item (confirmed + waiting). `mode: 'add'` adds on top
 * of what the member already has. The per-member limit counts every item of the sale.
 */
export function join(b: Book, memberId: number, itemId: number, qty: number, mode: 'set' | 'add'): JoinResult {
  const current = confirmedOf(b, memberId, itemId) + waitingOf(b, memberId, itemId)
  const asked = mode === 'add' ? current + qty : qty
  let target = asked
  let capped = false
  if (b.limit !== null) {
    const room = Math.max(0, b.limit - heldByMember(b, memberId, itemId))
    if (target > room) {
      target = room
      capped = true
    }
  }
  const result = setTotal(b, memberId, itemId, target)
  return { ...result, asked, capped, unchanged: target === current }
}

/** Set the member's total for an item to exactly `target` units (0 cancels). */
export function setTotal(b: Book, memberId: number, itemId: number, target: number): JoinResult {
  const confirmed = confirmedOf(b, memberId, itemId)
  const waiting = waitingOf(b, memberId, itemId)
  const current = confirmed + waiting
  let book = b
  let promotions: Promotion[] = []
  if (target < current) {
    let drop = current - target
    const fromWait = Math.min(drop, waiting)
    book = { ...book, waitlist: dropWaiting(book.waitlist, memberId, itemId, fromWait) }
    drop -= fromWait
    if (drop > 0) {
      book = { ...book, orders: setConfirmed(book.orders, memberId, itemId, confirmed - drop) }
      ;({ book, promotions } = promote(book))
    }
  } else if (target > current) {
    const extra = target - current
    // Someone already waiting for this item keeps their place: a newcomer queues behind.
    const queueAhead = book.waitlist.some((w) => w.itemId === itemId)
    const give = queueAhead ? 0 : Math.min(extra, available(book, itemId))
    book = { ...book, orders: setConfirmed(book.orders, memberId, itemId, confirmed + give) }
    if (extra > give) {
      book = {
        ...book,
        waitlist: [...book.waitlist, { seq: book.nextSeq, memberId, itemId, qty: extra - give }],
        nextSeq: book.nextSeq + 1,
      }
    }
  }
  return {
    book,
    confirmed: confirmedOf(book, memberId, itemId),
    waiting: waitingOf(book, memberId, itemId),
    asked: target,
    capped: false,
    unchanged: target === current,
    promotions: promotions.filter((p) => p.memberId !== memberId || p.itemId !== itemId),
  }
}

/** The book with `delta` units more (or fewer) held for an item. */
export function withHeld(b: Book, itemId: number, delta: number): Book {
  const total = heldOf(b, itemId) + delta
  const rest = (b.held ?? []).filter((h) => h.itemId !== itemId)
  return { ...b, held: total > 0 ? [...rest, { itemId, qty: total }] : rest }
}

/**
 * A held entry confirmed by the member it was made for: the `held` units were kept out of stock
 * for her, so she gets them ahead of anyone waiting; the rest of the entry is an ordinary join
 * (limit, then the back of the queue). Units she no longer takes go to the queue.
 */
export function confirmHeld(
  b: Book,
  memberId: number,
  itemId: number,
  held: number,
  qty: number,
  mode: 'set' | 'add',
): JoinResult {
  const freed = withHeld(b, itemId, -held)
  const queue = freed.waitlist.filter((w) => w.itemId === itemId && w.memberId !== memberId)
  const r = join({ ...freed, waitlist: freed.waitlist.filter((w) => !queue.includes(w)) }, memberId, itemId, qty, mode)
  const p = promote({ ...r.book, waitlist: [...r.book.waitlist, ...queue].sort((x, y) => x.seq - y.seq) })
  return {
    ...r,
    book: p.book,
    confirmed: confirmedOf(p.book, memberId, itemId),
    waiting: waitingOf(p.book, memberId, itemId),
    promotions: [...r.promotions, ...p.promotions],
  }
}

/** Cancel everything a member holds or waits for in the sale. */
export function cancelAll(b: Book, memberId: number): { book: Book; freed: number; promotions: Promotion[] } {
  let book = b
  let freed = 0
  let promotions: Promotion[] = []
  for (const item of b.items) {
    const had = confirmedOf(book, memberId, item.id) + waitingOf(book, memberId, item.id)
    if (had === 0) continue
    freed += had
    const r = setTotal(book, memberId, item.id, 0)
    book = r.book
    promotions = mergePromotions(promotions, r.promotions, book)
  }
  return { book, freed, promotions }
}

function mergePromotions(a: Promotion[], b: Promotion[], book: Book): Promotion[] {
  const map = new Map<string, Promotion>()
  for (const p of [...a, ...b]) {
    const key = `${p.memberId}:${p.itemId}`
    const prev = map.get(key)
    map.set(key, { ...p, qty: (prev?.qty ?? 0) + p.qty })
  }
  return [...map.values()].map((p) => ({ ...p, stillWaiting: waitingOf(book, p.memberId, p.itemId) }))
}

export type Minimum = { units: number | null; members: number | null }

export function buyers(b: Book): number {
  return new Set(b.orders.filter((o) => o.confirmed > 0).map((o) => o.memberId)).size
}

export function minimumReached(b: Book, min: Minimum): boolean {
  if (min.units !== null && soldOf(b) < min.units) return false
  if (min.members !== null && buyers(b) < min.members) return false
  return true
}

export type Bill = { memberId: number; lines: { itemId: number; qty: number; amountFen: number }[]; totalFen: number }

/** What each buyer owes at close (confirmed units only; waitlisted units owe nothing). */
export function bills(b: Book): Bill[] {
  const byMember = new Map<number, Bill>()
  for (const o of b.orders) {
    if (o.confirmed <= 0) continue
    const item = b.items.find((i) => i.id === o.itemId)!
    const bill = byMember.get(o.memberId) ?? { memberId: o.memberId, lines: [], totalFen: 0 }
    const amountFen = o.confirmed * item.priceFen
    bill.lines.push({ itemId: o.itemId, qty: o.confirmed, amountFen })
    bill.totalFen += amountFen
    byMember.set(o.memberId, bill)
  }
  return [...byMember.values()]
}
