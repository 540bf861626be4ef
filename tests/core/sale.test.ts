// The sale rules around 代接龙 holds: held units are out of stock for everyone else, and the
// member they were held for gets them ahead of the queue when she confirms.
import { describe, expect, it } from 'vitest'
import { available, confirmHeld, confirmedOf, join, waitingOf, withHeld, type Book } from '../../src/core/sale.js'

const ANN = 1
const TOM = 2
const book = (stock: number | null, limit: number | null = null): Book => ({
  stock,
  limit,
  items: [{ id: 10, name: '', priceFen: 5900, stock: null }],
  orders: [],
  waitlist: [],
  nextSeq: 1,
})

describe('held units', () => {
  it('are kept out of stock', () => {
    const b = withHeld(book(3), 10, 2)
    expect(available(b, 10)).toBe(1)
    const r = join(b, TOM, 10, 2, 'set')
    expect([r.confirmed, r.waiting]).toEqual([1, 1])
    expect(available(withHeld(b, 10, -2), 10)).toBe(3)
  })

  it('go to the member who confirms, ahead of anyone waiting; the rest of her entry queues behind', () => {
    const held = withHeld(book(3), 10, 2)
    const tomIn = join(held, TOM, 10, 2, 'set').book
    const r = confirmHeld(tomIn, ANN, 10, 2, 3, 'add')
    expect([r.confirmed, r.waiting]).toEqual([2, 1])
    expect([confirmedOf(r.book, TOM, 10), waitingOf(r.book, TOM, 10)]).toEqual([1, 1])
    expect(r.book.waitlist.map((w) => w.memberId)).toEqual([TOM, ANN])
  })

  it('units she no longer takes (her limit) go to the queue', () => {
    const held = withHeld(book(3, 1), 10, 2)
    const tomIn = join(held, TOM, 10, 1, 'set').book
    const tomMore = { ...tomIn, limit: 3 }
    const waiting = join(tomMore, TOM, 10, 2, 'set').book
    const r = confirmHeld({ ...waiting, limit: 1 }, ANN, 10, 2, 2, 'add')
    expect([r.confirmed, r.capped]).toEqual([1, true])
    expect(confirmedOf(r.book, TOM, 10)).toBe(2)
    expect(r.promotions).toEqual([{ memberId: TOM, itemId: 10, qty: 1, stillWaiting: 0 }])
  })
})
