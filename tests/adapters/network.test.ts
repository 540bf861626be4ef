// A login that fails because WeChat cannot be reached is told to the person in one line.
import { describe, expect, it } from 'vitest'
import { networkFailure } from '../../src/adapters/network.js'

describe('networkFailure', () => {
  it('reads the wrapped error wechat4u gives when DNS cannot find WeChat', () => {
    // the shape the puppet emits (seen with no route to WeChat): a numeric code, the system error in the message
    const gerror = Object.assign(new Error('getaddrinfo ENOTFOUND login.wx.qq.com'), {
      code: 2,
      details: 'Error: getaddrinfo ENOTFOUND login.wx.qq.com\n    at AxiosError.from (axios.cjs:1684:24)',
    })
    const f = networkFailure(gerror)
    expect(f).toMatchObject({ code: 'ENOTFOUND', host: 'login.wx.qq.com' })
    expect(f!.line).toBe(
      '无法连接微信服务器（login.wx.qq.com，ENOTFOUND）：请检查这台机器的网络、DNS 和代理能否访问微信',
    )
    expect(f!.line).not.toContain('\n')
  })

  it('finds the system error in a cause, a code or an address', () => {
    const refused = new Error('request failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
    })
    expect(networkFailure(refused)).toMatchObject({ code: 'ECONNREFUSED', host: '10.0.0.1:443' })
    expect(networkFailure(Object.assign(new Error('read failed'), { code: 'ECONNRESET' }))).toMatchObject({
      code: 'ECONNRESET',
      host: null,
    })
    expect(networkFailure(new Error('socket hang up'))).toMatchObject({ code: 'hang up' })
  })

  it('leaves other errors alone: they are bugs and keep their stack', () => {
    expect(networkFailure(new Error('room not found by topic'))).toBeNull()
    expect(networkFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull()
    expect(networkFailure(undefined)).toBeNull()
    expect(networkFailure({ data: 'login event can not found selfId' })).toBeNull()
  })
})
