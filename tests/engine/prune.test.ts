// The dedupe table and finished outbox rows keep 30 days; nothing unsent is ever removed.
import { describe, expect, it } from 'vitest'
import { makeApp } from '../../src/app.js'
import { silentLogger } from '../../src/log.js'
import { RecordingTransport } from '../../src/replay.js'
import { KEEP_MS } from '../../src/engine/prune.js'

const DAY = 24 * 3600_000
const NOW = Date.parse('2027-03-01T10:00:00+08:00')

describe('growth is bounded', () => {
  it("the live loop's housekeeping prunes dedupe and finished outbox rows older than 30 days", async () => {
    const app = makeApp({ dbFile: ':memory:', transport: new RecordingTransport(), log: silentLogger() })
    const db = app.db.$client
    const seen = db.prepare('insert into inbound (msg_id, received_at) values (?, ?)')
    const out = db.prepare(
      "insert into outbox (group_id, to_name, text, kind, created_at, not_before, sent_at, failed_at) values (null, 'Lily', ?, 'reply', ?, ?, ?, ?)",
    )
    for (let i = 0; i < 50; i++) seen.run(`old${i}`, NOW - 40 * DAY + i)
    for (let i = 0; i < 5; i++) seen.run(`new${i}`, NOW - 2 * DAY)
    out.run('sent long ago', NOW - 40 * DAY, NOW - 40 * DAY, NOW - 40 * DAY, null)
    out.run('gave up long ago', NOW - 40 * DAY, NOW - 40 * DAY, null, NOW - 40 * DAY)
    out.run('sent yesterday', NOW - DAY, NOW - DAY, NOW - DAY, null)
    out.run('never sent, old', NOW - 40 * DAY, NOW - 40 * DAY, null, null)
    expect(KEEP_MS).toBe(30 * DAY)

    await app.engine.maintain(NOW)

    expect(db.prepare('select count(*) from inbound').pluck().get()).toBe(5)
    expect(db.prepare('select text from outbox order by id').pluck().all()).toEqual([
      'sent yesterday',
      'never sent, old',
    ])
    app.close()
  })
})
