// The bot's own sends come back as self messages. When one of them happens to read like a
// command, it must not be obeyed; the same words typed on the account's phone must be.
import { describe, expect, it } from 'vitest'
import { makeApp } from '../../src/app.js'
import { silentLogger } from '../../src/log.js'
import { RecordingTransport } from '../../src/replay.js'
import { enqueue, groupByTopic } from '../../src/engine/repo.js'

const T0 = Date.parse('2026-12-01T10:00:00+08:00')

describe('self messages', () => {
  it('ignores a text the bot itself sent in the last 10 minutes, and obeys it otherwise', async () => {
    const app = makeApp({ dbFile: ':memory:', transport: new RecordingTransport(), log: silentLogger() })
    await app.engine.declareGroup('烘焙同好群', '阿May', ['阿May', 'Lily'], T0)
    const replies = () =>
      app.db.$client.prepare("select count(*) from outbox where kind = 'reply'").pluck().get() as number
    // as if the bot had just posted a text that reads like the status command
    app.db.$client.transaction(() =>
      enqueue(app.db, { groupId: groupByTopic(app.db, '烘焙同好群')!.id, text: '进度', kind: 'event' }, T0),
    )()

    await app.engine.handle({ id: 'echo', at: T0 + 2000, room: '烘焙同好群', from: '小助手', text: '进度', self: true })
    expect(replies()).toBe(0)

    // eleven minutes later the same words are the account owner typing: answered
    await app.engine.handle({
      id: 'owner',
      at: T0 + 11 * 60_000,
      room: '烘焙同好群',
      from: '小助手',
      text: '进度',
      self: true,
    })
    expect(replies()).toBe(1)
    app.close()
  })
})
