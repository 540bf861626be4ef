// What a person sees while the account logs in: the QR code first, what to do with it, and
// which session it is (the login is kept in that file, so the next start needs no scan).
import { resolve } from 'node:path'
import qrcode from 'qrcode-terminal'
import { ScanStatus, type Wechaty } from 'wechaty'
import type { Logger } from 'pino'

type Out = { write(text: string): unknown }

/** Where Wechaty keeps the login of the session NAME: NAME.memory-card.json, from the working folder. */
export function sessionFile(name: string): string {
  const abs = resolve(name)
  return /\.memory-card\.json$/.test(abs) ? abs : `${abs}.memory-card.json`
}

/**
 * pretty: a person watches stderr, so the code is drawn there with two lines under it.
 * Otherwise stderr stays JSON lines (one record with the code's content) and the drawing goes
 * to stdout, where a terminal or a service's journal still shows it.
 */
export function showLogin(
  bot: Wechaty,
  o: { session: string; pretty: boolean; log: Logger; stderr: Out; stdout: Out },
): void {
  const file = sessionFile(o.session)
  bot.on('scan', (qr, status) => {
    if (status === ScanStatus.Scanned) return o.log.info('已扫码，请在手机上确认登录')
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return
    if (o.pretty) {
      qrcode.generate(qr, { small: true }, (art) =>
        o.stderr.write(
          `\n${art}\n用微信扫描上面的二维码登录（需要能登录网页版微信的账号）\n` +
            `账号会话 ${o.session}：登录信息保存在 ${file}，下次启动不用再扫码\n\n`,
        ),
      )
    } else {
      o.log.info({ qr, session: o.session, sessionFile: file }, 'scan the QR code on stdout with WeChat to log in')
      qrcode.generate(qr, { small: true }, (art) => o.stdout.write(`${art}\n`))
    }
  })
}
