// The native 接龙 parser and diff: the list text as WeChat posts it, pure.
import { describe, expect, it } from 'vitest'
import {
  diffByOwner,
  isChainText,
  lineKey,
  parseChain,
  readLine,
  splitOwner,
  MAX_ENTRY_CHARS,
} from '../../src/core/chain.js'

const STRAWBERRY = `#接龙
【快闪团】丹东99草莓 3斤装 128元/份 限30份 周六20:00截单
例 张三 2份 自提

1. 团长小林
2. 周周 1份 自提
3. 大白 2份 快递

付款请备注序号`

const entries = (text: string) => parseChain(text)!.entries.map((e) => [e.no, e.content])

describe('parseChain: the list as WeChat posts it', () => {
  it('reads header, title, example, entries and tail', () => {
    expect(parseChain(STRAWBERRY)).toEqual({
      header: '接龙',
      title: '【快闪团】丹东99草莓 3斤装 128元/份 限30份 周六20:00截单',
      description: [],
      example: '张三 2份 自提',
      entries: [
        { no: 1, content: '团长小林', line: 5, tooLong: false },
        { no: 2, content: '周周 1份 自提', line: 6, tooLong: false },
        { no: 3, content: '大白 2份 快递', line: 7, tooLong: false },
      ],
      ignored: 0,
      tail: ['付款请备注序号'],
    })
  })

  it.each([
    ['1. 张三', '1.'],
    ['1．张三', 'full-width dot'],
    ['1、张三', '、'],
    ['1,张三', 'comma'],
    ['1，张三', 'full-width comma'],
    ['1:张三', 'colon'],
    ['1：张三', 'full-width colon'],
    ['１．张三', 'full-width digit and dot'],
    ['1。张三', 'ideographic full stop'],
    ['1 . 张三', 'spaces around the dot'],
  ])('numbering 「%s」 (%s)', (line) => {
    expect(entries(`#接龙\n草莓团\n\n${line}`)).toEqual([[1, '张三']])
  })

  it('full-width digits in numbers and quantities are folded', () => {
    expect(entries('#接龙\n草莓团\n\n１２．周周　２份　自提')).toEqual([[12, '周周 2份 自提']])
  })

  it.each([
    ['#Group Note', 'Group Note'],
    ['#group note', 'Group Note'],
    ['#GroupNote', 'Group Note'],
    ['＃接龙', '接龙'],
    ['#接龙', '接龙'],
  ])('header 「%s」', (header, kind) => {
    const l = parseChain(`${header}\nStrawberries 128 yuan\nExample: Ann 2\n\n1. Ann\n2. Bob 2`)!
    expect(l.header).toBe(kind)
    expect(l.entries.map((e) => e.content)).toEqual(['Ann', 'Bob 2'])
  })

  it('a title on the header line', () => {
    const l = parseChain('#接龙 周六草莓团\n\n1. 阿May')!
    expect(l.title).toBe('周六草莓团')
    expect(l.entries).toHaveLength(1)
  })

  it.each(['例 张三 2份', '例如：张三 2份', '例如张三 2份', '格式：张三 2份', '格式: 张三 2份'])(
    'example line 「%s」 is not an entry',
    (ex) => {
      const l = parseChain(`#接龙\n草莓团\n${ex}\n\n1. 阿May`)!
      expect(l.example).toBe('张三 2份')
      expect(l.entries.map((e) => e.content)).toEqual(['阿May'])
    },
  )

  it('blank lines: several before, between and after the entries; a blank entry is skipped', () => {
    const l = parseChain(
      '\n\n#接龙\n草莓团\n\n\n1. 阿May\n\n2. Lily 2份\n3.\n4. Tom\n\n\n付款请备注序号\n周六东门自提\n',
    )!
    expect(l.entries.map((e) => [e.no, e.content])).toEqual([
      [1, '阿May'],
      [2, 'Lily 2份'],
      [4, 'Tom'],
    ])
    expect(l.tail).toEqual(['付款请备注序号', '周六东门自提'])
  })

  it('description lines (even numbered rules) stay out of the entries', () => {
    const l = parseChain('#接龙\n草莓团\n1. 每人限2份\n2. 周六自提\n例 张三 1份\n\n1. 阿May\n2. Lily')!
    expect(l.title).toBe('草莓团')
    expect(l.description).toEqual(['1. 每人限2份', '2. 周六自提'])
    expect(l.entries.map((e) => e.content)).toEqual(['阿May', 'Lily'])
  })

  it('a client that leaves out the blank line before the entries', () => {
    expect(entries('#接龙\n草莓团\n例 张三 1份\n1. 阿May\n2. Lily 2份')).toEqual([
      [1, '阿May'],
      [2, 'Lily 2份'],
    ])
  })

  it('no entries yet', () => {
    expect(parseChain('#接龙\n草莓团\n例 张三 1份')!.entries).toEqual([])
  })

  it('an over-long line is kept for the report, marked too long', () => {
    const long = '张三 ' + '很'.repeat(MAX_ENTRY_CHARS)
    const l = parseChain(`#接龙\n草莓团\n\n1. 阿May\n2. ${long}\n3. Lily`)!
    expect(l.entries.map((e) => e.tooLong)).toEqual([false, true, false])
  })

  it('500 entries', () => {
    const lines = Array.from(
      { length: 500 },
      (_, i) => `${i + 1}. 成员${String(i + 1).padStart(3, '0')} ${1 + (i % 3)}份`,
    )
    const started = performance.now()
    const l = parseChain(`#接龙\n草莓团\n例 张三 1份\n\n${lines.join('\n')}\n\n付款请备注序号`)!
    expect(performance.now() - started).toBeLessThan(500)
    expect(l.entries).toHaveLength(500)
    expect(l.entries[499]).toMatchObject({ no: 500, content: '成员500 2份' })
    expect(l.tail).toEqual(['付款请备注序号'])
  })

  it.each(['接龙 2', '+1', '#2 +1', '草莓团\n1. 阿May', '', '#接龙团'])('「%s」 is not a native list', (text) => {
    expect(isChainText(text)).toBe(false)
    expect(parseChain(text)).toBeNull()
  })
})

describe('splitOwner: whose line it is', () => {
  const names = ['阿May', 'Lily', 'Li', '团长小林', '周周', 'Mary Lee']
  it.each<[string, string, string, boolean]>([
    ['阿May', '阿May', '', true],
    ['阿may 2份', '阿May', '2份', true],
    ['Lily 2份 自提', 'Lily', '2份 自提', true],
    ['Li 1份', 'Li', '1份', true],
    ['Lily2份', 'Lily', '2份', true],
    ['周周1份自提', '周周', '1份自提', true],
    ['Mary Lee 2份', 'Mary Lee', '2份', true],
    ['2份 自提', 'Tom', '2份 自提', false],
    ['+2', 'Tom', '+2', false],
    ['自提', 'Tom', '自提', false],
    ['奶奶 2份', '奶奶', '2份', true],
    ['奶奶2份自提', '奶奶', '2份自提', true],
    ['tom 3份', 'Tom', '3份', true],
    ['周周妈妈 2份', '周周妈妈', '2份', true],
    ['周周妈妈2份', '周周妈妈', '2份', true],
    ['周周自提', '周周', '自提', true],
    ['周周要两份', '周周', '要两份', true],
    ['周周两份', '周周', '两份', true],
    ['周周大果 2份', '周周', '大果 2份', true],
    ['Lily大果', 'Lily', '大果', true],
    ['Lilyan 1份', 'Lilyan', '1份', true],
    // a line that opens with a variant or a quantity has no name part: the poster's
    ['大果 2', 'Tom', '大果 2', false],
    ['大果', 'Tom', '大果', false],
    ['大果自提', 'Tom', '大果自提', false],
    ['大果2份', 'Tom', '大果2份', false],
    ['2份 大果', 'Tom', '2份 大果', false],
    ['两份 大果 自提', 'Tom', '两份 大果 自提', false],
    ['大果妈妈 2份', '大果妈妈', '2份', true],
  ])("「%s」 is %s's (rest 「%s」)", (content, owner, rest, named) => {
    expect(splitOwner(content, names, 'Tom', ['大果'])).toEqual({ owner, rest, named })
  })
})

describe('readLine: what a line asks for', () => {
  it.each<[string, number, string]>([
    ['', 1, ''],
    ['自提', 1, '自提'],
    ['2份 自提', 2, '自提'],
    ['2', 2, ''],
    ['+2', 2, ''],
    ['两盒 快递', 2, '快递'],
    ['大果 3份', 3, '大果'],
    ['1份 3号楼 自提', 1, '3号楼 自提'],
    ['3号楼 自提', 1, '3号楼 自提'],
    ['２份', 2, ''],
  ])('「%s」 → %d, words 「%s」', (text, qty, words) => {
    expect(readLine(text)).toEqual({ ok: true, qty, words })
  })
  it.each<[string, string]>([
    ['0份', 'badNumber'],
    ['1000份', 'badNumber'],
    ['小果 10000', 'badNumber'],
    ['10000', 'badNumber'],
    ['1000', 'badNumber'],
    ['小果10000', 'badNumber'],
    ['大果 2份 自提 13800138000', 'badNumber'],
    ['00001000', 'badNumber'],
    ['-1', 'badNumber'],
    ['大果1份 小果2份', 'manyNumbers'],
    ['大果1份 小果1份', 'manyNumbers'],
    ['+2 3份', 'manyNumbers'],
  ])('「%s」 cannot be read: %s', (text, reason) => {
    expect(readLine(text)).toEqual({ ok: false, reason })
  })
})

describe('diffByOwner', () => {
  const L = (owner: string, rest: string) => ({ owner, key: lineKey(rest) })
  it('the same list, reordered or renumbered, changes nothing', () => {
    const a = [L('阿May', ''), L('Lily', '2份'), L('Tom', '1份 自提')]
    expect(diffByOwner(a, [a[2], a[0], a[1]])).toEqual({ owners: [], fresh: [] })
  })
  it('added, changed and removed owners; fresh lines only', () => {
    const prev = [L('阿May', ''), L('Lily', '2份'), L('Tom', '1份')]
    const next = [L('阿May', ''), L('Lily', '3份'), L('Ann', '1份')]
    expect(diffByOwner(prev, next)).toEqual({
      owners: ['Lily', 'Ann', 'Tom'],
      fresh: [L('Lily', '3份'), L('Ann', '1份')],
    })
  })
  it('a second line for an owner is a change; case and spacing are not', () => {
    expect(diffByOwner([L('Lily', '2份 自提')], [L('lily', '2份  自提')]).owners).toEqual([])
    expect(diffByOwner([L('Lily', '1份')], [L('Lily', '1份'), L('Lily', '1份')])).toEqual({
      owners: ['Lily'],
      fresh: [L('Lily', '1份')],
    })
  })
})
