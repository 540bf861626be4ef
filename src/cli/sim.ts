// npm run sim: an offline group chat in the terminal, through the same engine as live.
//   Lily: +2                 Lily speaks in the current group (write \n for a new line)
//   私聊 Lily: /my            Lily writes to the bot privately
//   :wait 2h                 let virtual time pass (deadlines, countdowns, digests run)
//   :room 徒步群 / :owner 老杨  switch group / set its owner;  :quit
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { makeApp } from '../app.js'
import { makeLogger } from '../log.js'
import { RecordingTransport } from '../replay.js'
import { VirtualClock } from '../engine/runtime.js'
import { parseDuration } from '../core/deadline.js'
import { isoAt } from '../core/iso.js'

const { values } = parseArgs({ options: { db: { type: 'string', default: ':memory:' } } })
const print = (s: string) => process.stdout.write(s + '\n')
const transport = new RecordingTransport((l) => {
  const where = l.room ? l.room : `私聊 ${l.to}`
  print(`\n[${l.at.slice(11, 19)}] 🤖 → ${where}\n${l.text}\n`)
})
const app = makeApp({ dbFile: values.db!, transport, log: makeLogger(process.env.LOG_LEVEL ?? 'warn') })
const clock = new VirtualClock(Date.now())
await app.engine.recover(clock.now())
let room = '模拟群'
let owner = '团长'
await app.engine.declareGroup(room, owner, null, clock.now())
let seq = 0

print(`闪团模拟器：你在「${room}」，群主是「${owner}」。输入「名字: 内容」说话，如「${owner}: /launch 蓝莓\\n价格: 59\\n截止: 2小时后」，「Lily: +2」；:wait 15s 让时间流逝；:quit 退出。`)

async function line(input: string): Promise<boolean> {
  const text = input.trim()
  if (text === '') return true
  if (text === ':quit') return false
  const cmd = /^:(\w+)\s*(.*)$/.exec(text)
  if (cmd) {
    const [, name, arg] = cmd
    if (name === 'wait') {
      const ms = parseDuration(arg) ?? (/^\d+$/.test(arg) ? Number(arg) * 1000 : null)
      if (ms === null) print('用法：:wait 15s / :wait 2h')
      else await app.runtime.advanceTo(clock, clock.now() + ms)
    } else if (name === 'room' && arg) {
      room = arg
      await app.engine.declareGroup(room, null, null, clock.now())
    } else if (name === 'owner' && arg) {
      owner = arg
      await app.engine.declareGroup(room, owner, null, clock.now())
    } else print('可用：:wait 15s · :room 群名 · :owner 名字 · :quit')
    print(`(现在 ${isoAt(clock.now()).slice(0, 19).replace('T', ' ')})`)
    return true
  }
  const m = /^(私聊\s*)?([^:：]{1,40})[:：]\s*(.*)$/s.exec(text)
  if (!m) {
    print('请用「名字: 内容」的格式')
    return true
  }
  const [, priv, from, body] = m
  await app.runtime.advanceTo(clock, clock.now() + 1000)
  await app.engine.handle({ id: `sim-${Date.now()}-${seq++}`, at: clock.now(), room: priv ? null : room, from: from.trim(), text: body.replace(/\\n/g, '\n') })
  // let the digest and paced sends go out now, so the reply shows up right away
  await app.runtime.drain(clock)
  return true
}

const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY })
let chain = Promise.resolve(true)
rl.on('line', (l) => {
  chain = chain.then(async (go) => (go ? line(l) : false)).then((go) => {
    if (!go) rl.close()
    return go
  })
})
rl.on('close', () => {
  void chain.then(() => {
    app.close()
    process.exit(0)
  })
})
