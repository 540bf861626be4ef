// The live bot: QR login in the terminal, then it serves every group the account is in.
import { WechatyBuilder, ScanStatus } from 'wechaty'
import qrcode from 'qrcode-terminal'
import { loadConfig } from './config.js'
import { makeLogger } from './log.js'
import { makeApp } from './app.js'
import { runLive } from './engine/runtime.js'
import { attach, WechatyTransport } from './adapters/wechaty.js'

const config = loadConfig()
const log = makeLogger(config.LOG_LEVEL)
const clock = { now: () => Date.now() }

// The puppet comes from WECHATY_PUPPET (and WECHATY_PUPPET_SERVICE_TOKEN for service puppets).
// The name puts the login session (memory card) under data/ next to the database.
const bot = WechatyBuilder.build({ name: config.SHANTUAN_NAME, puppet: config.WECHATY_PUPPET as any })
const transport = new WechatyTransport(bot)
const app = makeApp({ dbFile: config.SHANTUAN_DB, transport, log })

// Sales whose deadline passed while the bot was down are closed now, once each.
await app.engine.recover(clock.now())
const loop = runLive(app.runtime, clock, (err) => log.error({ err }, 'scheduler tick failed'))
attach(bot, app.engine, transport, clock, log, () => loop.poke())

bot.on('scan', (qr, status) => {
  if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
    qrcode.generate(qr, { small: true })
    process.stderr.write('用微信扫描上面的二维码登录（需要能登录网页版微信的账号）\n')
  }
})
bot.on('logout', (user) => log.warn({ user: user.name() }, 'logged out'))

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
await bot.start()
// wechat4u installs a global uncaughtException handler that swallows crashes; replace it with ours.
process.removeAllListeners('uncaughtException')
process.on('uncaughtException', fatal)
log.info('started')
