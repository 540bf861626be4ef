// Behaving well inside WeChat: folded digests, capped @mentions, quiet hours, paced sends.
import { describe, expect, it } from 'vitest'
import { makeApp } from '../../src/app.js'
import { silentLogger } from '../../src/log.js'
import { RecordingTransport, replay } from '../../src/replay.js'
import type { OutMessage } from '../../src/engine/sender.js'
import { at, digests, group, inRoom, ms, run, say, sayIn, tally, type In, type OutLine } from '../harness.js'

const SALE = '/launch 蓝莓\n价格: 10\n截止: 今晚8点'
const names = (n: number, prefix = '成员') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`)
const after = (iso: string, plusMs: number) => new Date(ms(iso) + plusMs).toISOString()
const gaps = (out: OutLine[]) => out.slice(1).map((o, i) => ms(o.at) - ms(out[i].at))
/** The most messages sent inside any window of `span` ms. */
const busiest = (out: OutLine[], span: number) =>
  Math.max(0, ...out.map((o) => out.filter((p) => ms(p.at) >= ms(o.at) && ms(p.at) < ms(o.at) + span).length))

describe('digests', () => {
  it('fold acknowledgements into one message per group per 15 s, each join told once', async () => {
    const who = ['Lily', 'Tom', 'Ann', 'Bob', '阿May']
    const joins = who.map((w, i) => say(after(at('10:01'), i * 9_000), w, '+1'))
    const { out } = await run([group(at('10:00')), say(at('10:00'), '阿May', SALE), ...joins])
    const ds = digests(out)
    expect(ds.length).toBeLessThan(joins.length)
    for (const g of gaps(ds)) expect(g).toBeGreaterThanOrEqual(15_000)
    const acked = ds
      .flatMap((d) =>
        d.text
          .split('\n')[1]
          .replace('✅ 已登记：', '')
          .split(/、|；| 各| \d/),
      )
      .filter((x) => who.includes(x))
    expect(acked.sort()).toEqual([...who].sort())
    expect(ds.every((d) => d.mentions.length === 0)).toBe(true)
  })

  it('list plain acknowledgements compactly, without @', async () => {
    const crowd = names(125)
    const { out } = await run([
      group(at('10:00'), ['阿May', ...crowd]),
      say(at('10:00'), '阿May', SALE),
      ...crowd.map((n, i) => say(after(at('10:01'), i * 20), n, '+1')),
    ])
    expect(digests(out)).toHaveLength(1)
    const [d] = digests(out)
    expect(d.text).toMatch(
      /^【团1 蓝莓】已接 125 份 · 剩 9小时58分钟\n✅ 已登记：成员001、成员002、[^\n]*成员010 等 125 人 ?各 1 份$/,
    )
    expect(d.text).not.toContain('@')
    expect(d.mentions).toEqual([])
  })

  it('@mention at most 20 members whose request did not go as asked; the rest are named plainly', async () => {
    const crowd = names(30)
    const { out } = await run([
      group(at('10:00'), ['阿May', ...crowd]),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 10\n限购: 1\n截止: 今晚8点'),
      ...crowd.map((n, i) => say(after(at('10:01'), i * 50), n, '+2')),
    ])
    const [d] = digests(out)
    expect(d.mentions).toEqual(crowd.slice(0, 20))
    expect(d.text.match(/@/g)).toHaveLength(20)
    // the ten beyond the cap are named without @, folded into one line so the digest stays short
    const folded = d.text.split('\n').find((l) => l.includes('（10 人）'))!
    for (const n of crowd.slice(20)) expect(folded).toContain(n)
    expect(folded).not.toContain('@')
  })

  it('a burst of 500 joins in one minute makes at most 8 messages in that minute and the next', async () => {
    const crowd = names(500)
    const burst = crowd.map((n, i) => say(after(at('10:01'), i * 110), n, i % 7 === 0 ? '+3' : '+1'))
    const { out } = await run([
      group(at('10:00'), ['阿May', ...crowd]),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 10\n限量: 450\n限购: 2\n截止: 今晚8点'),
      ...burst,
      say(at('10:05'), '阿May', '进度'),
    ])
    const during = out.filter((o) => o.at >= '2026-12-01T10:01:00' && o.at < '2026-12-01T10:03:00')
    expect(during.length).toBeLessThanOrEqual(8)
    // every 7th asks for 3 and is capped at 2: 572 units asked, the first 393 members get stock
    expect(tally(out)).toEqual({ sold: 450, stock: 450, waiting: 122, buyers: 393 })
  }, 60_000)

  it("wait 15 s between digests even when the group's queue is backed up", async () => {
    const crowd = names(40, 'm')
    const lines: In[] = [group(at('10:00'), ['阿May', ...crowd]), say(at('10:00'), '阿May', SALE)]
    crowd.forEach((n, i) => lines.push(say(after(at('10:01'), i * 500), n, i % 3 === 0 ? '进度' : '+1')))
    const { out } = await run(lines)
    for (const g of gaps(digests(out))) expect(g).toBeGreaterThanOrEqual(15_000)
  })

  it('the interval is configurable per group', async () => {
    const { out } = await run([
      group(at('09:00')),
      say(at('09:00'), '阿May', '/set 汇总 60'),
      say(at('10:00'), '阿May', SALE),
      ...['Lily', 'Tom', 'Ann', 'Bob'].map((w, i) => say(after(at('10:01'), i * 20_000), w, '+1')),
    ])
    expect(digests(out).map((d) => d.at)).toEqual(['2026-12-01T10:01:03.000+08:00', '2026-12-01T10:02:03.000+08:00'])
  })

  it('answers and events go out as they happen', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 10\n限量: 1\n截止: 今晚8点'),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:02'), 'Tom', '进度'),
      say(at('10:03'), 'Tom', '/help'),
    ])
    expect(out.map((o) => [o.at.slice(11, 23), o.text.slice(0, 2)])).toEqual([
      ['10:00:00.000', '🛒'],
      ['10:01:00.000', '🔥'],
      ['10:01:03.000', '【团'],
      ['10:02:00.000', '📋'],
      ['10:03:00.000', '闪团'],
    ])
  })
})

describe('quiet hours (23:00–08:00)', () => {
  it('hold digests until 08:00', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 10\n截止: 2026-12-03 20:00'),
      say(at('23:30'), 'Lily', '+1'),
      { at: '2026-12-02T09:00:00+08:00' },
    ])
    expect(digests(out)).toMatchObject([
      { at: '2026-12-02T08:00:00.000+08:00', text: expect.stringContaining('✅ 已登记：Lily 1 份') },
    ])
  })

  it('hold a countdown until they end, when that is still before the deadline', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 10\n截止: 2026-12-02 08:30'),
      { at: '2026-12-02T09:00:00+08:00' },
    ])
    expect(out.filter((o) => o.text.startsWith('⏰')).map((o) => [o.at, o.text.split('！')[0]])).toEqual([
      ['2026-12-02T08:00:00.000+08:00', '⏰ 团1 蓝莓 还有 30分钟 截单'],
      ['2026-12-02T08:20:00.000+08:00', '⏰ 团1 蓝莓 还有 10分钟 截单'],
    ])
  })

  it('never hold a close; a countdown due in them before the close is dropped', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 10\n截止: 今晚23:30'),
      say(at('10:01'), 'Lily', '+1'),
      { at: '2026-12-02T09:00:00+08:00' },
    ])
    expect(out.slice(2).map((o) => [o.at, o.text.split('！')[0]])).toEqual([
      ['2026-12-01T22:30:00.000+08:00', '⏰ 团1 蓝莓 还有 1小时 截单'],
      ['2026-12-01T23:30:00.000+08:00', '✅ 团1 蓝莓 已截单，成团'],
    ])
  })

  it('can be turned off per group', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/set 免打扰 关'),
      say(at('10:01'), '阿May', '/launch 蓝莓\n价格: 10\n截止: 2026-12-03 20:00'),
      say(at('23:30'), 'Lily', '+1'),
    ])
    expect(digests(out).map((d) => d.at)).toEqual(['2026-12-01T23:30:03.000+08:00'])
  })
})

describe('pacing', () => {
  it('≥ 1.5 s between messages to one chat, ≤ 20 a minute in all, with jitter', async () => {
    const crowd = names(40, 'm')
    const lines: In[] = [
      group(at('10:00'), ['阿May', ...crowd]),
      group(at('10:00'), ['Ann', ...crowd], '露营群', 'Ann'),
      say(at('10:00'), '阿May', SALE),
      sayIn('露营群', at('10:00'), 'Ann', '/launch 帐篷\n价格: 10\n截止: 今晚8点'),
    ]
    crowd.forEach((n, i) => {
      const t = after(at('10:01'), i * 500)
      // the owners ask for the board (members' queries are rate-limited; organizers' are not)
      lines.push(
        i % 3 === 0 ? say(t, '阿May', '进度') : say(t, n, '+1'),
        i % 4 === 0 ? sayIn('露营群', t, 'Ann', '进度') : sayIn('露营群', t, n, '+2'),
      )
      if (i % 5 === 0) lines.push({ at: t, from: n, text: '/my' })
    })
    const { out } = await run(lines)
    for (const room of ['烘焙同好群', '露营群']) {
      const g = gaps(inRoom(out, room))
      expect(Math.min(...g)).toBeGreaterThanOrEqual(1500)
      expect(new Set(g.filter((x) => x < 3000)).size).toBeGreaterThan(3) // jitter: not one fixed beat
    }
    expect(busiest(out, 60_000)).toBe(20) // the cap is reached, never passed
  })

  it('a failed send is retried with growing back-off and sent once', async () => {
    const tried: number[] = []
    const recorder = new RecordingTransport()
    const flaky = {
      async send(m: OutMessage, when: number) {
        tried.push(when)
        if (tried.length <= 3) throw new Error('network down')
        await recorder.send(m, when)
      },
    }
    const app = makeApp({ dbFile: ':memory:', transport: flaky, log: silentLogger() })
    await replay(
      app,
      [group(at('10:00')), say(at('10:00'), '阿May', SALE)].map((l) => JSON.stringify(l)),
      () => {},
    )
    expect(recorder.lines.map((l) => l.text.split('\n')[0])).toEqual(['🛒 团1 开团：蓝莓'])
    const waits = gaps(tried.map((t) => ({ at: new Date(t).toISOString() }) as OutLine))
    expect(waits).toHaveLength(3)
    expect(waits[0]).toBeGreaterThan(0)
    expect(waits[1]).toBeGreaterThan(waits[0])
    expect(waits[2]).toBeGreaterThan(waits[1])
  })
})
