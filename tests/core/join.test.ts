import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { extractSaleRef, parseJoin } from '../../src/core/join.js'

type Row = [text: string, mode: 'set' | 'add', quantity: number, saleRef: number | null, rest: string]

describe('parseJoin: forms that set the total', () => {
  it.each<Row>([
    ['+1', 'set', 1, null, ''],
    ['+2', 'set', 2, null, ''],
    ['＋２', 'set', 2, null, ''],
    ['+12', 'set', 12, null, ''],
    ['+999', 'set', 999, null, ''],
    ['+两份', 'set', 2, null, ''],
    ['+十二', 'set', 12, null, ''],
    ['+2份', 'set', 2, null, ''],
    ['+1 大果', 'set', 1, null, '大果'],
    ['+1大果', 'set', 1, null, '大果'],
    ['+1份大果', 'set', 1, null, '大果'],
    ['+2 自提东门', 'set', 2, null, '自提东门'],
    ['+1 咖啡豆', 'set', 1, null, '咖啡豆'],
    ['+1 3号楼', 'set', 1, null, '3号楼'],
    ['+1 谢谢团长', 'set', 1, null, ''],
    ['+1 我要大果', 'set', 1, null, '大果'],
    ['+1，大果！', 'set', 1, null, '大果'],
    ['+1 大果 自提东门', 'set', 1, null, '大果 自提东门'],
    ['#2 +1', 'set', 1, 2, ''],
    ['#2+1', 'set', 1, 2, ''],
    ['团2 +1', 'set', 1, 2, ''],
    ['#团2 +1', 'set', 1, 2, ''],
    ['＃２ ＋１', 'set', 1, 2, ''],
    ['+1 #3', 'set', 1, 3, ''],
    ['+1 大果 团2', 'set', 1, 2, '大果'],
    ['/join', 'set', 1, null, ''],
    ['/JOIN', 'set', 1, null, ''],
    ['/join 2', 'set', 2, null, ''],
    ['/join2', 'set', 2, null, ''],
    ['/join 两份 大果', 'set', 2, null, '大果'],
    ['/join 大果', 'set', 1, null, '大果'],
    ['/join #2', 'set', 1, 2, ''],
    ['接龙 2', 'set', 2, null, ''],
    ['接龙2', 'set', 2, null, ''],
    ['接龙+1', 'set', 1, null, ''],
    ['我要2份', 'set', 2, null, ''],
    ['我要2', 'set', 2, null, ''],
    ['要2', 'set', 2, null, ''],
    ['要两盒', 'set', 2, null, ''],
    ['我要一件黑色', 'set', 1, null, '黑色'],
    ['我也要一份', 'set', 1, null, ''],
    ['我想要3个', 'set', 3, null, ''],
    ['大果要2份', 'set', 2, null, '大果'],
    ['我要2份，大果', 'set', 2, null, '大果'],
    ['2份', 'set', 2, null, ''],
    ['２份', 'set', 2, null, ''],
    ['白色 2件', 'set', 2, null, '白色'],
    ['大果 2份', 'set', 2, null, '大果'],
    ['3号楼 2份', 'set', 2, null, '3号楼'],
    ['2份 自提东门', 'set', 2, null, '自提东门'],
    ['十二份', 'set', 12, null, ''],
    ['二十盒', 'set', 20, null, ''],
    ['九十九份', 'set', 99, null, ''],
    ['十份', 'set', 10, null, ''],
    ['两箱', 'set', 2, null, ''],
    ['我要2人份', 'set', 2, null, ''],
    ['参团2份', 'set', 2, null, ''],
    ['#团3 我要2份，大果', 'set', 2, 3, '大果'],
    ['+1\u200B', 'set', 1, null, ''],
    ['\u202E+1', 'set', 1, null, ''],
  ])('%j', (text, mode, quantity, saleRef, rest) => {
    expect(parseJoin(text)).toEqual({ mode, quantity, saleRef, rest })
  })
})

describe('parseJoin: forms that add on top', () => {
  it.each<Row>([
    ['加1份', 'add', 1, null, ''],
    ['加2', 'add', 2, null, ''],
    ['再来2份', 'add', 2, null, ''],
    ['再加1', 'add', 1, null, ''],
    ['再加一份', 'add', 1, null, ''],
    ['再要一盒', 'add', 1, null, ''],
    ['我再加2份', 'add', 2, null, ''],
    ['追加1份 大果', 'add', 1, null, '大果'],
    ['#2 再加1份', 'add', 1, 2, ''],
    ['再来两份大果', 'add', 2, null, '大果'],
  ])('%j', (text, mode, quantity, saleRef, rest) => {
    expect(parseJoin(text)).toEqual({ mode, quantity, saleRef, rest })
  })
})

describe('parseJoin: not a join', () => {
  it.each([
    // minus in any form
    '-2',
    '−2',
    '－2',
    '‒2',
    '—2',
    '+-2',
    '-0',
    '-1 大果',
    '我要-2份',
    '大果 -2份',
    // zero, too many, not an integer
    '+0',
    '0份',
    '我要0份',
    '+1000',
    '我要1000份',
    '+9999999999',
    '+1.5',
    '1.5份',
    '+1e309',
    '1e309',
    '0x10',
    '+0x10',
    // a bare plus, or a plus not glued to a number / not opening the message
    '+',
    '+ ',
    '+ 2',
    '++1',
    '+abc',
    '大果+1',
    '大果 +1份',
    // bare numbers and non-quantities
    '2',
    '两',
    '125g',
    '+125g',
    '我要125g',
    '3号楼',
    '+2号楼',
    '59元',
    '要2个小时',
    '+1个小时',
    '8点',
    '2天',
    // chatter
    '',
    '   ',
    '你好',
    '谢谢团长',
    '我家孩子要2个小时才能到',
    '昨天买了3斤苹果好好吃',
    '买了3斤',
    '还有2份吗',
    '有一个问题',
    '我要一样的',
    '要一些',
    '不要2份了',
    '别加2份',
    '第2个',
    '2个人',
    '要2份吗?',
    '今天天气不错我要2份送给邻居家的小朋友',
    '十二点',
    '一起去',
    // ambiguous
    '大果2份 小果1份',
    '#2 #3 +1',
    // too long
    '+1 ' + '很'.repeat(200),
  ])('%j', (text) => {
    expect(parseJoin(text)).toBeNull()
  })

  it('accepts a long +N message up to 200 characters', () => {
    expect(parseJoin('+1 ' + '很'.repeat(197))?.quantity).toBe(1)
    expect(parseJoin('+1 ' + '很'.repeat(198))).toBeNull()
  })
})

describe('parseJoin never throws', () => {
  const noisy = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '+',
        '-',
        '−',
        '＋',
        '#',
        '团',
        '份',
        '两',
        '十',
        '要',
        '加',
        '再',
        '接龙',
        '/join',
        ' ',
        '\n',
        '\r',
        '\u0000',
        '\u200B',
        '\u202E',
        '\uD800',
        '.',
        'e',
        '9',
      ),
      fc.string({ unit: 'binary', maxLength: 1 }),
    ),
    maxLength: 60,
  })

  it('on random strings with control characters', () => {
    fc.assert(
      fc.property(noisy, (s) => {
        const r = parseJoin(s)
        if (r !== null) {
          expect(Number.isInteger(r.quantity) && r.quantity >= 1 && r.quantity <= 999).toBe(true)
          expect(r.rest).toBe(r.rest.trim())
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('on long binary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 10_000 }), (s) => {
        parseJoin(s)
      }),
      { numRuns: 200 },
    )
    expect(parseJoin('\u0000'.repeat(10_000))).toBeNull()
    expect(parseJoin('+1'.repeat(5_000))).toBeNull()
  })
})

describe('extractSaleRef', () => {
  it.each([
    ['#2 +1', 2, '+1'],
    ['#2', 2, ''],
    ['# 2 大果', 2, '大果'],
    ['团2 +1', 2, '+1'],
    ['#团2', 2, ''],
    ['#团12 2h', 12, '2h'],
    ['+1 #3', 3, '+1'],
    ['＃２ 大果', 2, '大果'],
    ['大果 团5', 5, '大果'],
    ['开团2', null, '开团2'],
    ['参团2份', null, '参团2份'],
    ['#0', null, '#0'],
    ['#2.5', null, '#2.5'],
    ['+1', null, '+1'],
  ])('%j', (text, ref, rest) => {
    expect(extractSaleRef(text)).toEqual({ ref, text: rest })
  })
})
