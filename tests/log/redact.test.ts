// A failed send through wechat4u's own HTTP client (its axios instance, a refused connection on
// 127.0.0.1) is logged without the message body, the session cookie or the pass_ticket.
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { makeLogger } from '../../src/log.js'
import { makeApp } from '../../src/app.js'
import type { OutMessage, Transport } from '../../src/engine/sender.js'
import { enqueue } from '../../src/engine/repo.js'

const require = createRequire(import.meta.url)
const WechatCore = require('wechat4u/lib/core.js').default

const BODY = '收货地址 建国路88号 电话 13812345678'
const SECRETS = ['wxsid-SECRET-1', 'ticket-SECRET-2', 'pass-SECRET-3', 'skey-SECRET-4']

/** A port nothing listens on: bind one, note it, close it. */
async function refusedPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as { port: number }).port
  await new Promise<void>((r) => srv.close(() => r()))
  return port
}

/** wechat4u logged in as far as a send needs: cookie, ticket, keys. */
function loggedInCore(port: number) {
  const core = new WechatCore()
  core.CONF.API_webwxsendmsg = `http://127.0.0.1:${port}/cgi-bin/mmwebwx-bin/webwxsendmsg`
  core.PROP.passTicket = SECRETS[2]
  core.PROP.sid = SECRETS[0]
  core.PROP.skey = SECRETS[3]
  core.PROP.uin = '12345'
  core.COOKIE.wxsid = SECRETS[0]
  core.COOKIE.webwx_data_ticket = SECRETS[1]
  core.user = { UserName: '@me' }
  return core
}

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { lines, log: makeLogger('info', 'json', stream) }
}

describe('logged errors', () => {
  it('a failed wechat4u send leaves no body, cookie or ticket in the log', async () => {
    const core = loggedInCore(await refusedPort())
    // the error really carries them: otherwise this test would prove nothing
    const raw = await core.sendText(BODY, '@@room').catch((e: unknown) => e)
    expect(JSON.stringify((raw as { config: unknown }).config)).toContain(SECRETS[1])

    const transport: Transport = { send: (m: OutMessage) => core.sendText(m.text, '@@room') }
    const { lines, log } = capture()
    const app = makeApp({ dbFile: ':memory:', transport, log })
    enqueue(app.db, { toName: 'Lily', text: BODY, kind: 'reply' }, 0)
    await app.sender.flush(0)
    const logged = lines.join('')
    expect(logged).toContain('send failed')
    expect(logged).toContain('ECONNREFUSED')
    for (const secret of [...SECRETS, '13812345678', '建国路88号', 'BaseRequest', 'Content'])
      expect(logged).not.toContain(secret)
    app.close()
  })

  it('keeps what tells a fault apart, scrubs what it quotes', async () => {
    const { lines, log } = capture()
    const err = Object.assign(new Error('GET https://wx.qq.com/x?pass_ticket=abc&skey=def failed for 13912345678'), {
      code: 'EBAD',
    })
    log.error({ err }, 'boom')
    const line = JSON.parse(lines[0])
    expect(line.err.code).toBe('EBAD')
    expect(line.err.message).toContain('https://wx.qq.com/x')
    expect(lines[0]).not.toMatch(/abc|def|13912345678/)
  })
})
