// The simulator tells the truth about time: it never moves the clock past a deadline,
// countdown or job without running it, shows digests held by quiet hours as held, and lets
// time pass by the spans a person types. All on a virtual clock started at a fixed moment.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openSim, parseStart, parseWait } from '../src/sim.js'
import { silentLogger } from '../src/log.js'
import { t } from '../src/i18n/zh-CN.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** 04:35 China time: inside quiet hours (23:00–08:00). */
const NIGHT = '2026-12-03T04:35:00+08:00'
const START = Date.parse(NIGHT)
const LAUNCH = '团长: /launch 蓝莓\\n价格: 59\\n截止: 2小时后'
const USAGE = '用法：:wait'
const HELD = '(免打扰，08:00 发送)'

/** Type lines into a fresh simulator; what it printed, and its clock after each line. */
async function session(lines: string[], start = START) {
  const printed: string[] = []
  const sim = openSim({ dbFile: ':memory:', start, log: silentLogger(), print: (s) => printed.push(s) })
  const clocks: number[] = []
  for (const l of lines) {
    await sim.line(l)
    clocks.push(sim.clock.now())
  }
  sim.close()
  return { text: printed.join('\n'), banner: printed[0], clocks }
}

/** The deadline the launch message announced, e.g. 截止 12月3日 06:35. */
const closeLine = (text: string) => /\n\[(\d\d:\d\d:\d\d)\] 🤖 → 模拟群\n(✅|❌)[^\n]*已截单/.exec(text)

describe('the simulator at 04:35 China time: /launch … 截止: 2小时后, then Tom: 我要两盒', () => {
  it('keeps the clock before the 06:35 deadline and shows the digest as held until 08:00', async () => {
    const { text, clocks } = await session([LAUNCH, 'Tom: 我要两盒'])
    expect(text).toContain('截止 12月3日 06:35')
    expect(text).toContain(HELD)
    // the reply to Tom waited for nothing: the clock stays seconds after his message
    expect(clocks[1] - START).toBeLessThan(10_000)
    expect(closeLine(text)).toBeNull()
    expect(text).not.toContain('【团1')
  })

  it('says so again for each join held, not on every line', async () => {
    const { text } = await session([LAUNCH, 'Tom: 我要两盒', ':wait 15s', 'Lily: +1', ':wait 15s'])
    expect(text.split(HELD).length - 1).toBe(2)
  })

  it('closes the sale at its deadline on the next :wait, not as a late close after downtime', async () => {
    const { text, clocks } = await session([LAUNCH, 'Tom: 我要两盒', ':wait 2h'])
    const close = closeLine(text)
    // launched one second after the start (each message takes a second): the deadline is 06:35:01
    expect(close?.[1]).toBe('06:35:01')
    expect(text).toContain('@Tom：2 份 × ¥59')
    expect(text).not.toContain(t('close.recovered'))
    expect(clocks[2]).toBe(clocks[1] + 2 * 3600_000)
  })

  it('never sends a held digest about a sale that has since closed', async () => {
    const { text } = await session([LAUNCH, 'Tom: 我要两盒', ':wait 1d'])
    expect(closeLine(text)).not.toBeNull()
    expect(text).not.toContain('【团1')
  })

  it('sends the held digest at 08:00, as it said, while the sale is still open', async () => {
    const { text, clocks } = await session([
      '团长: /launch 蓝莓\\n价格: 59\\n截止: 今晚8点',
      'Tom: 我要两盒',
      ':wait 4h',
    ])
    expect(text).toContain(HELD)
    expect(clocks[1] - START).toBeLessThan(10_000)
    expect(text).toMatch(/\n\[08:00:00\] 🤖 → 模拟群\n【团1 蓝莓】已接 2 份[^\n]*\n✅ 已登记：Tom 2 份/)
  })

  it('in daytime sends the digest seconds after the join, with nothing shown as held', async () => {
    const { text } = await session([LAUNCH, 'Tom: 我要两盒'], Date.parse('2026-12-03T14:00:00+08:00'))
    expect(text).toMatch(/\n\[14:00:0\d\] 🤖 → 模拟群\n【团1 蓝莓】已接 2 份/)
    expect(text).not.toContain('免打扰')
  })
})

describe(':wait', () => {
  const forms: [string, number][] = [
    ['20s', 20_000],
    ['15s', 15_000],
    ['90s', 90_000],
    ['15m', 15 * 60_000],
    ['2h', 2 * 3600_000],
    ['1d', 24 * 3600_000],
    ['20秒', 20_000],
    ['15分钟', 15 * 60_000],
    ['2小时', 2 * 3600_000],
    ['1天', 24 * 3600_000],
    ['1h30m', 90 * 60_000],
    ['45', 45_000],
  ]
  for (const [form, ms] of forms) {
    it(`:wait ${form} lets ${ms / 1000} s pass`, async () => {
      const { text, clocks } = await session([`:wait ${form}`])
      expect(text).not.toContain(USAGE)
      expect(clocks[0] - START).toBe(ms)
      expect(text).toContain(
        `(现在 ${new Date(START + ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')})`,
      )
    })
  }

  for (const bad of ['', '5x', '0s', '-2h', 'soon']) {
    it(`:wait ${bad || '(nothing)'} answers with the usage and leaves the clock alone`, async () => {
      const { text, clocks } = await session([`:wait ${bad}`])
      expect(text).toContain(USAGE)
      expect(clocks[0]).toBe(START)
    })
  }

  it('the banner names a wait that works', async () => {
    const { banner } = await session([])
    const suggested = /:wait \S+/.exec(banner)?.[0]
    expect(suggested).toBeDefined()
    const { text, clocks } = await session([suggested!])
    expect(text).not.toContain(USAGE)
    expect(clocks[0]).toBeGreaterThan(START)
  })

  it('seconds are for the simulator only: a sale still takes no deadline in seconds', async () => {
    expect(parseWait('20秒')).toBe(20_000)
    const { text } = await session(['团长: /launch 蓝莓\\n价格: 59\\n截止: 30秒后'])
    expect(text).not.toContain('🛒 团1 开团')
  })
})

describe('the start time', () => {
  it('reads a wall time as China time, or an ISO time with its zone', () => {
    expect(parseStart('2026-12-03 04:35')).toBe(START)
    expect(parseStart('2026-12-03T04:35:00')).toBe(START)
    expect(parseStart('2026-12-02T20:35:00Z')).toBe(START)
    expect(parseStart(NIGHT)).toBe(START)
    for (const bad of ['', 'tomorrow', '2026-13-40 25:00', '04:35']) expect(parseStart(bad)).toBeNull()
  })

  it('npm run sim starts at SHANTUAN_SIM_AT and refuses a time it cannot read', () => {
    const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url))
    const input = `${LAUNCH}\nTom: 我要两盒\n:wait 2h\n`
    const ok = spawnSync(process.execPath, [tsx, 'src/cli/sim.ts'], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, SHANTUAN_SIM_AT: '2026-12-03 04:35' },
    })
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toContain('现在 2026-12-03 04:35:00')
    expect(ok.stdout).toContain(HELD)
    expect(closeLine(ok.stdout)?.[1]).toBe('06:35:01')
    const bad = spawnSync(process.execPath, [tsx, 'src/cli/sim.ts', '--at', 'tomorrow'], {
      cwd: ROOT,
      input: '',
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('not a time')
  }, 60_000)
})
