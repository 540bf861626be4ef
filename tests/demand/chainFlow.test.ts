// WeChat's native 接龙 re-posted by the group: the tally stays right.
import { describe, expect, it } from 'vitest'
import { at, group, lastBoard, run, say, texts, type In, type OutLine } from '../harness.js'
import { exportRows } from '../../src/export.js'

const MEMBERS = ['团长小林', '周周', '大白', 'Lily', 'Tom', 'Ann', '阿杰']
const HEAD = '#接龙\n【快闪团】丹东99草莓 3斤装 128元/份 限30份 周六20:00截单\n例 张三 2份 自提\n\n'
const TAIL = '\n\n付款请备注序号'
const list = (...lines: string[]) => HEAD + lines.map((l, i) => `${i + 1}. ${l}`).join('\n') + TAIL
const sale = (terms = '\n限量: 30\n限购: 3'): In[] => [
  group(at('10:00'), MEMBERS, '烘焙同好群', '团长小林'),
  say(at('10:00:05'), '团长小林', `/launch 丹东99草莓 3斤装\n价格: 128${terms}\n截止: 周六 20:00`),
]
const chainDigests = (out: OutLine[]) => texts(out).filter((t) => t.startsWith('【团1'))
const held = (app: Awaited<ReturnType<typeof run>>['app']) =>
  Object.fromEntries(exportRows(app.db, {}).map((r) => [r.member, [r.quantity, r.waitlist, r.source, r.entered_by]]))

describe('a native 接龙 re-posted ten times', () => {
  it('edits, removals, re-numbering, a proxy line, rule hits and a duplicate re-post', async () => {
    const fullWidth = (...lines: string[]) =>
      HEAD + lines.map((l, i) => `${String.fromCharCode(0xff11 + i)}、${l}`).join('\n') + TAIL
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), '团长小林', list('团长小林')),
      say(at('10:02'), '周周', list('团长小林', '周周 1份')),
      say(at('10:03'), '大白', list('团长小林', '周周 1份', '大白 2份')),
      say(at('10:04'), 'Lily', list('团长小林', '周周 1份', '大白 2份', 'Lily 2份', '奶奶 1份')),
      // a duplicate re-post (someone forwarded the list): nothing changes, nothing is said
      say(at('10:05'), 'Tom', list('团长小林', '周周 1份', '大白 2份', 'Lily 2份', '奶奶 1份')),
      say(at('10:06'), '周周', list('团长小林', '周周 3份', '大白 2份', 'Lily 2份', '奶奶 1份')),
      // 大白 removes his line: WeChat renumbers the rest
      say(at('10:07'), '大白', list('团长小林', '周周 3份', 'Lily 2份', '奶奶 1份')),
      say(at('10:08'), 'Ann', list('团长小林', '周周 3份', 'Lily 2份', '奶奶 1份', 'Ann 5份', '阿杰 0份')),
      // full-width numbers and a different numbering style: only Tom's new line counts
      say(at('10:09'), 'Tom', fullWidth('团长小林', '周周 3份', 'Lily 2份', '奶奶 1份', 'Ann 5份', '阿杰 0份', 'Tom')),
      say(at('10:10'), 'Lily', list('团长小林', '周周 3份', 'Lily 1份', '奶奶 1份', 'Ann 5份', '阿杰 0份', 'Tom')),
      say(at('10:11'), 'Tom', '进度'),
    ])
    expect(chainDigests(out)).toEqual([
      '【团1 丹东99草莓 3斤装】已接 1/30 份 · 剩 4天9小时\n✅ 已登记：团长小林 1 份',
      '【团1 丹东99草莓 3斤装】已接 2/30 份 · 剩 4天9小时\n✅ 已登记：周周 1 份',
      '【团1 丹东99草莓 3斤装】已接 4/30 份 · 剩 4天9小时\n✅ 已登记：大白 2 份',
      '【团1 丹东99草莓 3斤装】已接 7/30 份 · 剩 4天9小时\n✅ 已登记：Lily 2 份；奶奶 1 份\n\n📝 接龙 · 团1 丹东99草莓 3斤装\n代接龙：Lily 代 奶奶',
      '【团1 丹东99草莓 3斤装】已接 9/30 份 · 剩 4天9小时\n✅ 已登记：周周 3 份',
      '【团1 丹东99草莓 3斤装】已接 7/30 份 · 剩 4天9小时\n已取消：大白',
      '【团1 丹东99草莓 3斤装】已接 10/30 份 · 剩 4天9小时\n⚠️ @Ann 每人限购 3 份，已按 3 份登记\n\n📝 接龙 · 团1 丹东99草莓 3斤装\n⚠️ @Ann 接龙「6. 阿杰 0份」没有登记：数量看不懂（要 1-999 的整数）',
      '【团1 丹东99草莓 3斤装】已接 11/30 份 · 剩 4天9小时\n✅ 已登记：Tom 1 份',
      '【团1 丹东99草莓 3斤装】已接 10/30 份 · 剩 4天9小时\n✅ 已登记：Lily 1 份',
    ])
    expect(out.find((o) => o.text.includes('Ann 每人限购'))!.mentions).toEqual(['Ann'])
    expect(lastBoard(out)).toContain('已接 10/30 份（6 人）')
    expect(held(app)).toEqual({
      团长小林: [1, 0, 'chain', ''],
      周周: [3, 0, 'chain', ''],
      Lily: [1, 0, 'chain', ''],
      奶奶: [1, 0, 'proxy', 'Lily'],
      Ann: [3, 0, 'chain', ''],
      Tom: [1, 0, 'chain', ''],
    })
  })

  it('the same list posted twice, or with its lines in another order, changes nothing', async () => {
    const a = list('团长小林', 'Lily 2份', 'Tom 1份')
    const b = HEAD + '1. Tom 1份\n2. 团长小林\n3. Lily 2份' + TAIL
    const { out } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', a),
      say(at('10:02'), 'Ann', a),
      say(at('10:03'), 'Tom', b),
      say(at('10:04'), 'Tom', a, { id: 'dup' }),
      say(at('10:05'), 'Tom', a, { id: 'dup' }),
    ])
    expect(chainDigests(out)).toHaveLength(1)
  })

  it('a member who joined by typing keeps their order until their own line changes', async () => {
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '+3'),
      say(at('10:02'), 'Tom', list('Lily 1份', 'Tom')),
      say(at('10:03'), 'Lily', '取消'),
      say(at('10:04'), 'Ann', list('Lily 1份', 'Tom', 'Ann 2份')),
    ])
    // Tom's first post set Lily's total to what her line says (1); her 取消 then stands
    expect(held(app)).toEqual({ Tom: [1, 0, 'chain', ''], Ann: [2, 0, 'chain', ''] })
    expect(chainDigests(out).join('\n')).toContain('✅ 已登记：Lily、Tom 各 1 份')
  })

  it('variants: a line names one, or is listed with the reason', async () => {
    const { out, app } = await run([
      ...sale('\n- 大果 128元 10份\n- 超大果 158元 5份'),
      say(at('10:01'), 'Lily', list('Lily 大果 2份', 'Tom 超大果', '阿杰 2份', 'Ann 大果1份 超大果1份')),
      say(at('10:02'), 'Ann', list('Lily 大果 2份', 'Tom 超大果', '阿杰 2份', 'Ann 大果1份 超大果1份', 'Bob 超大果')),
    ])
    const text = texts(out).join('\n\n')
    expect(text).toContain('⚠️ @Lily 接龙「3. 阿杰 2份」没有登记：没写要哪个规格（大果 / 超大果）')
    // a line may name several variants, each with its quantity; a re-post reports a problem line once
    expect(text).not.toContain('Ann 大果1份 超大果1份」没有登记')
    expect(text.match(/阿杰 2份」没有登记/g)).toHaveLength(1)
    expect(exportRows(app.db, {}).map((r) => [r.member, r.item, r.quantity, r.source])).toEqual([
      ['Lily', '大果', 2, 'chain'],
      ['Tom', '超大果', 1, 'proxy'],
      ['Ann', '大果', 1, 'proxy'],
      ['Ann', '超大果', 1, 'proxy'],
      ['Bob', '超大果', 1, 'proxy'],
    ])
  })

  it("a list whose title does not contain the sale's is linked by /chain link, then followed", async () => {
    const other = (...lines: string[]) =>
      '#Group Note\nStrawberry run Saturday\n\n' + lines.map((l, i) => `${i + 1}. ${l}`).join('\n')
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', other('Lily 2')),
      say(at('10:02'), 'Tom', other('Lily 2', 'Tom 1')),
      say(at('10:03'), 'Tom', '/chain link 1'),
      say(at('10:04'), '团长小林', '/chain link 1'),
      say(at('10:05'), 'Ann', other('Lily 2', 'Tom 1', 'Ann 3')),
    ])
    const text = texts(out).join('\n\n')
    expect(text.match(/没对上进行中的团/g)).toHaveLength(1)
    expect(text).toContain(
      '❓ @Lily 这个接龙「Strawberry run Saturday」没对上进行中的团（接龙标题要包含团名），团长可回复「/chain link 1」关联',
    )
    expect(text).toContain('🚫 @Tom 「/chain link」只有群主或管理员可以用')
    expect(text).toContain(
      '🔗 已把接龙「Strawberry run Saturday」关联到团1 丹东99草莓 3斤装，同步了 2 人，之后的接龙会自动登记。',
    )
    // each line is credited to whoever first posted it, even before the link
    expect(held(app)).toEqual({ Lily: [2, 0, 'chain', ''], Tom: [1, 0, 'chain', ''], Ann: [3, 0, 'chain', ''] })
    expect(text).not.toContain('代接龙')
  })

  it('after the close, a changed list is refused once; an unchanged one is ignored', async () => {
    const { out } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', list('Lily 2份')),
      say(at('10:02'), '团长小林', '截单'),
      say(at('10:03'), 'Tom', list('Lily 2份')),
      say(at('10:04'), 'Tom', list('Lily 2份', 'Tom 1份')),
      say(at('10:05'), '团长小林', '/launch 蓝莓\n价格: 59\n截止: 周六 20:00'),
      say(at('10:06'), 'Ann', '#接龙\n蓝莓\n\n1. Ann'),
      say(at('10:07'), 'Ann', list('Lily 2份', 'Tom 1份')),
    ])
    expect(texts(out).filter((t) => t.includes('已结束，接龙里的改动没有登记'))).toEqual([
      '📣 汇总\n🚫 @Tom 团1 丹东99草莓 3斤装 已结束，接龙里的改动没有登记',
    ])
  })

  it('接龙格式 posts a ready-to-copy native text that links itself when used', async () => {
    const { out } = await run([
      ...sale('\n限量: 30\n- 大果 128元\n- 超大果 158元'),
      say(at('10:01'), 'Lily', '接龙格式'),
    ])
    const format = texts(out).at(-1)!
    expect(format).toBe(
      [
        '#接龙',
        '【团1】丹东99草莓 3斤装 ¥128/份 限30份 12月5日 20:00截单',
        '例 张三 2份 大果 自提',
        '',
        '↑ 团长复制整段，在微信里发起「接龙」粘贴；大家点「参与接龙」照例子写，机器人会自动登记（改行、删行也会同步）',
      ].join('\n'),
    )
    const used = format.split('\n').slice(0, 3).join('\n') + '\n\n1. Lily 大果 2份'
    const { out: out2, app } = await run([
      ...sale('\n限量: 30\n- 大果 128元\n- 超大果 158元'),
      say(at('10:01'), 'Lily', used),
    ])
    expect(texts(out2).join('\n')).toContain('✅ 已登记：Lily 2 份 大果')
    expect(held(app)).toEqual({ Lily: [2, 0, 'chain', ''] })
  })

  it('a 500-line list is read in one message', async () => {
    const names = Array.from({ length: 500 }, (_, i) => `成员${String(i + 1).padStart(3, '0')}`)
    const { out, app } = await run([
      group(at('10:00'), ['团长小林', ...names], '烘焙同好群', '团长小林'),
      say(at('10:00:05'), '团长小林', '/launch 草莓\n价格: 10\n截止: 周六 20:00'),
      say(at('10:01'), '成员001', HEAD + names.map((n, i) => `${i + 1}. ${n}`).join('\n')),
    ])
    expect(exportRows(app.db, {})).toHaveLength(500)
    expect(texts(out).join('\n')).toContain(
      '成员001、成员002、成员003、成员004、成员005、成员006、成员007、成员008、成员009、成员010 等 500 人 各 1 份',
    )
  })
})

describe('reviewed: whose line it is, and numbers too big to be a quantity', () => {
  const fruit = '\n- 大果 128元 10份\n- 小果 98元 10份\n限购: 5'
  const rows = (app: Awaited<ReturnType<typeof run>>['app']) =>
    exportRows(app.db, {}).map((r) => [r.member, r.item, r.quantity, r.source])

  it('a nameless line stays with whoever first posted it; only they can take it out', async () => {
    const { out, app } = await run([
      ...sale(fruit),
      say(at('10:01'), 'Lily', list('2份 大果 自提')),
      // Tom re-posts with his line added: Lily's nameless line is still Lily's
      say(at('10:02'), 'Tom', list('2份 大果 自提', 'Tom 小果')),
      // Ann's client left Lily's line out: that does not cancel it
      say(at('10:03'), 'Ann', list('Tom 小果', '大果 1')),
    ])
    expect(rows(app)).toEqual([
      ['Lily', '大果', 2, 'chain'],
      ['Tom', '小果', 1, 'chain'],
      ['Ann', '大果', 1, 'chain'],
    ])
    expect(texts(out).join('\n')).not.toContain('已取消')
    // Lily takes her own line out: now it is cancelled
    const after = await run([
      ...sale(fruit),
      say(at('10:01'), 'Lily', list('2份 大果 自提')),
      say(at('10:02'), 'Tom', list('2份 大果 自提', 'Tom 小果')),
      say(at('10:03'), 'Lily', list('Tom 小果')),
    ])
    expect(rows(after.app)).toEqual([['Tom', '小果', 1, 'chain']])
    expect(chainDigests(after.out).join('\n')).toContain('已取消：Lily')
  })

  it("a line that opens with a variant is the poster's, not someone named 大果", async () => {
    const { app } = await run([
      ...sale(fruit),
      say(at('10:01'), 'Lily', list('大果 2')),
      say(at('10:02'), 'Tom', list('大果 2', '小果')),
      say(at('10:03'), 'Ann', list('大果 2', '小果', '2份 大果')),
    ])
    expect(rows(app)).toEqual([
      ['Lily', '大果', 2, 'chain'],
      ['Tom', '小果', 1, 'chain'],
      ['Ann', '大果', 2, 'chain'],
    ])
  })

  it('a 5-digit number makes the line unreadable, listed with the reason, never 1 unit', async () => {
    const { out, app } = await run([...sale(fruit), say(at('10:01'), 'Tom', list('Tom 小果 10000'))])
    expect(rows(app)).toEqual([])
    expect(texts(out).join('\n')).toContain('接龙「1. Tom 小果 10000」没有登记：数量看不懂（要 1-999 的整数）')
  })
})
