// The transcript driver keeps its promises: it plays steps exactly as the replay reads lines (so
// tests moved off the replay path assert what they did before), a crash leaves queued sends
// unsent, and members given with their platform ids are the group's members by name.
import { describe, expect, it } from 'vitest'
import { runReplay } from '../harness.js'
import { whole } from '../scenarios/sale-to-delivery.js'
import { bot } from './bot.js'

const LAUNCH = '/launch 蓝莓\n价格: 10\n截止: 今晚8点'

describe('the driver and the replay', () => {
  it('send the same messages at the same times for the whole sale-to-delivery walkthrough', async () => {
    const driven = await bot()
      .add(...whole)
      .run()
    const replayed = await runReplay(whole)
    expect(driven.errors).toEqual([])
    expect(driven.out.length).toBeGreaterThan(50)
    expect(driven.out).toEqual(replayed.out)
  })

  it('skip a step whose time does not parse and report it by its number, as the replay does', async () => {
    const steps = bot()
      .at('10:00')
      .group()
      .say('阿May', LAUNCH)
      .add({ at: 'yesterday', room: '烘焙同好群', from: 'Lily', text: '+1' }).steps
    const driven = await bot()
      .add(...steps)
      .run()
    const replayed = await runReplay(steps)
    expect(driven.errors).toEqual(['line 3: at is not a time, skipped'])
    expect(replayed.errors.map((e) => e.split(':')[0])).toEqual(['line 3'])
    expect(driven.out).toEqual(replayed.out)
  })
})

describe('a crash', () => {
  const script = () => bot().at('10:00').group().say('阿May', LAUNCH).at('10:01').say('Lily', '+2')

  it('leaves the acknowledgement that waits for its digest unsent', async () => {
    const crashed = await script().run({ crash: true })
    const clean = await script().run()
    expect(crashed.out.map((o) => o.text.split('\n')[0])).toEqual(['🛒 团1 开团：蓝莓'])
    expect(clean.out.map((o) => o.text.split('\n')[0])).toEqual([
      '🛒 团1 开团：蓝莓',
      expect.stringMatching(/^【团1 蓝莓】已接 2 份/),
    ])
  })
})

describe('members with platform ids', () => {
  it('are declared by name: an admin missing from a later member list no longer organizes', async () => {
    const withIds = (names: string[]) => names.map((name) => ({ name, id: `wxid_${name}` }))
    const { out } = await bot()
      .at('10:00')
      .group('烘焙同好群', { roomId: '@@room1', members: withIds(['阿May', 'Lily', 'Tom']) })
      .say('阿May', '/admin @Lily', { fromId: 'wxid_阿May' })
      .at('10:05')
      .group('烘焙同好群', { roomId: '@@room1', members: withIds(['阿May', 'Tom']) })
      .at('10:10')
      .dm('Lily', '/stats', { fromId: 'wxid_Lily' })
      .run()
    expect(out.map((o) => [o.to ?? o.room, o.text])).toEqual([
      ['烘焙同好群', '已设 Lily 为管理员，可以开团、截单、延长和撤团。'],
      ['Lily', '「/stats」只有群主或管理员可以用'],
    ])
  })
})
