// The after-sale's refusals and questions: one short answer, never a guess.
import { describe, expect, it } from 'vitest'
import { run, type In } from '../harness.js'

const ROOM = '烘焙同好群'
const g = (at: string, from: string, text: string, room = ROOM): In => ({
  at: `2026-12-01T${at}+08:00`,
  room,
  from,
  text,
})
const p = (at: string, from: string, text: string): In => ({ at: `2026-12-01T${at}+08:00`, from, text })
const setup: In[] = [
  { at: '2026-12-01T09:00:00+08:00', room: ROOM, owner: '阿May', members: ['阿May', 'Lily', 'Tom'] },
  { at: '2026-12-01T09:00:00+08:00', room: '徒步群', owner: '阿May', members: ['阿May', 'Ann'] },
]
const sale = (extra = '') => g('09:01:00', '阿May', `/launch 桃\n价格: 20\n截止: 今晚8点${extra}`)
const last = (out: { text: string }[]) => out[out.length - 1].text

describe('suppliers', () => {
  it('a supplier whose sample failed cannot be attached at launch nor later', async () => {
    const { out } = await run([
      ...setup,
      p('09:00:10', '阿May', '/supplier add 桃园 13800001234'),
      p('09:00:20', '阿May', '/quote 桃园 桃 价格 12'),
      p('09:00:30', '阿May', '/sample 桃园 桃 不通过 太酸'),
      sale('\n供应: 桃园'),
      sale(),
      g('09:02:00', '阿May', '/supplier attach 桃园'),
    ])
    expect(out.filter((o) => o.room === ROOM).map((o) => o.text.split('\n')[0])).toEqual([
      '桃园 的「桃」样品未通过（太酸），不能关联到团，请换一家供应商。',
      '🛒 团1 开团：桃',
      '桃园 的「桃」样品未通过（太酸），不能关联到团，请换一家供应商。',
    ])
  })

  it('an unknown supplier refuses the launch; members cannot use supplier commands', async () => {
    const { out } = await run([...setup, sale('\n供应: 不存在'), p('09:02:00', 'Lily', '/supplier list')])
    expect(out.map((o) => o.text)).toEqual([
      '没有找到供应商「不存在」，先用「/supplier add 不存在 联系人 电话」登记。',
      '「/supplier」只有群主或管理员可以用',
    ])
  })
})

describe('private commands pick the group', () => {
  it('an organizer of two groups names the group; a member is no organizer in private', async () => {
    const { out } = await run([
      ...setup,
      sale(),
      g('09:02:00', 'Lily', '+1'),
      g('09:03:00', '阿May', '截单'),
      p('09:04:00', '阿May', '/stats'),
      p('09:05:00', '阿May', '/stats 烘焙'),
      p('09:06:00', 'Lily', '/stats'),
    ])
    const priv = out.filter((o) => o.to)
    expect(priv[0].text).toBe('你在多个群：烘焙同好群、徒步群，请在命令里写上群名，例如「… 烘焙同好群」')
    expect(priv[1].text).toMatch(/^📊 团1 桃（已成团）\n订单（人×规格）：1/)
    expect(priv[2].text).toBe('「/stats」只有群主或管理员可以用')
  })
})

describe('delivery and after-sales refusals', () => {
  it('shipping words in a sale without shipping get one question; unknown names in /ship are reported', async () => {
    const { out } = await run([
      ...setup,
      sale('\n自提: 东门'),
      g('09:02:00', 'Lily', '+1 快递'),
      g('09:03:00', '阿May', '截单'),
      g('09:04:00', '阿May', '/ship\nLily SF111122223333\nBob SF999988887777'),
    ])
    const texts = out.map((o) => o.text)
    expect(texts).toContain(
      '【团1 桃】已接 1 份 · 剩 10小时57分钟\n✅ 已登记：Lily 1 份\n❓ @Lily 这个团不发快递，请选自提：「自提 东门」',
    )
    expect(texts).toContain('团1 桃 已登记 1 个运单；没找到这些人的订单：Bob')
  })

  it('a refund above what the member owes is refused; a ticket is resolved once', async () => {
    const { out } = await run([
      ...setup,
      sale(),
      g('09:02:00', 'Lily', '+2'),
      g('09:03:00', '阿May', '截单'),
      g('09:04:00', 'Lily', '/issue 坏了一个'),
      g('09:05:00', '阿May', '/resolve 1 退款 50'),
      g('09:06:00', '阿May', '/resolve 1 补发'),
      g('09:07:00', '阿May', '/resolve 1 补发'),
      g('09:08:00', '阿May', '/resolve 2 补发'),
      g('09:09:00', '阿May', '/resolve 1 无需处理'),
    ])
    const group = out.filter((o) => o.room === ROOM).map((o) => o.text)
    expect(group).toContain('退款不能超过该订单的应付金额，最多还能退 ¥40。')
    expect(group).toContain('售后单 1 已处理过：补发')
    expect(group).toContain('没有售后单 2。')
    expect(last(out.filter((o) => o.room === ROOM))).toBe(
      '格式不对，例如：/resolve 7 退款 20 · /resolve 7 补发 · /resolve 7 无需处理 原因',
    )
    expect(out.filter((o) => o.to === 'Lily').map((o) => o.text)).toEqual(['你的售后单 1（团1 桃）已处理：补发'])
  })

  it('nothing to pay, nothing to pick, no rating before delivery', async () => {
    const { out } = await run([
      ...setup,
      sale(),
      g('09:02:00', 'Tom', '已付款'),
      g('09:03:00', 'Lily', '+1'),
      g('09:04:00', '阿May', '截单'),
      g('09:05:00', 'Lily', '/rate 5'),
      g('09:06:00', 'Tom', '已取货'),
    ])
    const texts = out.map((o) => o.text)
    expect(texts).toContain('你没有待付款的订单。')
    expect(texts).toContain('收到货后才能评价哦。')
    expect(texts).toContain('你没有待取或待收的订单。')
  })
})

describe('the reminder time is a group setting', () => {
  it('/set 催付 09:30 moves the reminder to 09:30 the day after close', async () => {
    const { out } = await run([
      ...setup,
      g('09:00:30', '阿May', '/set 催付 9:30'),
      sale(),
      g('09:02:00', 'Lily', '+1'),
      g('09:03:00', '阿May', '截单'),
      { at: '2026-12-03T00:00:00+08:00' },
    ])
    expect(out[0].text).toBe('设置已保存。')
    expect(out.find((o) => o.text.includes('付款提醒'))).toMatchObject({
      at: '2026-12-02T09:30:00.000+08:00',
      mentions: ['Lily'],
    })
  })
})
