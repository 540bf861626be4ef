// Section 5: the same mix through a real Wechaty on wechaty-puppet-mock (the live
// adapter, the paced sender loop, sends stubbed at the puppet) against engine.handle
// alone. Run in alternating halves so that both see the same machine.
import { join } from 'node:path'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { runLive } from '../src/engine/runtime.js'
import type { Inbound } from '../src/engine/types.js'
import { NullTransport, msSince, now, progress, tmpDir } from './lib.js'
import { makeMix, makeWorld, openSaleNos, setUp } from './world.js'

export type Live = {
  messages: number
  liveMsgsPerSec: number
  engineMsgsPerSec: number
  ratio: number
  loginSyncMs: number
}

const HALVES = 2

const until = async (what: string, cond: () => boolean, ms = 60_000): Promise<void> => {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`live bench: timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

export async function live(count = 2_000): Promise<Live> {
  process.env.WECHATY_LOG = 'silent'
  const { WechatyBuilder, log: wechatyLog } = await import('wechaty')
  const { PuppetMock, mock } = await import('wechaty-puppet-mock')
  const { attach, WechatyTransport } = await import('../src/adapters/wechaty.js')
  wechatyLog.level('silent')
  const world = makeWorld()
  const dir = tmpDir('live')

  // engine alone
  const alone = makeApp({ dbFile: join(dir, 'alone.sqlite'), transport: new NullTransport(), log: silentLogger() })
  await setUp(alone.engine, world, Date.now())
  const mixAlone = makeMix(world, openSaleNos(alone.db.$client, world), {
    count,
    seed: 5,
    start: Date.now(),
    stepMs: 0,
    idPrefix: 'l',
  }).messages

  // the live stack
  progress('live: building 50 mock rooms and logging in')
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const bot = WechatyBuilder.build({ puppet })
  const self = mocker.createContact({ id: 'self@mock', name: '闪团助手' })
  const contacts = new Map<string, ReturnType<typeof mocker.createContact>>()
  const rooms = new Map<string, ReturnType<typeof mocker.createRoom>>()
  world.groups.forEach((g, gi) => {
    const people = [g.owner, ...g.members].map((name, i) => {
      const c = mocker.createContact({ id: `g${gi}-${i}@mock`, name })
      contacts.set(`${g.topic}|${name}`, c)
      return c.id
    })
    rooms.set(
      g.topic,
      mocker.createRoom({
        id: `room${gi}@chatroom`,
        topic: g.topic,
        ownerId: people[0],
        memberIdList: [self.id, ...people],
      }),
    )
  })
  ;(puppet as any).messageSendText = async () => undefined
  // contact.say(...).to(room) emits the message id synchronously: keep it for re-delivery
  let lastId = ''
  const emit = puppet.emit.bind(puppet) as (...a: any[]) => boolean
  ;(puppet as any).emit = (event: string, payload: any) => {
    if (event === 'message') lastId = payload.messageId
    return emit(event, payload)
  }
  const transport = new WechatyTransport(bot)
  const app = makeApp({ dbFile: join(dir, 'live.sqlite'), transport, log: silentLogger() })
  const clock = { now: () => Date.now() }
  const loop = runLive(app.runtime, clock, () => {})
  let handled = 0
  attach(bot, app.engine, transport, clock, silentLogger(), () => {
    handled++
    loop.poke()
  })
  const t0 = now()
  await bot.start()
  mocker.login(self)
  const sqlite = app.db.$client
  const declared = sqlite.prepare('select count(*) from groups where owner_name is not null').pluck()
  await until('groups declared', () => declared.get() === world.groups.length)
  const loginSyncMs = msSince(t0)
  const say = (m: Inbound) => {
    contacts.get(`${m.room}|${m.from}`)!.say(m.text).to(rooms.get(m.room!)!)
    return lastId
  }
  const launches = world.groups.flatMap((g) =>
    g.sales.map((s) => ({ id: '', at: 0, room: g.topic, from: g.owner, text: s.launch })),
  )
  const before = handled
  for (const l of launches) say(l)
  await until('launches', () => handled === before + launches.length)
  const mixLive = makeMix(world, openSaleNos(sqlite, world), {
    count,
    seed: 5,
    start: Date.now(),
    stepMs: 0,
    idPrefix: 'l',
  }).messages
  if (JSON.stringify(mixLive.map((m) => m.text)) !== JSON.stringify(mixAlone.map((m) => m.text)))
    throw new Error('live bench: the two mixes differ')

  progress(`live: ${count} messages through Wechaty and through engine.handle, alternating halves`)
  let aloneMs = 0
  let liveMs = 0
  const liveIds = new Map<string, string>()
  const half = Math.ceil(count / HALVES)
  for (let h = 0; h < HALVES; h++) {
    const from = h * half
    const to = Math.min(count, from + half)
    const a0 = now()
    for (let i = from; i < to; i++) await alone.engine.handle({ ...mixAlone[i], at: Date.now() })
    aloneMs += msSince(a0)

    const l0 = now()
    const target = handled + (to - from)
    for (let i = from; i < to; i++) {
      const m = mixLive[i]
      const again = liveIds.get(m.id)
      // a duplicate is the same message id delivered again, as a puppet does after a reconnect
      if (again) emit('message', { messageId: again })
      else liveIds.set(m.id, say(m))
    }
    await until('messages handled', () => handled >= target, 300_000)
    liveMs += msSince(l0)
  }
  loop.stop()
  await bot.stop()
  app.close()
  alone.close()
  const liveMsgsPerSec = count / (liveMs / 1000)
  const engineMsgsPerSec = count / (aloneMs / 1000)
  return { messages: count, liveMsgsPerSec, engineMsgsPerSec, ratio: liveMsgsPerSec / engineMsgsPerSec, loginSyncMs }
}
