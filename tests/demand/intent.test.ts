// Proposing a product, naming an intent in a join, launching from an intent: pure.
import { describe, expect, it } from 'vitest'
import {
  extractIntentRef,
  parseLaunchFrom,
  parseRoutedJoin,
  parseWant,
  noteSummary,
  byStrength,
  type Commit,
} from '../../src/core/intent.js'

describe('parseWant', () => {
  it.each<[string, string, number | null, number | null]>([
    ['发酵黄油 目标价 45 需 30 份', '发酵黄油', 4500, 30],
    ['发酵黄油', '发酵黄油', null, null],
    ['发酵黄油 目标价45元', '发酵黄油', 4500, null],
    ['发酵黄油 目标价: 45.5', '发酵黄油', 4550, null],
    ['发酵黄油 期望价格 39.9元/块', '发酵黄油', 3990, null],
    ['发酵黄油 ¥45', '发酵黄油', 4500, null],
    ['发酵黄油 需30份', '发酵黄油', null, 30],
    ['发酵黄油 满 30 份', '发酵黄油', null, 30],
    ['发酵黄油 30份成团', '发酵黄油', null, 30],
    ['发酵黄油 门槛: 30', '发酵黄油', null, 30],
    ['Kerrygold butter target 45 min 30', 'Kerrygold butter', 4500, 30],
    ['总统 发酵黄油 500g, 目标价 45，需 30 份', '总统 发酵黄油 500g', 4500, 30],
    ['Vitamin C 泡腾片', 'Vitamin C 泡腾片', null, null],
  ])('「%s」 → %s, %s fen, %s units', (text, title, price, threshold) => {
    const r = parseWant(text)
    expect(r).toMatchObject({ ok: true, spec: { title, targetPriceFen: price, threshold } })
  })

  it.each<[string, string]>([
    ['', 'noTitle'],
    ['目标价 45', 'noTitle'],
    ['黄油 目标价 0', 'badPrice'],
    ['黄油 需 10 人', 'badThreshold'],
    ['黄油 需 0 份', 'badThreshold'],
    ['有人想要黄油吗', 'question'],
    ['黄'.repeat(41), 'titleTooLong'],
  ])('「%s」 is refused: %s', (text, code) => {
    expect(parseWant(text)).toEqual({ ok: false, code })
  })

  it('terms are noticed (they make 想要 a proposal, not a join)', () => {
    expect(parseWant('黄油 需 30 份')).toMatchObject({ ok: true, hasTerms: true })
    expect(parseWant('2份')).toEqual({ ok: false, code: 'quantityTitle', hasTerms: false })
  })

  it.each<[string, boolean]>([
    ['2份 目标价 40', true],
    ['两盒 需 30 份', true],
    ['+2 目标价 40', true],
    ['2', false],
    ['x3', false],
    ['十份', false],
  ])('「%s」: a title that is only a quantity is no title', (text, hasTerms) => {
    expect(parseWant(text)).toEqual({ ok: false, code: 'quantityTitle', hasTerms })
  })
  it('a title that only starts with a number is one', () => {
    expect(parseWant('2斤装草莓 目标价 40')).toMatchObject({ ok: true, spec: { title: '2斤装草莓' } })
  })
})

describe('intent references in joins', () => {
  it.each<[string, number | null, string]>([
    ['#需求3 +2', 3, '+2'],
    ['+2 #需求3', 3, '+2'],
    ['需求3 +2', 3, '+2'],
    ['+2 需求12', 12, '+2'],
    ['#意向2 我要1份', 2, '我要1份'],
    ['+2', null, '+2'],
    ['我的需求3份', null, '我的需求3份'],
  ])('「%s」 → %s', (text, ref, rest) => {
    expect(extractIntentRef(text)).toEqual({ ref, text: rest })
  })

  it('parseRoutedJoin: the sale path is untouched without an intent reference', () => {
    expect(parseRoutedJoin('+2')).toEqual({ mode: 'set', quantity: 2, saleRef: null, rest: '' })
    expect(parseRoutedJoin('#需求3 +2 无盐')).toEqual({
      mode: 'set',
      quantity: 2,
      saleRef: null,
      rest: '无盐',
      intentRef: 3,
    })
    expect(parseRoutedJoin('#需求3 再加1份')).toMatchObject({ mode: 'add', quantity: 1, intentRef: 3 })
    expect(parseRoutedJoin('#需求3 #2 +1')).toBeNull()
    expect(parseRoutedJoin('需求3')).toBeNull()
  })
})

describe('parseLaunchFrom', () => {
  it.each<[string, number, string | null, string]>([
    ['from 3\n截止: 明天 20:00', 3, null, '截止: 明天 20:00'],
    ['from #3\n价格: 45', 3, null, '价格: 45'],
    ['需求3\n价格: 45', 3, null, '价格: 45'],
    ['#需求 3', 3, null, ''],
    ['需求3 总统发酵黄油 200g\n价格: 45', 3, '总统发酵黄油 200g', '价格: 45'],
  ])('「%s」', (body, no, title, rest) => {
    expect(parseLaunchFrom(body)).toEqual({ no, title, rest })
  })
  it.each(['云南蓝莓\n价格: 59', '3号楼蓝莓\n价格: 59', ''])('「%s」 is a plain launch', (body) => {
    expect(parseLaunchFrom(body)).toBeNull()
  })
})

describe('demand package helpers', () => {
  const c = (name: string, qty: number, note: string | null, at: number): Commit => ({
    name,
    qty,
    note,
    firstAt: at,
    updatedAt: at,
  })
  it('notes counted word by word', () => {
    expect(noteSummary([c('a', 1, '无盐 大块', 1), c('b', 2, '无盐', 2), c('c', 1, null, 3)])).toEqual([
      { word: '无盐', n: 2 },
      { word: '大块', n: 1 },
    ])
  })
  it('strength: units, then members, then the latest commitment', () => {
    const x = { id: 'x', commits: [c('a', 5, null, 1)] }
    const y = { id: 'y', commits: [c('a', 3, null, 1), c('b', 2, null, 2)] }
    const z = { id: 'z', commits: [c('a', 9, null, 1)] }
    expect(byStrength([x, y, z]).map((i) => i.id)).toEqual(['z', 'y', 'x'])
  })
})
