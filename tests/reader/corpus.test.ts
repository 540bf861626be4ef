// The reader on the corpus: what members really type, each message in its set-up.
// Targets: at least 97% read as meant, no phantom order, change or cancel, and no message
// that meant an order left neither read nor asked about.
import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { loadCorpus, score, table, type Scored } from './corpus.js'
import { readOrder } from '../../src/core/reader.js'

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url))
const show = (xs: Scored[]) =>
  xs
    .map(
      (s) =>
        `${s.verdict} ${s.file.split('/').pop()}:${s.line} ${JSON.stringify(s.text)} => ${s.expected}, got ${JSON.stringify(s.reading)}`,
    )
    .join('\n')

describe.each([
  ['corpus.txt', 400],
  ['heldout.txt', 100],
  ['heldout2.txt', 60],
])('reader on %s', (file, least) => {
  const entries = loadCorpus(here(file))
  const scored = entries.map((e) => score(e))
  const all = table(scored).at(-1)!

  it(`has at least ${least} messages, each with a set-up and an outcome`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(least)
  })
  it('invents no order, change or cancel', () => {
    expect(show(scored.filter((s) => s.verdict === 'phantom'))).toBe('')
  })
  it('leaves no message that meant an order neither read nor asked about', () => {
    expect(show(scored.filter((s) => s.verdict === 'ignored'))).toBe('')
  })
  it('reads at least 97% as meant', () => {
    expect(all.meant / all.n, show(scored.filter((s) => s.verdict !== 'meant'))).toBeGreaterThanOrEqual(0.97)
  })
})

describe('the scorer can fail', () => {
  const entries = loadCorpus(here('corpus.txt'))
  it('counts a reader that always joins 1 as phantom orders', () => {
    const eager = (text: string, vocab: Parameters<typeof readOrder>[1]) => {
      const s = vocab.sales[0]
      return s
        ? {
            kind: 'order' as const,
            changes: [{ op: 'set' as const, sale: s.no, item: s.items[0].id, qty: 1 }],
            words: '',
            text,
            forName: null,
          }
        : readOrder(text, vocab)
    }
    const t = table(entries.map((e) => score(e, eager))).at(-1)!
    expect(t.phantom).toBeGreaterThan(50)
  })
  it('counts a reader that never reads as silently ignoring', () => {
    const t = table(entries.map((e) => score(e, () => ({ kind: 'none' })))).at(-1)!
    expect(t.ignored).toBeGreaterThan(300)
    expect(t.meant / t.n).toBeLessThan(0.5)
  })
})

describe('questions back', () => {
  const two = {
    sales: [
      {
        no: 1,
        title: '速干T恤',
        items: [
          { id: 1, name: '紫色' },
          { id: 2, name: '灰色' },
        ],
      },
    ],
  }
  it('asks with its best guess and the reply to send', () => {
    expect(readOrder('紫色2 3', two)).toMatchObject({
      kind: 'ask',
      question: '没看懂：是要「紫色 2 份」吗？回复「紫色+2」即可',
    })
  })
  it('asks which variant when none is named', () => {
    expect(readOrder('我要2件', two)).toMatchObject({ kind: 'ask', reason: 'whichVariant' })
  })
  it('asks nothing with no sale open', () => {
    expect(readOrder('紫色2 3', { sales: [] })).toEqual({ kind: 'none' })
  })
})
