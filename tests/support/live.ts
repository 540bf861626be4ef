// A real Wechaty on wechaty-puppet-mock wired to the bot as `npm start` wires it: the adapter,
// the engine and the live loop, on a clock pinned to a China afternoon (clock.ts). The test
// makes its contacts and rooms on `mocker` before `start`; sends are captured at the puppet.
import { vi } from 'vitest'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { makeApp, type App } from '../../src/app.js'
import { attach, WechatyTransport } from '../../src/adapters/wechaty.js'
import { runLive } from '../../src/engine/runtime.js'
import { silentLogger } from '../../src/log.js'
import { runningClock } from './clock.js'

const FAST = { perChatMs: 0, jitterMs: 0, perMinute: 1000, maxAttempts: 3 }

export type Sent = { to: string; text: string; mentions: string[] }
export type Live = { sent: Sent[]; files: { to: string; name: string }[]; app: App; stop(): Promise<void> }

export function mockBot(): { mocker: mock.Mocker; puppet: PuppetMock; bot: Wechaty } {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  return { mocker, puppet, bot: WechatyBuilder.build({ puppet }) }
}

/** Start the bot and log `self` in; `stop` ends it without touching the database file. */
export async function startLive(
  m: ReturnType<typeof mockBot>,
  self: mock.ContactMock,
  opts: { dbFile?: string; gatherMs?: number } = {},
): Promise<Live> {
  const { mocker, puppet, bot } = m
  const sent: Sent[] = []
  vi.spyOn(puppet, 'messageSendText').mockImplementation(async (to: string, text: string, mentions?: string[]) => {
    sent.push({ to, text, mentions: mentions ?? [] })
    return undefined
  })
  const files: { to: string; name: string }[] = []
  vi.spyOn(puppet, 'messageSendFile').mockImplementation(async (to: string, file: { name: string }) => {
    files.push({ to, name: file.name })
    return undefined
  })
  const transport = new WechatyTransport(bot)
  const log = silentLogger()
  const app = makeApp({ dbFile: opts.dbFile ?? ':memory:', transport, log, pace: FAST, gatherMs: opts.gatherMs ?? 300 })
  const clock = runningClock()
  const loop = runLive(app.runtime, clock, () => {})
  attach(bot, app.engine, transport, clock, log, () => loop.poke())
  await bot.start()
  mocker.login(self)
  return {
    sent,
    files,
    app,
    async stop() {
      loop.stop()
      vi.restoreAllMocks()
      await bot.stop()
      app.close()
    },
  }
}
