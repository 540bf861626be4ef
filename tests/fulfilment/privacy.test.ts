// A phone number never appears whole in any group message, whoever typed it and wherever it came from.
import { describe, expect, it } from 'vitest'
import { run, type In } from '../harness.js'
import { findPhone, maskPhones } from '../../src/core/privacy.js'
import { whole } from './scenario.js'

const UNMASKED = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/

describe('maskPhones', () => {
  it.each([
    ['电话13800001234', '电话138****1234'],
    ['138 0000 1234', '138****1234'],
    ['138-0000-1234 找王经理', '138****1234 找王经理'],
    ['+86 13800001234', '138****1234'],
    ['运单 SF1234567890123', '运单 SF1234567890123'],
    ['订单号 138000012345678', '订单号 138000012345678'],
    ['两个 13800001234 和 15912345678', '两个 138****1234 和 159****5678'],
  ])('%s', (text, masked) => {
    expect(maskPhones(text)).toBe(masked)
  })

  it('finds the number itself', () => {
    expect(findPhone('张三 138-0000-1234 上海')).toEqual({ phone: '13800001234', index: 3, length: 13 })
    expect(findPhone('没有号码')).toBeNull()
  })
})

describe('group messages', () => {
  it('mask every phone number typed anywhere: launch note, supplier, address, issue, rating, payment note', async () => {
    const extra: In[] = [
      {
        at: '2026-12-08T13:00:00+08:00',
        room: '烘焙同好群',
        from: '阿May',
        text: '/launch 草莓\n价格: 30\n截止: 2026-12-09 20:00\n说明: 有问题打 13800001234\n自提: 东门',
        id: 'x1',
      },
      {
        at: '2026-12-08T13:01:00+08:00',
        room: '烘焙同好群',
        from: '阿May',
        text: '/supplier add 草莓园 联系人 张姐 13611112222',
        id: 'x2',
      },
      {
        at: '2026-12-08T13:02:00+08:00',
        room: '烘焙同好群',
        from: 'Bob',
        text: '/address 鲍勃 13733334444 北京市朝阳区',
        id: 'x3',
      },
      {
        at: '2026-12-08T13:03:00+08:00',
        room: '烘焙同好群',
        from: 'Lily',
        text: '/rate 5 很甜 有事找我 13955556666',
        id: 'x4',
      },
      { at: '2026-12-08T13:04:00+08:00', room: '烘焙同好群', from: 'Lily', text: '/reviews 团1', id: 'x5' },
      { at: '2026-12-08T13:05:00+08:00', room: '烘焙同好群', from: '阿May', text: '/supplier', id: 'x6' },
      { at: '2026-12-08T13:06:00+08:00', room: '烘焙同好群', from: 'Tom', text: '+1 自提东门', id: 'x7' },
      { at: '2026-12-09T20:00:30+08:00' },
      {
        at: '2026-12-09T20:01:00+08:00',
        room: '烘焙同好群',
        from: 'Tom',
        text: '已付款 转账人手机 13866667777',
        id: 'x8',
      },
      { at: '2026-12-09T20:02:00+08:00', room: '烘焙同好群', from: '阿May', text: '/unpaid', id: 'x9' },
    ]
    const { out } = await run([...whole, ...extra])
    const group = out.filter((o) => o.room !== undefined)
    for (const o of group) expect(o.text, o.text).not.toMatch(UNMASKED)
    // the masked forms did reach the group, so the lines were not simply dropped
    const all = group.map((o) => o.text).join('\n')
    for (const masked of ['138****1234', '136****2222', '139****6666', '138****7777']) expect(all).toContain(masked)
    // an address sent in the group is neither stored nor repeated: the member is told to use a private chat
    expect(all).toContain('@Bob 为保护隐私，收货地址和手机号请私聊机器人发送，不要发在群里。')
    expect(all).not.toContain('北京市朝阳区')
  })
})
