// The live loop before login: the outbox waits, untouched, and goes out once the account is online.
import { describe, expect, it } from 'vitest'
import { makeApp } from '../../src/app.js'
import { silentLogger } from '../../src/log.js'
import { RecordingTransport } from '../../src/replay.js'
import { enqueue, groupByTopic } from '../../src/engine/repo.js'
import { sendOnlyWhenOnline } from '../../src/engine/online.js'

const T0 = Date.parse('2026-12-01T10:00:00+08:00')

describe('sends wait for login', () => {
  it('leaves the outbox alone while offline, without using up retries, and sends it once online', async () => {
    const transport = new RecordingTransport()
    const app = makeApp({ dbFile: ':memory:', transport, log: silentLogger() })
    await app.engine.declareGroup('烘焙同好群', '阿May', ['阿May', 'Lily'], T0)
    app.db.$client.transaction(() =>
      enqueue(app.db, { groupId: groupByTopic(app.db, '烘焙同好群')!.id, text: '结果：已成团', kind: 'event' }, T0),
    )()
    const attempts = () => app.db.$client.prepare('select sum(attempts) from outbox').pluck().get()

    let online = false
    const runtime = sendOnlyWhenOnline(app.runtime, () => online)
    expect(runtime.nextDue()).toBe(app.engine.nextDue()) // the loop does not wake up for the outbox
    // long past every retry's back-off: still nothing tried
    for (const later of [1000, 60_000, 600_000]) expect(await runtime.sender.flush(T0 + later)).toBe(0)
    expect(transport.lines).toEqual([])
    expect(attempts()).toBe(0)

    online = true
    expect(runtime.nextDue()).toBe(T0)
    expect(await runtime.sender.flush(T0 + 700_000)).toBe(1)
    expect(transport.lines.map((l) => l.text)).toEqual(['结果：已成团'])
    app.close()
  })
})
