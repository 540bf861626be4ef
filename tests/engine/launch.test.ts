// Launching a sale: the forms an organizer types, the refusals, the numbering, who may launch.
import { describe, expect, it } from 'vitest'
import { at, group, inRoom, LAUNCH, lastBoard, ms, run, say, sayIn, tally, texts } from '../harness.js'

const launchMessages = (out: { text: string }[]) => out.filter((o) => o.text.startsWith('🛒'))

describe('launch', () => {
  it('posts the sale with every term the organizer gave, as 团1', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00:05'), '阿May', LAUNCH),
      say(at('10:01'), 'Lily', '进度'),
    ])
    expect(out[0]).toMatchObject({ at: '2026-12-01T10:00:05.000+08:00', room: '烘焙同好群', mentions: [] })
    expect(out[0].text).toBe(
      [
        '🛒 团1 开团：云南蓝莓 125g×4盒',
        '价格 ¥59/份',
        '限量 40 份',
        '每人限购 3 份',
        '满 20 份成团',
        '截止 12月4日 20:00',
        '接龙请回复「+1」，改数量直接发新的总数，「取消」退出，「进度」看进度',
      ].join('\n'),
    )
    expect(lastBoard(out)).toMatch(
      /^📋 团1 云南蓝莓 125g×4盒（进行中）\n[^]*\n成团 20 份：还差 20 份\n剩余 3天9小时（12月4日 20:00 截止）$/,
    )
    expect(tally(out)).toEqual({ sold: 0, stock: 40, waiting: 0, buyers: 0 })
  })

  it('accepts 开团, English keys, full-width colons and spaces around them', async () => {
    const body = '开团 咖啡豆\nprice ： 30.5\nstock：10\nlimit : 2\ndeadline：12-04 20:00\nmin: 5人\nnote: 周六自提'
    const { out } = await run([group(at('10:00')), say(at('10:00:05'), '阿May', body)])
    expect(out.map((o) => o.text)).toEqual([
      [
        '🛒 团1 开团：咖啡豆',
        '价格 ¥30.50/份',
        '限量 10 份',
        '每人限购 2 份',
        '满 5 人成团',
        '截止 12月4日 20:00',
        '说明：周六自提',
        '接龙请回复「+1」，改数量直接发新的总数，「取消」退出，「进度」看进度',
      ].join('\n'),
    ])
  })

  // 2026-12-01 is a Tuesday; the group's time zone is Asia/Shanghai
  it.each([
    ['2026-12-04 20:00', '12月4日 20:00', '2026-12-04T20:00:00.000+08:00'],
    ['12-04 20:00', '12月4日 20:00', '2026-12-04T20:00:00.000+08:00'],
    ['今晚8点', '12月1日 20:00', '2026-12-01T20:00:00.000+08:00'],
    ['今晚20:00', '12月1日 20:00', '2026-12-01T20:00:00.000+08:00'],
    ['明天 12:00', '12月2日 12:00', '2026-12-02T12:00:00.000+08:00'],
    ['周五 20:00', '12月4日 20:00', '2026-12-04T20:00:00.000+08:00'],
    ['2小时后', '12月1日 12:00', '2026-12-01T12:00:00.000+08:00'],
    ['30分钟后', '12月1日 10:30', '2026-12-01T10:30:00.000+08:00'],
  ])('deadline 「%s」 is %s, and the sale closes then', async (deadline, shown, closesAt) => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', `/launch 蓝莓\n价格: 10\n截止: ${deadline}`),
      say(at('10:01'), 'Lily', '+1'),
      { at: '2026-12-05T00:00:00+08:00' },
    ])
    expect(out[0].text).toContain(`截止 ${shown}`)
    const close = out.find((o) => o.text.includes('已截单'))!
    expect(close.at).toBe(closesAt)
  })

  it("lists variants with their own price and stock, falling back to the sale's", async () => {
    const body = '/launch 蓝莓\n价格: 59\n限量: 30\n截止: 今晚8点\n- 大果 69元 20份\n- 超大果'
    const { out } = await run([group(at('10:00')), say(at('10:00'), '阿May', body), say(at('10:01'), 'Lily', '进度')])
    expect(out[0].text).toBe(
      [
        '🛒 团1 开团：蓝莓',
        '限量 30 份',
        '截止 12月1日 20:00',
        '- 大果 ¥69 限20份',
        '- 超大果 ¥59',
        '接龙请回复「+1 大果」，改数量直接发新的总数，「取消」退出，「进度」看进度',
      ].join('\n'),
    )
    expect(lastBoard(out)).toContain('大果：已接 0/20 份\n超大果：已接 0 份\n合计 0/30 份，0 人')
  })
})

describe('refused launches name the bad line and show a correct example', () => {
  const example = '正确示例：\n/launch 云南蓝莓 125g×4盒\n价格: 59\n限量: 40\n限购: 3\n截止: 12-04 20:00\n成团: 20'

  it.each([
    [
      'a past deadline',
      '/launch 蓝莓\n价格: 5\n截止: 2026-11-30 20:00',
      '开团失败：截止时间已经过了「截止: 2026-11-30 20:00」',
    ],
    ['no price', '/launch 蓝莓\n限量: 5\n截止: 今晚8点', '开团失败：缺少「价格」'],
    // the line is quoted after normalization (full-width colon folded)
    ['an unknown key', '/launch 蓝莓\n价格: 5\n颜色：红\n截止: 今晚8点', '开团失败：这一行看不懂「颜色:红」'],
    ['an unreadable value', '/launch 蓝莓\n价格: 五十九块\n截止: 今晚8点', '开团失败：这一行看不懂「价格: 五十九块」'],
    ['an unreadable deadline', '/launch 蓝莓\n价格: 5\n截止: 下下下周', '开团失败：这一行看不懂「截止: 下下下周」'],
    [
      'a bad variant line',
      '/launch 蓝莓\n价格: 5\n截止: 今晚8点\n- 大果 69元 -3份',
      '开团失败：这一行看不懂「- 大果 69元 -3份」',
    ],
  ])('%s', async (_, body, head) => {
    const { out } = await run([group(at('10:00')), say(at('10:00'), '阿May', body), say(at('10:01'), 'Lily', '进度')])
    expect(texts(out)).toEqual([`${head}\n${example}`, '群里现在没有进行中的团。'])
  })

  it('a refused launch does not use up a sale number', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/launch 蓝莓\n截止: 今晚8点'),
      say(at('10:01'), '阿May', '/launch 蓝莓\n价格: 5\n截止: 今晚8点'),
    ])
    expect(launchMessages(out).map((o) => o.text.split('\n')[0])).toEqual(['🛒 团1 开团：蓝莓'])
  })
})

describe('numbering', () => {
  it('numbers sales 团1, 团2, 团3 per group, never reusing a number', async () => {
    const { out } = await run([
      group(at('10:00')),
      group(at('10:00'), ['Ann', 'Lily'], '露营群', 'Ann'),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 5\n截止: 今晚8点'),
      say(at('10:01'), '阿May', '开团 咖啡豆\n价格: 30\n截止: 今晚9点'),
      say(at('10:02'), '阿May', '截单 #1'),
      say(at('10:03'), '阿May', '截单'),
      say(at('10:04'), '阿May', '开团 桃\n价格: 5\n截止: 今晚9点'),
      sayIn('露营群', at('10:05'), 'Ann', '开团 帐篷\n价格: 300\n截止: 今晚9点'),
    ])
    expect(launchMessages(inRoom(out)).map((o) => o.text.split('\n')[0])).toEqual([
      '🛒 团1 开团：蓝莓',
      '🛒 团2 开团：咖啡豆',
      '🛒 团3 开团：桃',
    ])
    // with another sale open, the join hint carries the sale's number
    expect(launchMessages(inRoom(out))[1].text).toContain('接龙请回复「#2 +1」')
    expect(launchMessages(inRoom(out, '露营群')).map((o) => o.text.split('\n')[0])).toEqual(['🛒 团1 开团：帐篷'])
  })
})

describe('who may launch', () => {
  it('a member cannot launch: told in the next digest, and no sale opens', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), 'Lily', '/launch 蓝莓\n价格: 5\n截止: 今晚8点'),
      say(at('10:00:30'), 'Tom', '开团 桃\n价格: 5\n截止: 今晚8点'),
      say(at('10:01'), 'Lily', '进度'),
    ])
    expect(out).toEqual([
      {
        at: '2026-12-01T10:00:03.000+08:00',
        room: '烘焙同好群',
        text: '📣 汇总\n🚫 @Lily 「/launch」只有群主或管理员可以用',
        mentions: ['Lily'],
      },
      {
        at: '2026-12-01T10:00:33.000+08:00',
        room: '烘焙同好群',
        text: '📣 汇总\n🚫 @Tom 「/launch」只有群主或管理员可以用',
        mentions: ['Tom'],
      },
      { at: '2026-12-01T10:01:00.000+08:00', room: '烘焙同好群', text: '群里现在没有进行中的团。', mentions: [] },
    ])
    expect(ms(out[1].at) - ms(out[0].at)).toBeGreaterThanOrEqual(15_000)
  })
})
