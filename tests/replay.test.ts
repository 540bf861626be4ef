// The replay's end: after the last line the clock runs on only to send pending output, and
// stops at the next deadline, countdown or job. Output that could only go out after one (a
// digest quiet hours hold past a deadline) stays unsent, and the replay ends there.
import { describe, expect, it } from 'vitest'
import { t } from '../src/i18n/zh-CN.js'
import { digests, group, ms, run, say, texts, type OutLine } from './harness.js'

const night = (hm: string, day = '03') => `2026-12-${day}T${hm}+08:00`
const opened = (out: OutLine[]) => texts(out).filter((x) => x.startsWith('🛒'))
const closed = (out: OutLine[]) => out.filter((o) => /已截单/.test(o.text))

describe('the replay after its last line', () => {
  it('stops at the deadline: a digest held by quiet hours until after it stays unsent', async () => {
    const { out } = await run([
      group(night('04:35')),
      say(night('04:35'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 2小时后'),
      say(night('04:36'), 'Tom', '我要两盒'),
    ])
    expect(opened(out)).toHaveLength(1)
    expect(digests(out)).toEqual([])
    expect(closed(out)).toEqual([])
    // nothing at or after the deadline (06:35) went out
    expect(out.every((o) => ms(o.at) < ms(night('06:35')))).toBe(true)
  })

  it('closes the sale at its deadline when a later line moves the clock there, not as a late close', async () => {
    const { out } = await run([
      group(night('04:35')),
      say(night('04:35'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 2小时后'),
      say(night('04:36'), 'Tom', '我要两盒'),
      { at: night('07:00') },
    ])
    expect(closed(out)).toMatchObject([
      { at: '2026-12-03T06:35:00.000+08:00', text: expect.stringContaining('@Tom：2 份') },
    ])
    expect(closed(out)[0].text).not.toContain(t('close.recovered'))
    // the held join was told in the summary: no digest about a closed sale later
    expect(digests(out)).toEqual([])
  })

  it('stops at a countdown: the held digest is not sent past it', async () => {
    // deadline 08:30; the 1-hour countdown (07:30) falls in quiet hours, its moment still comes first
    const { out } = await run([
      group(night('23:00', '02')),
      say(night('23:30', '02'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 2026-12-03 08:30'),
      say(night('23:31', '02'), 'Tom', '+1'),
    ])
    expect(opened(out)).toHaveLength(1)
    expect(out).toHaveLength(1)
  })

  it("stops at a job: a vote held by quiet hours is not told past the poll's close", async () => {
    const { out } = await run([
      group(night('04:35')),
      say(night('04:35'), '阿May', '/poll 下一团？\n1. 黄油\n2. 抹茶\n截止: 5点'),
      say(night('04:36'), 'Tom', '投1'),
    ])
    expect(out).toHaveLength(1)
    expect(out[0].text).toContain('下一团')
    expect(out[0].at).toBe('2026-12-03T04:35:00.000+08:00')
  })

  it('sends everything pending when nothing is held: the digest seconds after the last join', async () => {
    const { out } = await run([
      group(night('14:00')),
      say(night('14:00'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 2小时后'),
      say(night('14:01'), 'Tom', '我要两盒'),
    ])
    expect(digests(out)).toMatchObject([
      { at: '2026-12-03T14:01:03.000+08:00', text: expect.stringContaining('Tom 2 份') },
    ])
  })

  it('runs on to a digest held by quiet hours when no deadline, countdown or job comes first', async () => {
    const { out } = await run([
      group(night('04:35')),
      say(night('04:35'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 今晚8点'),
      say(night('04:36'), 'Tom', '我要两盒'),
    ])
    expect(digests(out)).toMatchObject([
      { at: '2026-12-03T08:00:00.000+08:00', text: expect.stringContaining('Tom 2 份') },
    ])
  })
})
