// The simulator's session: typed lines in, what the groups would see out, on a virtual clock.
// It only translates lines into engine calls; src/cli/sim.ts wires it to the terminal.
import type { Logger } from 'pino'
import { makeApp } from './app.js'
import { RecordingTransport } from './replay.js'
import { VirtualClock } from './engine/runtime.js'
import { parseDuration } from './core/deadline.js'
import { isoAt } from './core/iso.js'
import { minuteOfDay } from './core/schedule.js'

const hm = (ms: number, tz: string) => {
  const m = minuteOfDay(ms, tz)
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}
/** How far a typed line lets the clock run on for its output: paced sends go out within a minute. */
const REPLY_HORIZON_MS = 60_000
const clockLine = (ms: number) => isoAt(ms).slice(0, 19).replace('T', ' ')

/** `:wait` spans: 20s, 90s, 15m, 2h, 1d, 20秒, 15分钟, 2小时, 1天; a bare number is seconds. */
export function parseWait(arg: string): number | null {
  const s = arg.trim()
  return /^\d{1,7}$/.test(s) ? (Number(s) > 0 ? Number(s) * 1000 : null) : parseDuration(s, { seconds: true })
}

/** A start time: ISO 8601 with its zone, or a wall time such as 2026-12-03 04:35 read as China time. */
export function parseStart(s: string): number | null {
  const wall = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(s.trim())
  const ms = wall
    ? Date.parse(`${wall[1]}T${wall[2]}+08:00`)
    : /(Z|[+-]\d{2}:?\d{2})$/i.test(s.trim())
      ? Date.parse(s.trim())
      : NaN
  return Number.isNaN(ms) ? null : ms
}

export type SimOptions = { dbFile: string; start: number; log: Logger; print: (s: string) => void }

export function openSim(opts: SimOptions) {
  const { print } = opts
  const transport = new RecordingTransport((l) => {
    const where = l.room ? l.room : `私聊 ${l.to}`
    print(`\n[${l.at.slice(11, 19)}] 🤖 → ${where}\n${l.text}\n`)
  })
  const app = makeApp({ dbFile: opts.dbFile, transport, log: opts.log })
  const clock = new VirtualClock(opts.start)
  let room = '模拟群'
  let owner = '团长'
  // every line waits for the start: the restart rule, then the pretend group
  const started = (async () => {
    await app.engine.recover(clock.now())
    await app.engine.declareGroup(room, owner, null, clock.now())
  })()
  // a session closed before its first line never sees the start; its failure is not news
  started.catch(() => {})
  let seq = 0
  // what was last said about each held digest, so that a line is printed only when it changes
  const shownHeld = new Map<string, string>()

  /** Digests quiet hours hold are shown as held, with when they go out, rather than jumped to. */
  const showHeld = async () => {
    const held = await app.engine.heldDigests(clock.now())
    for (const r of shownHeld.keys()) if (!held.some((h) => h.room === r)) shownHeld.delete(r)
    for (const h of held) {
      const line = `⏸ ${h.room} 的进度汇总 (免打扰，${hm(h.until, h.tz)} 发送)`
      // said again when more is held, so that each held join is seen to be held
      const key = `${line} ${h.notices}`
      if (shownHeld.get(h.room) === key) continue
      shownHeld.set(h.room, key)
      print(line)
    }
  }

  print(
    `闪团模拟器：你在「${room}」，群主是「${owner}」，现在 ${clockLine(clock.now())}。输入「名字: 内容」说话，如「${owner}: /launch 蓝莓\\n价格: 59\\n截止: 2小时后」，「Lily: +2」；:wait 15s 让时间流逝；:quit 退出。`,
  )

  /** One typed line; false when the session should end. */
  async function line(input: string): Promise<boolean> {
    await started
    const text = input.trim()
    if (text === '') return true
    if (text === ':quit') return false
    const cmd = /^:(\w+)\s*(.*)$/.exec(text)
    if (cmd) {
      const [, name, arg] = cmd
      if (name === 'wait') {
        const ms = parseWait(arg)
        if (ms === null) print('用法：:wait 20s / 15m / 2h / 1d，或 :wait 20秒 / 15分钟 / 2小时 / 1天')
        else await app.runtime.advanceTo(clock, clock.now() + ms)
      } else if (name === 'room' && arg) {
        room = arg
        await app.engine.declareGroup(room, null, null, clock.now())
      } else if (name === 'owner' && arg) {
        owner = arg
        await app.engine.declareGroup(room, owner, null, clock.now())
      } else print('可用：:wait 15s · :room 群名 · :owner 名字 · :quit')
      await showHeld()
      print(`(现在 ${clockLine(clock.now())})`)
      return true
    }
    const m = /^(私聊\s*)?([^:：]{1,40})[:：]\s*(.*)$/s.exec(text)
    if (!m) {
      print('请用「名字: 内容」的格式')
      return true
    }
    const [, priv, from, body] = m
    await app.runtime.advanceTo(clock, clock.now() + 1000)
    await app.engine.handle({
      id: `sim-${Date.now()}-${seq++}`,
      at: clock.now(),
      room: priv ? null : room,
      from: from.trim(),
      text: body.replace(/\\n/g, '\n'),
    })
    // the reply shows up right away; the clock stops short of the next deadline, countdown or
    // job, and never jumps ahead to a digest quiet hours hold: that one is shown as held
    await app.runtime.drain(clock, REPLY_HORIZON_MS)
    await showHeld()
    return true
  }

  return { line, clock, close: () => app.close() }
}
