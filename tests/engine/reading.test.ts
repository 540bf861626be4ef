// What members really type, through the engine: several items acknowledged together,
// subtract, change to, switch item, cancel by phrase, quote-replies, proxy entries, and
// one question when the words cannot be read.
import { describe, expect, it } from 'vitest'
import { at, digests, group, lastBoard, run, say, tally, type In } from '../harness.js'

const COLOURS = '/launch 速干T恤\n价格: 79\n截止: 今晚8点\n- 紫色\n- 灰色'
const start = (launch = COLOURS): In[] => [group(at('10:00')), say(at('10:00'), '阿May', launch)]
const spaced = (...texts: [string, string][]): In[] => [
  ...texts.map(([from, text], i) => say(at(`10:${String(i + 1).padStart(2, '0')}`), from, text)),
  say(at('11:00'), 'Bob', '进度'),
]
/** the variant lines of the last board */
const items = (out: Parameters<typeof lastBoard>[0]) =>
  lastBoard(out)
    .split('\n')
    .filter((l) => /^(紫色|灰色)：/.test(l))

describe('the join reader in the group', () => {
  it.each([['紫色1灰色2'], ['紫色+1 灰色+2'], ['3号楼 王姐 紫色1件 灰色2件'], ['接龙 紫色 1 灰色 2']])(
    '「%s」 orders both colours, acknowledged in one digest',
    async (text) => {
      const { out } = await run([...start(), ...spaced(['Lily', text])])
      expect(items(out)).toEqual(['紫色：已接 1 份', '灰色：已接 2 份'])
      expect(digests(out)).toHaveLength(1)
    },
  )

  it('紫色、灰色各+1 gives one of each', async () => {
    const { out } = await run([...start(), ...spaced(['Lily', '紫色、灰色各+1'])])
    expect(items(out)).toEqual(['紫色：已接 1 份', '灰色：已接 1 份'])
  })

  it('减一份 after 3 leaves 2; 改为1 leaves 1; 紫色再+1 makes 2', async () => {
    const { out } = await run([
      ...start(),
      ...spaced(['Lily', '紫色+3'], ['Lily', '减一份'], ['Lily', '紫色改为1'], ['Lily', '紫色再+1']),
    ])
    expect(digests(out).map((d) => d.text.split('\n')[1])).toEqual([
      '✅ 已登记：Lily 3 份 紫色',
      '✅ 已登记：Lily 2 份 紫色',
      '✅ 已登记：Lily 1 份 紫色',
      '✅ 已登记：Lily 2 份 紫色',
    ])
  })

  it('紫色换成灰色 moves the units and keeps the total', async () => {
    const { out } = await run([...start(), ...spaced(['Lily', '紫色+2'], ['Lily', '紫色换成灰色'])])
    expect(items(out)).toEqual(['紫色：已接 0 份', '灰色：已接 2 份'])
  })

  it('灰色不要了 cancels the grey only; 不要了 cancels the rest; 孩子说不要了 cancels nothing', async () => {
    const { out } = await run([
      ...start(),
      ...spaced(['Lily', '紫色1灰色2'], ['Tom', '灰色+1'], ['Tom', '孩子说不要了'], ['Lily', '灰色不要了']),
    ])
    expect(items(out)).toEqual(['紫色：已接 1 份', '灰色：已接 1 份'])
    const { out: out2 } = await run([...start(), ...spaced(['Lily', '紫色1灰色2'], ['Lily', '算了，不要了'])])
    expect(tally(out2)).toMatchObject({ sold: 0, buyers: 0 })
  })

  it('-1 from a member with nothing is nothing; from one with an order it takes one off', async () => {
    const { out } = await run([
      ...start('/launch 蓝莓\n价格: 59\n截止: 今晚8点'),
      ...spaced(['Tom', '-1'], ['Lily', '+3'], ['Lily', '-1']),
    ])
    expect(tally(out)).toEqual({ sold: 2, stock: null, waiting: 0, buyers: 1 })
  })

  it("a quote-reply reads only the member's words, and quoting 团2's launch joins 团2", async () => {
    const quoted = '「阿May：🛒 团2 开团：咖啡豆\n价格 ¥30/份」\n- - - - - - - - - - - - - - -\n+2'
    const { out } = await run([
      ...start('/launch 蓝莓\n价格: 59\n截止: 今晚8点'),
      say(at('10:00:30'), '阿May', '开团 咖啡豆\n价格: 30\n截止: 今晚8点'),
      ...spaced(['Lily', quoted], ['Tom', '「Lily：+3」\n- - - - - - - - - - - - - - -\n好的']),
    ])
    expect(tally(out, 1)).toMatchObject({ sold: 2, buyers: 1 })
    expect(tally(out, 0)).toMatchObject({ sold: 0 })
  })

  it('帮王姐+1 is an entry for 王姐, entered by the sender', async () => {
    const { out } = await run([...start('/launch 蓝莓\n价格: 59\n截止: 今晚8点'), ...spaced(['Lily', '帮王姐+1'])])
    expect(digests(out)[0].text).toContain('王姐 1 份')
    expect(tally(out)).toMatchObject({ sold: 1, buyers: 1 })
  })

  it('words it cannot read get one question with its guess and the reply to send; chatter gets nothing', async () => {
    const { out } = await run([
      ...start(),
      ...spaced(['Lily', '紫色2 3'], ['Tom', '紫色一条多少钱'], ['Ann', '上次的2件还没穿']),
    ])
    expect(digests(out)).toEqual([
      expect.objectContaining({ text: '📣 汇总\n❓ @Lily 没看懂：是要「紫色 2 份」吗？回复「紫色+2」即可' }),
    ])
    expect(tally(out)).toMatchObject({ sold: 0 })
  })
})

describe('the join reader in a private chat', () => {
  it('chatter with a number gets nothing; an explicit /join is told to go to the group', async () => {
    const dm = (time: string, text: string) => ({ at: at(time), from: 'Lily', text })
    const { out } = await run([...start(), dm('10:01', '好的，2点见'), dm('10:02', '减一份'), dm('10:03', '/join 2')])
    expect(out.filter((o) => o.to === 'Lily').map((o) => o.text)).toEqual(['「/join」请在群里发'])
  })
})
