import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatDuration, formatTime, parseDeadline, parseDuration } from '../../src/core/deadline.js'

// Tuesday 1 December 2026, 10:00 in Shanghai.
const NOW = Date.parse('2026-12-01T10:00:00+08:00')
const sh = (local: string) => Date.parse(`${local}+08:00`)
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

const SHANGHAI_CASES: [string, string][] = [
  ['2026-12-04 20:00', '2026-12-04T20:00:00'],
  ['2026/12/04 20:00', '2026-12-04T20:00:00'],
  ['2026.12.4 20:00', '2026-12-04T20:00:00'],
  ['2026年12月4日 20:00', '2026-12-04T20:00:00'],
  ['2026-12-04T20:00', '2026-12-04T20:00:00'],
  ['2027-01-02 08:30', '2027-01-02T08:30:00'],
  ['12-04 20:00', '2026-12-04T20:00:00'],
  ['12/04 20:00', '2026-12-04T20:00:00'],
  ['１２－０４ ２０：００', '2026-12-04T20:00:00'],
  ['12月4日 20:00', '2026-12-04T20:00:00'],
  ['12月4号 20:00', '2026-12-04T20:00:00'],
  ['12月4日晚上8点', '2026-12-04T20:00:00'],
  ['12月4日下午3点半', '2026-12-04T15:30:00'],
  ['12月4日', '2026-12-04T23:59:00'],
  ['今晚8点', '2026-12-01T20:00:00'],
  ['今晚八点', '2026-12-01T20:00:00'],
  ['今晚20:00', '2026-12-01T20:00:00'],
  ['今晚12点', '2026-12-02T00:00:00'],
  ['今天 18:00', '2026-12-01T18:00:00'],
  ['今天18点', '2026-12-01T18:00:00'],
  ['明天 12:00', '2026-12-02T12:00:00'],
  ['明天中午', '2026-12-02T12:00:00'],
  ['明天下午3点半', '2026-12-02T15:30:00'],
  ['明晚8点', '2026-12-02T20:00:00'],
  ['明早9点', '2026-12-02T09:00:00'],
  ['后天 10:00', '2026-12-03T10:00:00'],
  ['后天早上8点', '2026-12-03T08:00:00'],
  ['大后天 10:00', '2026-12-04T10:00:00'],
  ['周五 20:00', '2026-12-04T20:00:00'],
  ['星期五 20:00', '2026-12-04T20:00:00'],
  ['礼拜五晚上8点', '2026-12-04T20:00:00'],
  ['周五', '2026-12-04T23:59:00'],
  ['周二 20:00', '2026-12-01T20:00:00'], // today, still ahead
  ['周二 9:00', '2026-12-08T09:00:00'], // today, already past: next week
  ['周日 20:00', '2026-12-06T20:00:00'],
  ['星期天 20:00', '2026-12-06T20:00:00'],
  ['下周一中午12点', '2026-12-07T12:00:00'],
  ['下周五晚上8点', '2026-12-11T20:00:00'],
  ['下周二 10:00', '2026-12-08T10:00:00'],
  ['本周日', '2026-12-06T23:59:00'],
  ['这周一 10:00', '2026-11-30T10:00:00'], // past; the caller rejects it
  ['20:00', '2026-12-01T20:00:00'],
  ['9:00', '2026-12-02T09:00:00'], // a bare time is its next occurrence
  ['晚上8点', '2026-12-01T20:00:00'],
  ['周五20:00前', '2026-12-04T20:00:00'],
  ['今晚8点截止', '2026-12-01T20:00:00'],
  ['十二月四号下午三点', '2026-12-04T15:00:00'], // via chrono
  ['tomorrow 8pm', '2026-12-02T20:00:00'], // via chrono
]

const RELATIVE_CASES: [string, number][] = [
  ['2小时后', 2 * HOUR],
  ['30分钟后', 30 * MIN],
  ['1.5小时后', 90 * MIN],
  ['半小时后', 30 * MIN],
  ['3天后', 3 * DAY],
  ['2小时以后', 2 * HOUR],
  ['2小时内', 2 * HOUR],
  ['2小时后截止', 2 * HOUR],
]

// Run everything under several process time zones: the result must only depend on `tz`.
describe.each(['UTC', 'America/New_York', 'Asia/Shanghai', 'Asia/Kolkata', 'Pacific/Kiritimati'])(
  'process TZ=%s',
  (processTz) => {
    const saved = process.env.TZ
    beforeAll(() => {
      process.env.TZ = processTz
    })
    afterAll(() => {
      process.env.TZ = saved
    })

    it('really runs in that zone', () => {
      const localHour = new Date(Date.UTC(2026, 0, 1, 12)).getHours()
      const expected = Number(
        new Intl.DateTimeFormat('en-US', { timeZone: processTz, hour: 'numeric', hourCycle: 'h23' }).format(
          Date.UTC(2026, 0, 1, 12),
        ),
      )
      expect(localHour).toBe(expected)
    })

    it.each(SHANGHAI_CASES)('%s', (text, local) => {
      expect(new Date(parseDeadline(text, NOW) ?? NaN).toISOString()).toBe(new Date(sh(local)).toISOString())
    })

    it.each(RELATIVE_CASES)('%s', (text, ms) => {
      expect(parseDeadline(text, NOW)).toBe(NOW + ms)
    })

    it('ISO strings with an offset are absolute', () => {
      expect(parseDeadline('2026-12-04T20:00:00+08:00', NOW)).toBe(sh('2026-12-04T20:00:00'))
      expect(parseDeadline('2026-12-04T12:00:00Z', NOW)).toBe(sh('2026-12-04T20:00:00'))
      expect(parseDeadline('2026-12-04T07:00:00-05:00', NOW, 'Europe/Berlin')).toBe(sh('2026-12-04T20:00:00'))
    })

    it('formats in the group zone', () => {
      expect(formatTime(sh('2026-12-04T20:00:00'), NOW)).toBe('12月4日 20:00')
    })
  },
)

describe('parseDeadline: year-less dates', () => {
  it('rolls over to next year once the date has passed', () => {
    expect(parseDeadline('11-30 20:00', NOW)).toBe(sh('2027-11-30T20:00:00'))
    expect(parseDeadline('12-01 09:00', NOW)).toBe(sh('2027-12-01T09:00:00'))
    expect(parseDeadline('12-01 10:00', NOW)).toBe(NOW) // at now counts
    expect(parseDeadline('1月2日 20:00', NOW)).toBe(sh('2027-01-02T20:00:00'))
  })

  it('refuses 2月29日 when the next one is more than a year away (a typo, not a flash sale)', () => {
    expect(parseDeadline('2月29日 20:00', NOW)).toBeNull()
    expect(parseDeadline('2月29日 20:00', Date.parse('2027-12-01T10:00:00+08:00'))).toBe(sh('2028-02-29T20:00:00'))
  })

  it('reads a bare span as that long from now, and refuses deadlines past a year', () => {
    expect(parseDeadline('2h', NOW)).toBe(NOW + 2 * 3600_000)
    expect(parseDeadline('30分钟', NOW)).toBe(NOW + 30 * 60_000)
    expect(parseDeadline('99999h', NOW)).toBeNull()
    expect(parseDeadline('2200-01-01 20:00', NOW)).toBeNull()
  })
})

describe('parseDeadline: other zones', () => {
  it('reads wall time in the given zone', () => {
    const now = Date.parse('2026-12-01T10:00:00-05:00')
    expect(parseDeadline('12-04 20:00', now, 'America/New_York')).toBe(Date.parse('2026-12-04T20:00:00-05:00'))
    expect(parseDeadline('明天 12:00', now, 'America/New_York')).toBe(Date.parse('2026-12-02T12:00:00-05:00'))
  })

  it('follows daylight saving time', () => {
    const now = Date.parse('2026-03-07T12:00:00-05:00') // Saturday, the day before the switch
    expect(parseDeadline('明天 12:00', now, 'America/New_York')).toBe(Date.parse('2026-03-08T12:00:00-04:00'))
    expect(parseDeadline('2026-07-01 09:00', now, 'Europe/London')).toBe(Date.parse('2026-07-01T09:00:00+01:00'))
  })

  it('uses the zone\'s "today" near midnight', () => {
    const now = Date.parse('2026-12-01T23:30:00+08:00') // still 1 Dec in Shanghai, already 1 Dec 15:30 UTC
    expect(parseDeadline('明天 12:00', now)).toBe(sh('2026-12-02T12:00:00'))
    const early = Date.parse('2026-12-01T00:30:00+08:00') // 30 Nov in UTC
    expect(parseDeadline('今晚8点', early)).toBe(sh('2026-12-01T20:00:00'))
  })
})

describe('parseDeadline: nothing to parse', () => {
  it.each([
    '',
    '   ',
    'abc',
    '随便',
    '明天吧',
    '2月30日 10:00',
    '13-01 10:00',
    '25:00',
    '今天 25点',
    '2026-02-30 10:00',
    'x'.repeat(500),
  ])('%j', (text) => {
    expect(parseDeadline(text, NOW)).toBeNull()
  })

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        parseDeadline(s, NOW)
      }),
      { numRuns: 300 },
    )
  })
})

describe('parseDuration', () => {
  it.each([
    ['2h', 2 * HOUR],
    ['2小时', 2 * HOUR],
    ['2个小时', 2 * HOUR],
    ['两个小时', 2 * HOUR],
    ['2 小时', 2 * HOUR],
    ['30分钟', 30 * MIN],
    ['30分', 30 * MIN],
    ['30m', 30 * MIN],
    ['30min', 30 * MIN],
    ['90min', 90 * MIN],
    ['1天', DAY],
    ['1d', DAY],
    ['3days', 3 * DAY],
    ['半小时', 30 * MIN],
    ['半个小时', 30 * MIN],
    ['半天', 12 * HOUR],
    ['1.5小时', 90 * MIN],
    ['一个半小时', 90 * MIN],
    ['两天半', 60 * HOUR],
    ['2个钟头', 2 * HOUR],
    ['1h30m', 90 * MIN],
    ['1小时30分钟', 90 * MIN],
    ['1小时零5分钟', 65 * MIN],
    ['2天3小时', 51 * HOUR],
    ['1周', 7 * DAY],
    ['２小时', 2 * HOUR],
    ['60天', 60 * DAY],
    ['2H', 2 * HOUR],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    '',
    '2',
    '小时',
    '0分钟',
    '0h',
    '61天',
    '9周',
    '-2h',
    '1e3h',
    '2mo',
    'abc',
    '2小时后',
    '2 hours later',
    '半半小时',
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull()
  })
})

describe('formatTime', () => {
  it.each([
    ['2026-12-04T20:00:00', '12月4日 20:00'],
    ['2026-12-01T09:05:00', '12月1日 09:05'],
    ['2027-01-02T20:00:00', '2027年1月2日 20:00'],
    ['2025-12-31T23:59:00', '2025年12月31日 23:59'],
  ])('%s', (local, expected) => {
    expect(formatTime(sh(local), NOW)).toBe(expected)
  })

  it('uses the year of now in the zone, not in UTC', () => {
    const now = Date.parse('2027-01-01T01:00:00+08:00') // still 2026 in UTC
    expect(formatTime(sh('2027-01-02T20:00:00'), now)).toBe('1月2日 20:00')
  })

  it('formats in other zones', () => {
    expect(formatTime(sh('2026-12-04T20:00:00'), NOW, 'UTC')).toBe('12月4日 12:00')
  })
})

describe('formatDuration', () => {
  it.each([
    [2 * HOUR + 5 * MIN, '2小时5分钟'],
    [2 * HOUR, '2小时'],
    [45 * MIN, '45分钟'],
    [45 * MIN + 59_999, '45分钟'],
    [3 * DAY + 2 * HOUR + 7 * MIN, '3天2小时'],
    [3 * DAY, '3天'],
    [MIN, '1分钟'],
    [59_999, '不到1分钟'],
    [0, '不到1分钟'],
    [-5 * MIN, '不到1分钟'],
  ])('%i ms -> %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected)
  })
})
