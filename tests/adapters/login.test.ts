// What the terminal shows while the account logs in and the groups are first read, on a real
// Wechaty over puppet-mock. The clocks here are stepped by hand: nothing reads the wall clock.
import { afterEach, describe, expect, it } from 'vitest'
import { WechatyBuilder, ScanStatus, type Wechaty } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { makeApp, type App } from '../../src/app.js'
import { attach, WechatyTransport } from '../../src/adapters/wechaty.js'
import { sessionFile, showLogin } from '../../src/adapters/login.js'
import { makeLogger, type LogFormat } from '../../src/log.js'
import { AFTERNOON_CN, until } from '../support/clock.js'

const QR = 'https://login.weixin.qq.com/l/Qk9Uc2NhbkNvZGU='

function sink() {
  const text: string[] = []
  return { text, write: (s: string) => text.push(s), all: () => text.join('') }
}

let stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const s of stops) await s()
  stops = []
})

async function bot(format: LogFormat, rooms = 0, step = 0, level = 'info') {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const bot: Wechaty = WechatyBuilder.build({ puppet })
  const self = mocker.createContact({ id: 'self@mock', name: '闪团助手' })
  const may = mocker.createContact({ id: 'may@mock', name: '阿May' })
  for (let i = 0; i < rooms; i++)
    mocker.createRoom({ id: `g${i}@chatroom`, topic: `群${i}`, ownerId: may.id, memberIdList: [self.id, may.id] })
  const stderr = sink()
  const stdout = sink()
  const log = makeLogger(level, format, stderr)
  // each reading of the time moves it on by `step` ms
  let t = AFTERNOON_CN
  const clock = { now: () => (t += step) }
  const transport = new WechatyTransport(bot)
  const app: App = makeApp({ dbFile: ':memory:', transport, log })
  attach(bot, app.engine, transport, clock, log, () => {})
  showLogin(bot, { session: 'data/shop', pretty: format === 'pretty', log, stderr, stdout })
  await bot.start()
  stops.push(async () => {
    await bot.stop()
    app.close()
  })
  return { mocker, puppet, self, stderr, stdout, login: () => mocker.login(self) }
}

describe('login in the terminal', () => {
  it('a person sees the QR code first, then what to do and which session keeps the login', async () => {
    const b = await bot('pretty')
    b.puppet.emit('scan', { qrcode: QR, status: ScanStatus.Waiting })
    await until(() => b.stderr.all().includes('账号会话'))
    const out = b.stderr.all()
    const lines = out.split('\n').filter((l) => l.trim() !== '')
    // the code is drawn in block characters, and it comes before the words about it
    expect(lines[0]).toMatch(/^[▀▄█ ]+$/)
    expect(out.indexOf('█')).toBeLessThan(out.indexOf('用微信扫描上面的二维码登录'))
    expect(out).toContain(`账号会话 data/shop：登录信息保存在 ${sessionFile('data/shop')}，下次启动不用再扫码`)
    expect(sessionFile('data/shop')).toMatch(/\/data\/shop\.memory-card\.json$/)
    expect(out).not.toContain('{')
    expect(b.stdout.all()).toBe('')
  })

  it('with JSON logs the code is one record on stderr and the drawing goes to stdout', async () => {
    const b = await bot('json')
    b.puppet.emit('scan', { qrcode: QR, status: ScanStatus.Waiting })
    await until(() => b.stdout.all().length > 0)
    const recs = b.stderr.text.map((l) => JSON.parse(l))
    expect(recs).toContainEqual(
      expect.objectContaining({ qr: QR, session: 'data/shop', sessionFile: sessionFile('data/shop') }),
    )
    expect(b.stdout.all()).toMatch(/█/)
  })
})

describe('the first reading of the groups', () => {
  const progress = (text: string[]) => text.map((l) => JSON.parse(l).msg as string).filter((m) => m.includes('群列表'))

  it('says how far it got, about once a second, and when it is done', async () => {
    const b = await bot('json', 3, 1000)
    b.login()
    await until(() => progress(b.stderr.text).some((m) => m.includes('已读完')))
    expect(progress(b.stderr.text)).toEqual([
      '正在读取群列表… 0/3',
      '正在读取群列表… 1/3',
      '正在读取群列表… 2/3',
      '群列表已读完：3 个群',
    ])
  })

  it('a fast sync says it once at the start and once at the end', async () => {
    const b = await bot('json', 3, 0)
    b.login()
    await until(() => progress(b.stderr.text).some((m) => m.includes('已读完')))
    expect(progress(b.stderr.text)).toEqual(['正在读取群列表… 0/3', '群列表已读完：3 个群'])
  })
})

describe('a login that cannot reach WeChat', () => {
  // what wechat4u emits when DNS has no answer for WeChat's login server
  const offline = () => {
    const err = new Error('getaddrinfo ENOTFOUND login.wx.qq.com')
    return { data: JSON.stringify({ code: 2, message: err.message, details: err.stack, name: 'Error' }) }
  }

  it('is one line saying so and what to check, with no stack', async () => {
    const b = await bot('pretty')
    b.puppet.emit('error', offline())
    await until(() => b.stderr.all().includes('无法连接微信服务器'))
    const lines = b.stderr
      .all()
      .split('\n')
      .filter((l) => l !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d ERROR 无法连接微信服务器（login.wx.qq.com，ENOTFOUND）：请检查这台机器的网络、DNS 和代理能否访问微信$/,
    )
  })

  it('keeps the stack out of the info log and for whoever asks for debug logs', async () => {
    const line = '无法连接微信服务器（login.wx.qq.com，ENOTFOUND）：请检查这台机器的网络、DNS 和代理能否访问微信'
    const info = await bot('json')
    info.puppet.emit('error', offline())
    await until(() => info.stderr.text.length > 0)
    expect(info.stderr.text.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 50, msg: line })])
    expect(info.stderr.all()).not.toContain('getaddrinfo')

    const debug = await bot('json', 0, 0, 'debug')
    debug.puppet.emit('error', offline())
    await until(() => debug.stderr.text.length > 1)
    const recs = debug.stderr.text.map((l) => JSON.parse(l))
    expect(recs[0]).toMatchObject({ level: 50, msg: line })
    expect(recs[1]).toMatchObject({ level: 20, err: { message: 'getaddrinfo ENOTFOUND login.wx.qq.com' } })
  })
})
