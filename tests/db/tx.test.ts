// The transaction seam: units of work on one connection run one at a time, in the order they
// were asked for, and a unit that throws leaves nothing behind.
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/db/db.js'
import { withTx } from '../../src/db/tx.js'

const count = (db: ReturnType<typeof openDb>) =>
  db.$client.prepare('select count(*) from inbound').pluck().get() as number
const insert = (db: ReturnType<typeof openDb>, id: string) =>
  db.$client.prepare('insert into inbound (msg_id, received_at) values (?, 0)').run(id)

describe('withTx', () => {
  it('runs overlapping units one after another, each seeing the one before it committed', async () => {
    const db = openDb(':memory:')
    const seen: string[] = []
    const unit = (id: string) =>
      withTx(db, async () => {
        seen.push(`begin ${id} (${count(db)} before)`)
        await new Promise((r) => setTimeout(r, 5))
        insert(db, id)
        seen.push(`end ${id}`)
      })
    await Promise.all([unit('a'), unit('b'), unit('c')])
    expect(seen).toEqual(['begin a (0 before)', 'end a', 'begin b (1 before)', 'end b', 'begin c (2 before)', 'end c'])
    db.$client.close()
  })

  it('rolls a unit back when it throws, and the next unit still runs', async () => {
    const db = openDb(':memory:')
    const failed = withTx(db, async () => {
      insert(db, 'lost')
      await Promise.resolve()
      throw new Error('boom')
    })
    const next = withTx(db, () => insert(db, 'kept'))
    await expect(failed).rejects.toThrow('boom')
    await next
    expect(db.$client.prepare('select msg_id from inbound').pluck().all()).toEqual(['kept'])
    expect(db.$client.inTransaction).toBe(false)
    db.$client.close()
  })
})
