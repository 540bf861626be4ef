// "Which sale?" has one answer: findSale. By number (in the phase the command needs), else the
// only candidate, else the only one the member's words name; several left is one question.
import { describe, expect, it } from 'vitest'
import { at, group, run, say } from '../harness.js'
import { findSale, type SaleQuery } from '../../src/services/sales.js'
import { groupByTopic, loadBook, openSales } from '../../src/engine/repo.js'

const launch = (title: string) => `/launch ${title}\n价格: 59\n截止: 2026-12-04 20:00`

async function threeSales() {
  // 团1 closed; 团2 蓝莓 and 团3 车厘子 (with variants 大果 / 超大果) open
  const { app } = await run([
    group(at('10:00')),
    say(at('10:01'), '阿May', launch('草莓')),
    say(at('10:02'), '阿May', '截单 #1'),
    say(at('10:03'), '阿May', launch('云南蓝莓')),
    say(at('10:04'), '阿May', `${launch('智利车厘子')}\n- 大果 89元\n- 超大果 109元`),
  ])
  const g = groupByTopic(app.db, '烘焙同好群')!
  const open = openSales(app.db, g.id)
  const base: SaleQuery = {
    ref: null,
    need: 'open',
    among: open,
    phase: 'open',
    example: (no) => `#${no} +1`,
    none: 'sale.none',
  }
  const find = (q: Partial<Omit<SaleQuery, 'words'>> & { words?: string }) => {
    const r = findSale(app.db, g, {
      ...base,
      ...q,
      words: q.words === undefined ? undefined : { text: q.words, bookOf: (s) => loadBook(app.db, s) },
    })
    return r.ok ? `团${r.sale.no}` : r.refusal === null ? 'silence' : r.refusal.reply
  }
  return { find, open }
}

describe('findSale', () => {
  it.each([
    ['a number of an open sale', { ref: 3 }, '团3'],
    ['a number that does not exist', { ref: 9 }, '没有找到团9。'],
    ['a closed sale where an open one is needed', { ref: 1 }, '团1 已结束，不能再改动。'],
    ['a closed sale where any will do', { ref: 1, need: 'any' as const }, '团1'],
    ['an open sale where a 成团 one is needed', { ref: 2, need: 'succeeded' as const }, expect.stringContaining('团2')],
    ['a title word naming one of several', { words: '蓝莓 +2' }, '团2'],
    ['a variant naming one of several', { words: '+1 超大果' }, '团3'],
    ['several and no words', {}, '现在有多个团在进行：团2 云南蓝莓、团3 智利车厘子，请加上团号，例如「#2 +1」'],
    [
      'several of any phase',
      { phase: 'any' as const },
      '有多个团：团2 云南蓝莓、团3 智利车厘子，请加团号，例如「#2 +1」',
    ],
    ['nothing to choose from', { among: [] }, '群里现在没有进行中的团。'],
    ['nothing to choose from, said silently', { among: [], none: null }, 'silence'],
  ])('%s', async (_, q, expected) => {
    const { find } = await threeSales()
    expect(find(q)).toEqual(expected)
  })

  it('takes the only candidate without asking', async () => {
    const { find, open } = await threeSales()
    expect(find({ among: open.slice(1) })).toBe('团3')
  })
})
