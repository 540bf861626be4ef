// The live bot. The database comes first: open it, close the sales whose deadline passed
// while the bot was down, start the scheduler; that is "ready", logged with the time since the
// process started. Only then do Wechaty and the puppet load (about a second on their own) and
// log in with a QR code in the terminal. The outbox waits until the account is logged in.
import { performance } from 'node:perf_hooks'
import { dirname } from 'node:path'
import { privateDir, privateFile } from './files.js'
import { loadConfig } from './config.js'
import { logFormat, makeLogger } from './log.js'
import { makeApp } from './app.js'
import { runLive } from './engine/runtime.js'
import { sendOnlyWhenOnline } from './engine/online.js'
import type { Transport } from './engine/sender.js'
import { networkFailure } from './adapters/network.js'

// Everything the bot writes (database, WAL, login session, exports) is for its own user only:
// files 0600, folders 0700, whatever the shell's umask was. src/files.ts sets the same modes
// explicitly where the bot creates them.
process.umask(0o077)
const config = (() => {
  try {
    return loadConfig()
  } catch (err) {
    // before any logger exists: one line, no stack (the message names each bad variable)
    process.stderr.write(`${(err as Error).message}\n`)
    process.exit(2)
  }
})()
const pretty = logFormat(config.LOG_FORMAT, process.stderr.isTTY === true) === 'pretty'
const log = makeLogger(config.LOG_LEVEL, pretty ? 'pretty' : 'json')
const clock = { now: () => Date.now() }

let wechat: Transport | null = null
const transport: Transport = {
  send: (m, at) => (wechat ? wechat.send(m, at) : Promise.reject(new Error('WeChat is not connected yet'))),
}
const opening = performance.now()
const app = makeApp({ dbFile: config.SHANTUAN_DB, transport, log })
// Sales whose deadline passed while the bot was down are closed now, once each.
await app.engine.recover(clock.now())
let online = false
const loop = runLive(
  sendOnlyWhenOnline(app.runtime, () => online),
  clock,
  (err) => log.error({ err }, 'scheduler tick failed'),
)
// startupMs counts from the node process start (code loading included); dbMs is the database
// part; cpuMs is the processor time spent so far, which a busy machine does not inflate
const ready = performance.now()
const cpu = process.cpuUsage()
log.info(
  {
    startupMs: Math.round(ready),
    dbMs: Math.round(ready - opening),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    db: config.SHANTUAN_DB,
  },
  'ready',
)

// Never call bot.stop() on a signal: with wechat4u it logs the account out and wipes the
// saved session. Exiting keeps the session, so the next start logs in without a QR code.
const exit = (signal: string) => {
  log.info({ signal }, 'stopping')
  loop.stop()
  app.close()
  process.exit(0)
}
process.on('SIGTERM', () => exit('SIGTERM'))
process.on('SIGINT', () => exit('SIGINT'))

const fatal = (err: unknown) => {
  log.fatal({ err }, 'uncaught exception, exiting so the service manager restarts the bot')
  process.exit(1)
}
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'))
process.on('uncaughtException', fatal)

// Only the live path pays for Wechaty: replay, export and sim never import it.
const [{ WechatyBuilder }, { attach, WechatyTransport }, { showLogin }] = await Promise.all([
  import('wechaty'),
  import('./adapters/wechaty.js'),
  import('./adapters/login.js'),
])
// The puppet comes from WECHATY_PUPPET (and WECHATY_PUPPET_SERVICE_TOKEN for service puppets).
// The name is the account's session: Wechaty keeps the login in NAME.memory-card.json.
privateDir(dirname(config.SHANTUAN_NAME))
const session = `${config.SHANTUAN_NAME}.memory-card.json`
privateFile(session)
const bot = WechatyBuilder.build({ name: config.SHANTUAN_NAME, puppet: config.WECHATY_PUPPET as any })
const live = new WechatyTransport(bot)
wechat = live
attach(bot, app.engine, live, clock, log, () => loop.poke())
showLogin(bot, { session: config.SHANTUAN_NAME, pretty, log, stderr: process.stderr, stdout: process.stdout })
bot.on('login', () => {
  online = true
  // a session saved by an older version (or under another umask) is tightened at each login
  setTimeout(() => privateFile(session), 5000)
  loop.poke()
})
bot.on('logout', (user) => {
  online = false
  log.warn({ user: user.name() }, 'logged out')
})
// wechat4u gives up for good when it cannot reach WeChat before login (it never retries): say
// so and exit, so that a person runs it again once the network is fixed and a service manager
// restarts it. The adapter has already logged the cause in one line.
bot.on('error', (err) => {
  if (bot.isLoggedIn || !networkFailure(err)) return
  log.info('还没登录就连不上微信，程序退出；网络查好后重新运行 npm start')
  loop.stop()
  app.close()
  process.exit(1)
})

try {
  await bot.start()
} catch (err) {
  const net = networkFailure(err)
  log.debug({ err }, 'wechaty start failed')
  if (net) log.fatal(net.line)
  else log.fatal({ err }, 'could not start Wechaty (is the puppet in WECHATY_PUPPET installed?)')
  app.close()
  process.exit(1)
}
// wechat4u installs a global uncaughtException handler that swallows crashes; replace it with ours.
process.removeAllListeners('uncaughtException')
process.on('uncaughtException', fatal)
log.info({ puppet: config.WECHATY_PUPPET, session: config.SHANTUAN_NAME }, 'connecting to WeChat')
