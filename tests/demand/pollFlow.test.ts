// A poll from open to result, as the group sees it.
import { describe, expect, it } from 'vitest'
import { at, group, run, say, texts, type In, type OutLine } from '../harness.js'

const POLL = '/poll 下周想团什么？\n1. 蓝莓\n2. 草莓\n3. 车厘子\n截止: 今晚8点'
const open = (body = POLL): In[] => [group(at('10:00')), say(at('10:00:05'), 'Lily', body)]
const results = (out: OutLine[]) => out.filter((o) => o.text.startsWith('📊'))

describe('a poll from open to result', () => {
  it('opens, folds votes into digests, closes at the deadline with one result board', async () => {
    const { out } = await run([
      ...open(),
      say(at('10:01'), 'Tom', '投1'),
      say(at('10:01:01'), 'Ann', '选B'),
      say(at('10:01:02'), 'Bob', '/vote 1'),
      say(at('10:01:03'), '阿May', '投 1'),
      say(at('10:05'), 'Tom', '投2'), // replaces the earlier vote
      say(at('10:06'), 'Ann', '选B'), // the same vote again: nothing new
      { at: at('20:00:30') },
      say(at('20:01'), 'Lily', '投3'),
    ])
    expect(out[0]).toMatchObject({
      at: '2026-12-01T10:00:05.000+08:00',
      mentions: [],
      text: '🗳 投票1：下周想团什么?\n1. 蓝莓\n2. 草莓\n3. 车厘子\n单选 · 12月1日 20:00 截止\n回复「投1」投票，改主意直接重投',
    })
    // never one reply per vote: four votes in a few seconds are at most two digests
    const progress = out.filter((o) => o.text.startsWith('【投票1'))
    expect(progress.length).toBeLessThanOrEqual(3)
    expect(progress.at(-1)!.text).toBe(
      '【投票1 下周想团什么?】已有 4 人投票\n1. 蓝莓 2 · 2. 草莓 2 · 3. 车厘子 0\n🗳 新投票：Tom',
    )
    expect(results(out)).toEqual([
      {
        at: '2026-12-01T20:00:00.000+08:00',
        room: '烘焙同好群',
        mentions: [],
        text: [
          '📊 投票1 结果：下周想团什么?（4 人投票）',
          '1. 蓝莓 █████░░░░░ 2 票 50%：Bob、阿May',
          '2. 草莓 █████░░░░░ 2 票 50%：Ann、Tom',
          '3. 车厘子 ░░░░░░░░░░ 0 票 0%',
          '🤝 平票：蓝莓、草莓（各 2 票）',
        ].join('\n'),
      },
    ])
    // a vote after the close gets one short answer, in the digest
    expect(out.at(-1)).toMatchObject({ mentions: ['Lily'], text: '📣 汇总\n🚫 @Lily 投票1 已结束，不能再投了。' })
  })

  it('结束投票 closes early, once; the deadline then does nothing', async () => {
    const { out } = await run([
      ...open(),
      say(at('10:01'), 'Tom', '投3'),
      say(at('10:02'), 'Lily', '结束投票'),
      say(at('10:03'), 'Lily', '结束投票'),
      { at: at('21:00') },
    ])
    expect(results(out).map((o) => o.text)).toEqual([
      '📊 投票1 结果：下周想团什么?（1 人投票）\n1. 蓝莓 ░░░░░░░░░░ 0 票 0%\n2. 草莓 ░░░░░░░░░░ 0 票 0%\n3. 车厘子 ██████████ 1 票 100%：Tom\n🏆 胜出：车厘子',
    ])
    expect(texts(out).at(-1)).toBe('📣 汇总\n🚫 @Lily 群里现在没有进行中的投票。')
  })

  it("only the poll's creator or an organizer may close it", async () => {
    const { out } = await run([
      ...open(),
      say(at('10:01'), 'Tom', '/poll close'),
      say(at('10:02'), '阿May', '/poll close'),
    ])
    expect(texts(out)).toContain('📣 汇总\n🚫 @Tom 只有发起人或管理员可以结束投票1')
    expect(results(out)).toHaveLength(1)
  })

  it('multi-choice and anonymous: up to N picks, counts without names', async () => {
    const { out } = await run([
      ...open('/poll 周末做什么\nA 蛋糕\nB 面包\nC 饼干\n多选 2\n匿名'),
      say(at('10:01'), 'Tom', '投 A,C'),
      say(at('10:02'), 'Ann', '选ABC'),
      say(at('10:03'), 'Bob', '选B'),
      say(at('10:04'), 'Lily', '结束投票'),
    ])
    expect(out[0].text).toBe(
      '🗳 投票1：周末做什么\n1. 蛋糕\n2. 面包\n3. 饼干\n最多选 2 项 · 匿名（只公布票数）\n回复「投1」投票，多选如「投 1,3」，改主意直接重投',
    )
    const digestText = texts(out)
      .filter((t) => t.includes('投票1 周末做什么】'))
      .join('\n')
    expect(digestText).not.toMatch(/Tom|Bob/)
    expect(texts(out)).toContain('📣 汇总\n🚫 @Ann 投票1 最多选 2 项')
    expect(results(out)[0].text).toBe(
      '📊 投票1 结果：周末做什么（2 人投票，匿名）\n1. 蛋糕 █████░░░░░ 1 票 50%\n2. 面包 █████░░░░░ 1 票 50%\n3. 饼干 █████░░░░░ 1 票 50%\n🤝 平票：蛋糕、面包、饼干（各 1 票）',
    )
  })

  it('several polls: a vote without a number gets one question; #投票2 picks', async () => {
    const { out } = await run([
      ...open(),
      say(at('10:01'), 'Lily', '/poll 哪天自提\n1. 周六\n2. 周日'),
      say(at('10:02'), 'Tom', '投1'),
      say(at('10:02:30'), 'Tom', '#投票2 2'),
      say(at('10:03'), 'Ann', '投票1 3'),
      say(at('10:04'), 'Bob', '#投票3 1'),
    ])
    const all = texts(out).join('\n\n')
    expect(all).toContain('❓ @Tom 现在有多个投票：投票1 下周想团什么?、投票2 哪天自提，请写明投哪个，例如「#投票1 1」')
    expect(all).toContain('【投票2 哪天自提】已有 1 人投票\n1. 周六 0 · 2. 周日 1\n🗳 新投票：Tom')
    expect(all).toContain('【投票1 下周想团什么?】已有 1 人投票\n1. 蓝莓 0 · 2. 草莓 0 · 3. 车厘子 1\n🗳 新投票：Ann')
    expect(all).toContain('🚫 @Bob 没有找到投票3。')
    expect(out[1].text).toContain('回复「#投票2 1」投票')
  })

  it('a malformed poll gets the usage; chatter that starts with 投票 or 投 gets nothing', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00:05'), 'Lily', '/poll 下周团什么\n1. 蓝莓'),
      say(at('10:01'), 'Tom', '投票 吧'),
      say(at('10:02'), 'Tom', '投 资理财'),
      say(at('10:03'), 'Tom', '投2'), // no poll has ever been open: chatter
    ])
    expect(texts(out)).toEqual([
      '投票至少要两个选项，每行一个\n例如：\n/poll 下周想团什么？\n1. 蓝莓\n2. 草莓\n3. 车厘子\n截止: 明天 20:00\n多选 2',
    ])
  })

  it('投票 alone shows the standings of open polls', async () => {
    const { out } = await run([...open(), say(at('10:01'), 'Tom', '投1'), say(at('10:02'), 'Ann', '投票')])
    expect(out.at(-1)!.text).toBe(
      '🗳 投票1：下周想团什么?（进行中，已有 1 人投票）\n1. 蓝莓 ██████████ 1 票 100%\n2. 草莓 ░░░░░░░░░░ 0 票 0%\n3. 车厘子 ░░░░░░░░░░ 0 票 0%\n单选 · 12月1日 20:00 截止\n回复「投1」投票，改主意直接重投',
    )
  })

  it('the deadline survives a restart: the result goes out once after it', async () => {
    const { tmpDb } = await import('../harness.js')
    const db = tmpDb()
    const first = await run([...open(), say(at('10:01'), 'Tom', '投1')], db)
    first.app.close()
    const second = await run([{ at: at('21:00') }], db)
    expect(results(second.out).map((o) => o.at)).toEqual(['2026-12-01T21:00:00.000+08:00'])
    second.app.close()
    const third = await run([{ at: at('22:00') }], db)
    expect(results(third.out)).toEqual([])
  })
})
