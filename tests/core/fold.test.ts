// Long texts are split into at most three messages of at most 1,500 characters; the rest is counted.
import { describe, expect, it } from 'vitest'
import { defuseEveryone, fitText, isEveryone, MAX_CHARS } from '../../src/core/fold.js'

const tail = (n: number) => `还有 ${n} 条`
const len = (s: string) => [...s].length

describe('fitText', () => {
  it('leaves a short text alone', () => {
    expect(fitText('一行\n两行', tail)).toEqual({ parts: ['一行\n两行'], omitted: 0 })
  })

  it('splits at line breaks when three parts are enough, losing nothing', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `@成员${i}：2 份 × ¥59，应付 ¥118`)
    const r = fitText(lines.join('\n'), tail)
    expect(r.omitted).toBe(0)
    expect(r.parts.length).toBeGreaterThan(1)
    expect(r.parts.length).toBeLessThanOrEqual(3)
    for (const p of r.parts) expect(len(p)).toBeLessThanOrEqual(MAX_CHARS)
    expect(r.parts.join('\n')).toBe(lines.join('\n'))
  })

  it('folds what does not fit into three parts and counts it', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `@成员${i}：1 份 × ¥59，应付 ¥59`)
    const r = fitText(lines.join('\n'), tail)
    expect(r.parts).toHaveLength(3)
    for (const p of r.parts) expect(len(p)).toBeLessThanOrEqual(MAX_CHARS)
    const shown = r.parts
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('@')).length
    expect(shown + r.omitted).toBe(600)
    expect(r.parts[2].endsWith(`还有 ${r.omitted} 条`)).toBe(true)
  })

  it('breaks one very long line of names at its separators', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `名字${i}`).join('、')
    const r = fitText(`候补：${names}`, tail)
    expect(r.parts).toHaveLength(3)
    for (const p of r.parts) expect(len(p)).toBeLessThanOrEqual(MAX_CHARS)
    // no name is cut in two
    expect(r.parts[1].startsWith('名字')).toBe(true)
  })
})

describe('nobody is @everyone', () => {
  it.each(['所有人', '@所有人', '@all', 'ALL', '＠All', ' everyone '])('%s is an everyone-name', (n) =>
    expect(isEveryone(n)).toBe(true),
  )
  it.each(['Allen', '所有人的妈妈', 'Lily'])('%s is not', (n) => expect(isEveryone(n)).toBe(false))
  it('the @ before an everyone-name is removed, others kept', () => {
    expect(defuseEveryone('@所有人 你好 @all @Allen @Lily')).toBe('所有人 你好 all @Allen @Lily')
  })
})
