// A hostile group: members flooding queries get few answers, and announcements never wait
// behind answers. All on virtual time.
import { describe, expect, it } from 'vitest'
import { at, group, inRoom, ms, run, say, type In } from '../harness.js'

const crowd = Array.from({ length: 300 }, (_, i) => `成员${i}`)
const launch = (t = at('10:00')) => say(t, '阿May', '/launch 蓝莓\n价格: 59\n截止: 今晚8点')
/** `n` messages spread evenly over `spanMs` from `start`. */
const spread = (start: string, n: number, spanMs: number, make: (i: number, at: string) => In): In[] =>
  Array.from({ length: n }, (_, i) => make(i, new Date(ms(start) + Math.floor((i * spanMs) / n)).toISOString()))
const boards = <T extends { text: string }>(out: T[]) => out.filter((o) => o.text.startsWith('📋'))
const closeOf = (out: { text: string; at: string }[]) => out.find((o) => o.text.includes('已截单'))!

describe('flood limits', () => {
  it("300 members typing 进度 within 10 s get one board; the owner's 截单 2 s later is announced within 60 s", async () => {
    const { out } = await run([
      group(at('10:00'), ['阿May', ...crowd]),
      launch(),
      say(at('10:01'), 'Lily', '+1'),
      ...spread(at('10:02'), 300, 10_000, (i, t) => say(t, crowd[i], '进度')),
      say(at('10:02:12'), '阿May', '截单'),
    ])
    expect(boards(inRoom(out))).toHaveLength(1)
    expect(ms(closeOf(out).at) - ms(at('10:02:12'))).toBeLessThanOrEqual(60_000)
  })

  it('one member: one answer per command per minute, whatever the alias or arguments', async () => {
    const { out } = await run([
      group(at('10:00'), ['阿May', 'Lily', 'Tom']),
      launch(),
      say(at('10:01:00'), 'Lily', '进度'),
      say(at('10:01:10'), 'Lily', '/status'),
      say(at('10:01:40'), 'Lily', '进度 1'),
      say(at('10:01:45'), 'Lily', '/help'),
      say(at('10:01:50'), 'Lily', '帮助'),
      say(at('10:02:01'), 'Lily', '进度'),
    ])
    expect(boards(out).map((o) => o.at.slice(11, 19))).toEqual(['10:01:00', '10:02:01'])
    expect(out.filter((o) => o.text.startsWith('闪团机器人命令'))).toHaveLength(1)
  })

  it("the board once per 30 s per group: another member's 进度 inside that time gets nothing", async () => {
    const { out } = await run([
      group(at('10:00'), ['阿May', 'Lily', 'Tom']),
      launch(),
      say(at('10:01:00'), 'Lily', '进度'),
      say(at('10:01:20'), 'Tom', '进度'),
      say(at('10:01:31'), 'Tom', '进度'),
    ])
    expect(boards(out).map((o) => o.at.slice(11, 19))).toEqual(['10:01:00', '10:01:31'])
  })

  it('privately, at most 10 answers per contact per minute', async () => {
    const { out } = await run([
      group(at('10:00'), ['阿May', 'Lily']),
      launch(),
      say(at('10:01'), 'Lily', '+1'),
      ...spread(at('10:02'), 15, 30_000, (_i, t) => ({ at: t, from: 'Lily', text: '/my' })),
      { at: at('10:03:30'), from: 'Lily', text: '/my' },
    ])
    const mine = out.filter((o) => o.to === 'Lily')
    expect(mine).toHaveLength(11)
  })

  it('a refusal repeated by a member is answered once a minute', async () => {
    const { out } = await run([
      group(at('10:00'), ['阿May', 'Lily']),
      launch(),
      ...spread(at('10:01'), 20, 10_000, (_i, t) => say(t, 'Lily', '已付款')),
      say(at('10:02:30'), 'Lily', '已付款'),
    ])
    expect(
      inRoom(out)
        .filter((o) => o.text.includes('没有待付款的订单'))
        .map((o) => o.at.slice(11, 16)),
    ).toEqual(['10:01', '10:02'])
  })

  it('organizers are not limited', async () => {
    const { out } = await run([
      group(at('10:00'), ['阿May', 'Lily']),
      launch(),
      say(at('10:01:00'), '阿May', '进度'),
      say(at('10:01:05'), '阿May', '进度'),
      say(at('10:01:10'), '阿May', '进度'),
    ])
    expect(boards(out)).toHaveLength(3)
  })
})

describe('events come first', () => {
  it('a close is sent ahead of 100 queued answers in its group', async () => {
    // the owner is not limited: 100 boards queue up (about 3 minutes of sending at the group's pace)
    const { out } = await run([
      group(at('10:00'), ['阿May', 'Lily']),
      launch(),
      say(at('10:01'), 'Lily', '+1'),
      ...spread(at('10:02'), 100, 10_000, (_i, t) => say(t, '阿May', '进度')),
      say(at('10:02:12'), '阿May', '截单'),
    ])
    const close = closeOf(out)
    expect(ms(close.at) - ms(at('10:02:12'))).toBeLessThanOrEqual(60_000)
    // boards still queued at the close are dropped: they would show the sale open after its summary
    expect(boards(out).filter((b) => ms(b.at) > ms(close.at))).toEqual([])
  })
})
