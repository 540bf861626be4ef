// Reviewer repros: the payment grace period after a promotion, and 团N on a sale not in its after-sale phase.
import { describe, expect, it } from 'vitest'
import { run, type In } from '../harness.js'

const ROOM = '烘焙同好群'
const g = (at: string, from: string, text: string): In => ({ at: `2026-12-01T${at}+08:00`, room: ROOM, from, text })
const g2 = (at: string, from: string, text: string): In => ({ at: `2026-12-02T${at}+08:00`, room: ROOM, from, text })
const setup: In[] = [
  { at: '2026-12-01T09:00:00+08:00', room: ROOM, owner: '阿May', members: ['阿May', 'Lily', 'Tom', 'Bob'] },
]
const launch = (grace: string) =>
  g('09:01:00', '阿May', `/launch 桃\n价格: 20\n限量: 3\n截止: 今晚8点\n付款时限: ${grace}`)

const texts = (out: { text: string }[]) => out.map((o) => o.text)

describe('grace period after a promotion', () => {
  it('a paid member promoted when another is released keeps every unit and gets a fresh deadline', async () => {
    const { out, errors } = await run([
      ...setup,
      launch('24小时'),
      g('09:02:00', 'Lily', '+1'),
      g('09:02:10', 'Bob', '+2'),
      g('09:02:20', 'Lily', '+2'),
      g('09:03:00', '阿May', '截单'),
      g('10:00:00', 'Lily', '已付款'),
      g('10:01:00', '阿May', '/paid @Lily'),
      { at: '2026-12-02T09:10:00+08:00' },
      g2('09:20:00', 'Lily', '/my'),
      g2('09:21:00', '阿May', '/unpaid'),
      { at: '2026-12-03T10:00:00+08:00' },
    ])
    expect(errors).toEqual([])
    const t = texts(out)
    expect(t).toContain(
      '【团1 桃】已接 2/3 份 · 已截止\n⌛ @Bob 超过付款时限未付款，2 份已释放给候补\n🎉 @Lily 候补转正 2 份，应付 ¥40，请在 12月3日 09:03 前付款',
    )
    expect(t.filter((x) => x.includes('@Lily 超过付款时限'))).toEqual([])
    expect(t).toContain('Lily 的登记：\n团1 桃：2 份，¥40（已成团） · 已报付款待确认')
    expect(t).toContain('💰 团1 桃 未确认付款 1 人，共 ¥40：\nLily ¥40（已报付款，待确认）')
  })

  it("a release in quiet hours counts the promoted member's grace period from the end of quiet hours", async () => {
    const { out, errors } = await run([
      ...setup,
      g('09:01:00', '阿May', '/launch 桃\n价格: 20\n限量: 3\n截止: 今晚9点\n付款时限: 2小时'),
      g('09:02:00', 'Bob', '+2'),
      g('09:02:10', 'Lily', '+1'),
      g('09:02:20', 'Lily', '+2'),
      { at: '2026-12-02T12:00:00+08:00' },
    ])
    expect(errors).toEqual([])
    const t = texts(out)
    // Bob's and Lily's deadline was 23:00 (quiet); the digest goes at 08:00, Lily owes by 10:00
    expect(t.find((x) => x.includes('候补转正'))).toContain('@Lily 候补转正 2 份，应付 ¥40，请在 12月2日 10:00 前付款')
    expect(t.find((x) => x.includes('候补转正'))).not.toContain('@Lily 超过付款时限')
    expect(t.filter((x) => x.includes('@Lily 超过付款时限'))).toHaveLength(1)
  })
})

describe('团N on a sale that is not in its after-sale phase', () => {
  it('payment, tickets and arrival on an open sale say it has not closed yet', async () => {
    const { out } = await run([
      ...setup,
      launch('24小时'),
      g('09:02:00', 'Lily', '+1'),
      g('09:03:00', '阿May', '/paid @Lily 团1'),
      g('09:04:00', 'Lily', '已付款 团1'),
      g('09:05:00', 'Lily', '/issue 团1 坏了'),
      g('09:06:00', '阿May', '/arrived 团1'),
      g('09:07:00', '阿May', '/unpaid 团1'),
    ])
    const open = '团1 还没截单，成团截单后才能付款、到货和售后。'
    expect(texts(out).filter((x) => x === open)).toHaveLength(5)
  })
})
