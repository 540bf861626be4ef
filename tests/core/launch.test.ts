import { describe, expect, it } from 'vitest'
import { parseLaunch, type LaunchError, type LaunchSpec } from '../../src/core/launch.js'

const NOW = Date.parse('2026-12-01T10:00:00+08:00')
const sh = (local: string) => Date.parse(`${local}+08:00`)

function ok(body: string, tz?: string): LaunchSpec {
  const r = parseLaunch(body, NOW, tz)
  if (!r.ok) throw new Error(`expected a spec, got ${JSON.stringify(r.error)}`)
  return r.spec
}
function err(body: string): LaunchError {
  const r = parseLaunch(body, NOW)
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.spec)}`)
  return r.error
}

const BLUEBERRY = `云南蓝莓 125g×4盒
价格: 59
限量: 40
限购: 3
截止: 2026-12-04 20:00
成团: 20`

const TSHIRT = `速干T恤
价格: 79
限量: 12
限购: 2
截止: 2026-12-13 20:00
成团: 5
- 黑色 79元 6件
- 白色 79元 6件`

// Smallest valid body; each test changes one line.
const MIN_BODY = '蓝莓\n价格: 59\n截止: 2026-12-04 20:00'
const withLine = (line: string) => `${MIN_BODY}\n${line}`

describe('parseLaunch: the spec examples', () => {
  it('parses the blueberry sale', () => {
    expect(ok(BLUEBERRY)).toEqual({
      title: '云南蓝莓 125g×4盒',
      priceFen: 5900,
      stock: 40,
      limit: 3,
      deadline: sh('2026-12-04T20:00:00'),
      minUnits: 20,
      minMembers: null,
      note: null,
      variants: [],
      extra: {},
    })
  })

  it('parses the T-shirt sale with variants', () => {
    expect(ok(TSHIRT)).toEqual({
      title: '速干T恤',
      priceFen: 7900,
      stock: 12,
      limit: 2,
      deadline: sh('2026-12-13T20:00:00'),
      minUnits: 5,
      minMembers: null,
      note: null,
      variants: [
        { name: '黑色', priceFen: 7900, stock: 6 },
        { name: '白色', priceFen: 7900, stock: 6 },
      ],
      extra: {},
    })
  })

  it('accepts full-width characters, CRLF, blank lines and loose spacing', () => {
    const body = '\r\n  云南蓝莓 125g×4盒  \r\n\r\n价格：５９\r\n限量 ： ４０份\r\n截止：１２－０４ ２０：００\r\n'
    const spec = ok(body)
    expect(spec).toMatchObject({
      title: '云南蓝莓 125g×4盒',
      priceFen: 5900,
      stock: 40,
      deadline: sh('2026-12-04T20:00:00'),
    })
  })
})

describe('parseLaunch: keys and values', () => {
  it.each<[string, Partial<LaunchSpec>]>([
    ['限量: 40', { stock: 40 }],
    ['限量: 40份', { stock: 40 }],
    ['库存: 100000', { stock: 100000 }],
    ['stock: 12', { stock: 12 }],
    ['Stock: 12', { stock: 12 }],
    ['限量: 二十份', { stock: 20 }],
    ['限购: 3', { limit: 3 }],
    ['限购: 3份', { limit: 3 }],
    ['限购: 每人2份', { limit: 2 }],
    ['LIMIT: 999', { limit: 999 }],
    ['成团: 20', { minUnits: 20, minMembers: null }],
    ['成团: 20份', { minUnits: 20, minMembers: null }],
    ['成团: 10人', { minUnits: null, minMembers: 10 }],
    ['min: 10人', { minMembers: 10 }],
    ['说明: 周六下午自提，东门', { note: '周六下午自提,东门' }],
    ['note: pick up at 8:00', { note: 'pick up at 8:00' }],
  ])('%s', (line, expected) => {
    expect(ok(withLine(line))).toMatchObject(expected)
  })

  it.each([
    ['价格: 59', 5900],
    ['价格: 59.9', 5990],
    ['价格: ¥59', 5900],
    ['价格: 59元', 5900],
    ['price: 0.01', 1],
    ['价格: 59元/盒', 5900],
    ['价格: 100000', 10_000_000],
  ])('%s', (line, fen) => {
    expect(ok(`蓝莓\n${line}\n截止: 2026-12-04 20:00`).priceFen).toBe(fen)
  })

  it.each([
    ['截止: 2026-12-04 20:00', '2026-12-04T20:00:00'],
    ['截止: 12月4日晚上8点', '2026-12-04T20:00:00'],
    ['截止: 今晚8点', '2026-12-01T20:00:00'],
    ['deadline: 周五 20:00', '2026-12-04T20:00:00'],
    ['截止: 2小时后', '2026-12-01T12:00:00'],
  ])('%s', (line, local) => {
    expect(ok(`蓝莓\n价格: 59\n${line}`).deadline).toBe(sh(local))
  })

  it('reads the deadline in the group zone', () => {
    expect(ok('蓝莓\n价格: 59\n截止: 12-04 20:00', 'UTC').deadline).toBe(Date.parse('2026-12-04T20:00:00Z'))
  })
})

describe('parseLaunch: variants', () => {
  it.each<[string, { name: string; priceFen: number | null; stock: number | null }]>([
    ['- 大果 69元 20份', { name: '大果', priceFen: 6900, stock: 20 }],
    ['- 黑色 79元 6件', { name: '黑色', priceFen: 7900, stock: 6 }],
    ['- 超大果', { name: '超大果', priceFen: null, stock: null }],
    ['- 大果 20份', { name: '大果', priceFen: null, stock: 20 }],
    ['- 大果 69', { name: '大果', priceFen: 6900, stock: null }],
    ['- 大果 20份 69元', { name: '大果', priceFen: 6900, stock: 20 }],
    ['- 大果 ¥69.5', { name: '大果', priceFen: 6950, stock: null }],
    ['-大果 69元', { name: '大果', priceFen: 6900, stock: null }],
    ['－ 大果 69元', { name: '大果', priceFen: 6900, stock: null }],
    ['— 大果 69元', { name: '大果', priceFen: 6900, stock: null }],
    ['- 特级 大果 69元', { name: '特级 大果', priceFen: 6900, stock: null }],
    ['- 2斤装 39元', { name: '2斤装', priceFen: 3900, stock: null }],
    ['- 2斤 39元', { name: '2斤', priceFen: 3900, stock: null }],
  ])('%s', (line, variant) => {
    expect(ok(withLine(line)).variants).toEqual([variant])
  })

  it('takes the lowest variant price when 价格 is omitted and every variant has one', () => {
    const spec = ok('蓝莓\n截止: 2026-12-04 20:00\n- 大果 69元\n- 小果 49元')
    expect(spec.priceFen).toBe(4900)
  })

  it('keeps an explicit 价格 even when variants are cheaper', () => {
    expect(ok(`${MIN_BODY}\n- 小果 49元`).priceFen).toBe(5900)
  })
})

describe('parseLaunch: errors', () => {
  it.each<[string, string, LaunchError]>([
    ['empty body', '', { code: 'noTitle' }],
    ['blank lines only', '\n  \n', { code: 'noTitle' }],
    ['first line is a key', '价格: 59\n截止: 2026-12-04 20:00', { code: 'noTitle' }],
    ['first line is a variant', '- 大果 69元\n截止: 2026-12-04 20:00', { code: 'noTitle' }],
    [
      'title too long',
      `${'蓝'.repeat(61)}\n价格: 59\n截止: 2026-12-04 20:00`,
      { code: 'badLine', line: '蓝'.repeat(61) },
    ],
    ['no price', '蓝莓\n截止: 2026-12-04 20:00', { code: 'noPrice' }],
    ['a variant without price', '蓝莓\n截止: 2026-12-04 20:00\n- 大果 69元\n- 小果', { code: 'noPrice' }],
    ['no deadline', '蓝莓\n价格: 59', { code: 'noDeadline' }],
    [
      'past deadline',
      '蓝莓\n价格: 59\n截止: 2026-11-30 20:00',
      { code: 'pastDeadline', line: '截止: 2026-11-30 20:00' },
    ],
    [
      'deadline exactly now',
      '蓝莓\n价格: 59\n截止: 2026-12-01 10:00',
      { code: 'pastDeadline', line: '截止: 2026-12-01 10:00' },
    ],
    [
      'past deadline keeps the original line',
      '蓝莓\n价格: 59\n截止：今天 ９:００',
      { code: 'pastDeadline', line: '截止：今天 ９:００' },
    ],
    ['duplicate variant', `${MIN_BODY}\n- 大果 69元\n- 大果 79元`, { code: 'duplicateVariant', line: '- 大果 79元' }],
    [
      'duplicate variant, loosely equal',
      `${MIN_BODY}\n- 大果 69元\n-  【大果】`,
      { code: 'duplicateVariant', line: '-  【大果】' },
    ],
  ])('%s', (_name, body, expected) => {
    expect(err(body)).toEqual(expected)
  })

  it.each([
    '阶梯: 10份9折', // reserved for later, not accepted yet
    '取货: 东门', // 自提 is a key; an unknown key such as 取货 is still refused
    '颜色: 红',
    '随便写点什么',
    '价格 59',
    '价格:',
    '价格: 0',
    '价格: -5',
    '价格: 59.999',
    '价格: 100000.01',
    '价格: 很便宜',
    '价格: 69', // duplicate key
    '限量: 0',
    '限量: 100001',
    '限量: 1.5',
    '限量: 不限',
    '限量: 每人3份',
    '限购: 0',
    '限购: 1000',
    '成团: 0',
    '成团: 10组人',
    '截止: 某天',
    '说明:',
    '- 大果 69元 70元',
    '- 大果 20份 30份',
    '- 大果 0元',
    '- 大果 0份',
    '- 大果 69元 好吃',
    `- ${'大'.repeat(21)} 69元`,
    '-',
  ])('badLine: %s', (line) => {
    expect(err(withLine(line))).toEqual({ code: 'badLine', line })
  })

  it('reports the first problem line in order', () => {
    expect(err(`${MIN_BODY}\n乱写\n价格: 69`)).toEqual({ code: 'badLine', line: '乱写' })
  })

  it('reports a bad line before a missing price or deadline', () => {
    expect(err('蓝莓\n乱写')).toEqual({ code: 'badLine', line: '乱写' })
  })

  it('reports noPrice before noDeadline', () => {
    expect(err('蓝莓')).toEqual({ code: 'noPrice' })
  })
})
