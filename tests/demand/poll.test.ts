// Poll and vote forms, and the result board: pure.
import { describe, expect, it } from 'vitest'
import {
  parsePoll,
  parseVote,
  resolvePicks,
  resultText,
  tally,
  leaders,
  type PollError,
  type PollSpec,
  type PollView,
} from '../../src/core/poll.js'

const NOW = Date.parse('2026-12-01T10:00:00+08:00')
const ok = (body: string): PollSpec => {
  const r = parsePoll(body, NOW, 'Asia/Shanghai')
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.spec
}
const err = (body: string): PollError => {
  const r = parsePoll(body, NOW, 'Asia/Shanghai')
  if (r.ok) throw new Error(JSON.stringify(r.spec))
  return r.error
}

describe('parsePoll', () => {
  it('question, numbered options, deadline, multi and anonymous', () => {
    expect(ok('下周想团什么？\n1. 蓝莓\n2. 草莓\n3. 车厘子\n截止: 明天 20:00\n多选 2\n匿名')).toEqual({
      question: '下周想团什么?',
      options: ['蓝莓', '草莓', '车厘子'],
      maxChoices: 2,
      anonymous: true,
      deadline: Date.parse('2026-12-02T20:00:00+08:00'),
    })
  })

  it.each([
    ['1. 蓝莓\n2. 草莓', 'numbered'],
    ['1、蓝莓\n2、草莓', 'numbered with 、'],
    ['１．蓝莓\n２．草莓', 'full-width numbers'],
    ['(1) 蓝莓\n(2) 草莓', 'parenthesised'],
    ['- 蓝莓\n- 草莓', 'dashes'],
    ['• 蓝莓\n• 草莓', 'bullets'],
    ['A 蓝莓\nB 草莓', 'letters'],
    ['A. 蓝莓\nB. 草莓', 'letters with dots'],
    ['A蓝莓\nB草莓', 'capitals glued to the option'],
    ['a) 蓝莓\nb) 草莓', 'lower-case letters'],
  ])('options as %s (%s)', (opts) => {
    expect(ok(`周末烤什么\n${opts}`).options).toEqual(['蓝莓', '草莓'])
  })

  it.each<[string, number]>([
    ['多选', 3],
    ['multi', 3],
    ['多选 2', 2],
    ['多选: 2项', 2],
    ['multi 1', 1],
  ])('「%s」 allows %d choices', (line, n) => {
    expect(ok(`问\n1. a\n2. b\n3. c\n${line}`).maxChoices).toBe(n)
  })

  it.each(['匿名', 'anonymous', 'Anonymous'])('「%s」 hides names', (line) => {
    expect(ok(`问\n1. a\n2. b\n${line}`).anonymous).toBe(true)
  })

  it.each<[string, PollError]>([
    ['', { code: 'noQuestion' }],
    ['1. 蓝莓\n2. 草莓', { code: 'noQuestion' }],
    ['问\n1. 蓝莓', { code: 'tooFewOptions' }],
    ['问\n1. 蓝莓\n2. 蓝 莓', { code: 'duplicateOption', line: '2. 蓝 莓' }],
    ['问\n1. a\n2. b\n随便写写', { code: 'badLine', line: '随便写写' }],
    ['问\n1. a\n2. b\n截止: 改天再说', { code: 'badLine', line: '截止: 改天再说' }],
    ['问\n1. a\n2. b\n截止: 2026-11-30 20:00', { code: 'pastDeadline', line: '截止: 2026-11-30 20:00' }],
    ['问\n1. a\n2. b\n多选 3', { code: 'badLine', line: '多选 3' }],
    [`问\n${Array.from({ length: 21 }, (_, i) => `${i + 1}. o${i}`).join('\n')}`, { code: 'tooManyOptions' }],
    [`${'问'.repeat(61)}\n1. a\n2. b`, { code: 'badLine', line: '问'.repeat(61) }],
  ])('refuses %j', (body, e) => {
    expect(err(body)).toEqual(e)
  })
})

describe('parseVote', () => {
  it.each<[string, number | null, string[]]>([
    ['/vote 2', null, ['2']],
    ['/vote 2,3', null, ['2', '3']],
    ['/vote B', null, ['B']],
    ['/vote #1 2', 1, ['2']],
    ['/vote #投票2 A', 2, ['A']],
    ['投2', null, ['2']],
    ['投 2', null, ['2']],
    ['投2号', null, ['2']],
    ['投 2,3', null, ['2', '3']],
    ['投 2，3', null, ['2', '3']],
    ['投 2、3', null, ['2', '3']],
    ['投 2 3', null, ['2', '3']],
    ['投二', null, ['二']],
    ['投B', null, ['B']],
    ['选B', null, ['B']],
    ['选 b', null, ['b']],
    ['选AC', null, ['A', 'C']],
    ['选2', null, ['2']],
    ['投１', null, ['1']],
    ['#投票1 2', 1, ['2']],
    ['#投票1 2,3', 1, ['2', '3']],
    ['#投票1 投2', 1, ['2']],
    ['#投票1 选B', 1, ['B']],
    ['#投票12 1', 12, ['1']],
    ['投票1 2', 1, ['2']],
  ])('「%s」 → poll %s, picks %j', (text, pollRef, picks) => {
    expect(parseVote(text)).toEqual({ pollRef, picks })
  })

  it.each([
    '投资',
    '选个好日子',
    '投2个',
    '选B吧',
    '投票',
    '投票 周末',
    '#投票1',
    '投',
    '投 ok',
    '+2',
    '我投2票给你',
    '投2'.repeat(40),
  ])('「%s」 is not a vote', (text) => {
    expect(parseVote(text)).toBeNull()
  })
})

describe('resolvePicks', () => {
  it('numbers and letters name the same options; duplicates collapse', () => {
    expect(resolvePicks(['2', 'b', '二'], 3, 1)).toEqual({ ok: true, choices: [1] })
    expect(resolvePicks(['C', '1'], 3, 2)).toEqual({ ok: true, choices: [0, 2] })
  })
  it('a missing option or too many choices', () => {
    expect(resolvePicks(['4'], 3, 1)).toEqual({ ok: false, code: 'missing', pick: '4' })
    expect(resolvePicks(['D'], 3, 1)).toEqual({ ok: false, code: 'missing', pick: 'D' })
    expect(resolvePicks(['0'], 3, 1)).toEqual({ ok: false, code: 'missing', pick: '0' })
    expect(resolvePicks(['1', '2'], 3, 1)).toEqual({ ok: false, code: 'tooMany' })
  })
})

describe('the result board', () => {
  const poll: PollView = {
    no: 1,
    question: '下周团什么?',
    options: ['蓝莓', '草莓', '车厘子'],
    maxChoices: 1,
    anonymous: false,
    deadline: null,
    state: 'closed',
  }
  const ballots = [
    { name: 'Lily', choices: [0] },
    { name: 'Tom', choices: [1] },
    { name: 'Ann', choices: [0] },
    { name: 'Bob', choices: [2] },
  ]

  it('counts, percentages, a bar per option, names and the winner', () => {
    expect(resultText(poll, ballots)).toBe(
      [
        '📊 投票1 结果：下周团什么?（4 人投票）',
        '1. 蓝莓 █████░░░░░ 2 票 50%：Lily、Ann',
        '2. 草莓 ███░░░░░░░ 1 票 25%：Tom',
        '3. 车厘子 ███░░░░░░░ 1 票 25%：Bob',
        '🏆 胜出：蓝莓',
      ].join('\n'),
    )
  })

  it('anonymous: counts only, never names', () => {
    const text = resultText({ ...poll, anonymous: true }, ballots)
    expect(text).toContain('（4 人投票，匿名）')
    for (const b of ballots) expect(text).not.toContain(b.name)
  })

  it('a tie and no votes', () => {
    expect(resultText(poll, ballots.slice(0, 2))).toContain('🤝 平票：蓝莓、草莓（各 1 票）')
    expect(resultText(poll, [])).toBe('📊 投票1 结果：下周团什么?（0 人投票）\n没有人投票。')
  })

  it('multi-choice percentages are of voters', () => {
    const t = tally(3, [
      { name: 'a', choices: [0, 1] },
      { name: 'b', choices: [0] },
    ])
    expect(t).toEqual({ counts: [2, 1, 0], voters: 2 })
    expect(leaders(t)).toEqual([0])
  })
})
