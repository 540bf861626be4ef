// Routing a text to a command: the longest alias wins; a Chinese command word counts only when
// it stands alone or is followed by its arguments; a form without a command word (a join) is
// tried last. Chatter routes nowhere.
import { describe, expect, it } from 'vitest'
import { aliasBounded, findCommand, type Routable } from '../../src/core/route.js'
import { list } from '../../commands/list.js'

const registry = list()
const route = (text: string) => {
  const r = findCommand(registry, text)
  return r === null ? null : { command: r.spec.name, rest: r.rest, explicit: r.explicit }
}

describe('findCommand on the registry', () => {
  it.each([
    ['/launch 蓝莓', { command: 'launch', rest: '蓝莓', explicit: true }],
    ['/launch蓝莓', { command: 'launch', rest: '蓝莓', explicit: true }],
    ['/JOIN 2', { command: 'join', rest: '2', explicit: true }],
    ['取消', { command: 'quit', rest: '', explicit: true }],
    ['取消 #2', { command: 'quit', rest: '#2', explicit: true }],
    ['取消2', { command: 'quit', rest: '2', explicit: true }],
    ['取消管理员 @Lily', { command: 'unadmin', rest: '@Lily', explicit: true }],
    ['进度', { command: 'status', rest: '', explicit: true }],
    ['+2', { command: 'join', rest: '+2', explicit: false }],
    ['我要两盒', { command: 'join', rest: '我要两盒', explicit: false }],
  ])('%s → %o', (text, expected) => {
    expect(route(text)).toEqual(expected)
  })

  it.each(['取消了吗', '进度怎么样', '/launchx 蓝莓', '今天天气不错', '谢谢团长'])('%s is chatter', (text) => {
    expect(route(text)).toBeNull()
  })
})

describe('findCommand rules', () => {
  const cmd = (aliases: string[], extra: Partial<Routable> = {}) => ({ aliases, ...extra })
  it('prefers the longest alias the text starts with', () => {
    const short = cmd(['取消'])
    const long = cmd(['取消管理员'])
    expect(findCommand([short, long], '取消管理员 Tom')?.spec).toBe(long)
    expect(findCommand([long, short], '取消 Tom')?.spec).toBe(short)
  })

  it('tries forms without a command word only for texts within their length', () => {
    const join = cmd([], { match: (t) => (t.startsWith('+') ? { qty: 1 } : null), maxText: 5 })
    expect(findCommand([join], '+1')).toEqual({ spec: join, rest: '+1', raw: { qty: 1 }, explicit: false })
    expect(findCommand([join], '+1 and much more')).toBeNull()
  })

  it.each([
    ['截单', '', true],
    ['截单', ' ', true],
    ['截单', '#', true],
    ['截单', '2', true],
    ['截单', '了', false],
    ['/close', '', true],
    ['/close', '团', true],
    ['/close', 'x', false],
    ['/close', 'X', false],
  ])('alias %s followed by %o counts: %s', (alias, next, ok) => {
    expect(aliasBounded(alias, next)).toBe(ok)
  })
})
