// The world every section runs in: 50 groups, 20 open sales, and a message mix that
// looks like real group chat. Sale numbers are read back from the database, so the
// same mix works on a fresh database and on one with years of closed sales in it.
import type Database from 'better-sqlite3'
import type { Engine } from '../src/engine/engine.js'
import type { Inbound } from '../src/engine/types.js'
import { pick, rng } from './lib.js'

export const GROUPS = 50
export const MEMBERS_PER_GROUP = 150

type SaleDef = { launch: string; variants: string[] | null }
export type GroupDef = { topic: string; owner: string; members: string[]; sales: SaleDef[] }
export type World = { groups: GroupDef[] }

const NICKS = [
  '小雨',
  '阿May',
  'Lily',
  'Tom',
  '王姐',
  '陈阿姨',
  '快乐的鱼',
  'Ann',
  '🌸花花',
  '老杨',
  '晴天',
  'Bob',
  '李老师',
  '豆豆妈',
  '阿伟',
  '橙子',
]

function saleDef(k: number): SaleDef {
  switch (k % 4) {
    case 0:
      return {
        launch: `/launch 云南蓝莓${k}号 125g×4盒\n价格: 59\n限量: 80\n限购: 3\n截止: 6小时后\n成团: 20`,
        variants: null,
      }
    case 1:
      return { launch: `/launch 手工酸奶${k} 1L\n价格: 25\n截止: 6小时后`, variants: null }
    case 2:
      return {
        launch: `/launch 丹东草莓${k}\n- 大果 69元 40份\n- 小果 49元 60份\n限购: 4\n截止: 6小时后`,
        variants: ['大果', '小果'],
      }
    default:
      return { launch: `/launch 赣南脐橙${k} 10斤\n价格: 49\n限量: 150\n截止: 6小时后`, variants: null }
  }
}

/** Groups 0-14 sell (0-4 run two sales at once, 20 in all); 15-49 only chat. */
export function makeWorld(groups = GROUPS, membersPerGroup = MEMBERS_PER_GROUP): World {
  let k = 0
  return {
    groups: Array.from({ length: groups }, (_, g) => ({
      topic: `团购群${g + 1}`,
      owner: `团长${g + 1}`,
      members: Array.from({ length: membersPerGroup }, (_, i) => `${NICKS[i % NICKS.length]}${g + 1}-${i + 1}`),
      sales: g < 5 ? [saleDef(k++), saleDef(k++)] : g < 15 ? [saleDef(k++)] : [],
    })),
  }
}

/** Declare every group and launch every sale through the engine, as the organizers would. */
export async function setUp(engine: Engine, world: World, at: number): Promise<void> {
  await declareAll(engine, world, at)
  await launchAll(engine, world, at)
}

export async function declareAll(engine: Engine, world: World, at: number): Promise<void> {
  for (const g of world.groups) await engine.declareGroup(g.topic, g.owner, [g.owner, ...g.members], at)
}

export async function launchAll(engine: Engine, world: World, at: number): Promise<void> {
  let n = 0
  for (const g of world.groups) {
    for (const s of g.sales)
      await engine.handle({ id: `launch-${at}-${n++}`, at, room: g.topic, from: g.owner, text: s.launch })
  }
}

/** Per group, the numbers of its open sales in launch order. */
export function openSaleNos(sqlite: Database.Database, world: World): number[][] {
  const q = sqlite.prepare(
    "select s.no from sales s join groups g on g.id = s.group_id where g.topic = ? and s.state = 'open' order by s.no",
  )
  return world.groups.map((g) => q.pluck().all(g.topic) as number[])
}

const CHATTER = [
  '今天天气不错',
  '团长什么时候发货？',
  '谢谢团长',
  '好的',
  '收到👌',
  '这个好吃吗',
  '明天几点到货',
  '哈哈哈哈',
  '取消了吗',
  '进度怎么样',
  '3号楼几点送',
  '昨天买了3斤，很甜',
  '还有2份吗？',
  '上次的橙子很好吃',
  '[图片]',
  '有人拼车去超市吗',
  '物业说明天停水',
  '@团长 我的付过了',
  '2点以后在家',
  '我家孩子超爱吃',
  '1栋2单元',
  '群里有人要二手婴儿车吗？九成新，价格好商量，可以来看看，在小区东门附近，晚上八点以后都在家，有意私聊我就行，谢谢大家！',
  'https://example.com/share?item=123',
  '周末有活动吗',
  '要不要再开一个芒果团',
  '👍👍👍',
]

const CN = ['一', '两', '三']

export type Kind = 'plus' | 'word' | 'change' | 'cancel' | 'status' | 'dup' | 'chatter'
const WEIGHTS: [Kind, number][] = [
  ['plus', 30],
  ['word', 12],
  ['change', 8],
  ['cancel', 5],
  ['status', 5],
  ['dup', 5],
  ['chatter', 35],
]

export type MixOptions = { count: number; seed: number; start: number; stepMs: number; idPrefix: string }
export type MixStats = Record<Kind, number>

/**
 * The mix: joins (+N and 我要N份), changes of a total, cancels, status queries,
 * re-delivered messages (same id) and chatter that is not a command.
 */
export function makeMix(
  world: World,
  saleNos: number[][],
  o: MixOptions,
): { messages: Inbound[]; kinds: Kind[]; stats: MixStats } {
  const r = rng(o.seed)
  const selling = world.groups.map((g, i) => ({ g, i })).filter((x) => saleNos[x.i].length > 0)
  const joined = new Map<string, number>() // member|group -> last total asked
  const out: Inbound[] = []
  const kinds: Kind[] = []
  const stats: MixStats = { plus: 0, word: 0, change: 0, cancel: 0, status: 0, dup: 0, chatter: 0 }
  const total = WEIGHTS.reduce((s, [, w]) => s + w, 0)
  for (let n = 0; n < o.count; n++) {
    const at = o.start + n * o.stepMs
    let x = r() * total
    let kind: Kind = 'chatter'
    for (const [k, w] of WEIGHTS)
      if ((x -= w) < 0) {
        kind = k
        break
      }
    if (kind === 'dup' && out.length === 0) kind = 'chatter'
    if ((kind === 'change' || kind === 'cancel') && joined.size === 0) kind = 'plus'
    stats[kind]++
    kinds.push(kind)
    if (kind === 'dup') {
      // a puppet re-delivers a recent message after a reconnect: same id, later
      out.push({ ...out[Math.max(0, out.length - 1 - Math.floor(r() * 50))], at })
      continue
    }
    if (kind === 'chatter') {
      const g = pick(r, world.groups)
      out.push({ id: `${o.idPrefix}${n}`, at, room: g.topic, from: pick(r, g.members), text: pick(r, CHATTER) })
      continue
    }
    let gi: number, from: string
    if (kind === 'change' || kind === 'cancel') {
      const key = pick(r, [...joined.keys()])
      ;[from] = key.split('|')
      gi = Number(key.split('|')[1])
    } else {
      gi = pick(r, selling).i
      from = pick(r, world.groups[gi].members)
    }
    const g = world.groups[gi]
    const key = `${from}|${gi}`
    const nos = saleNos[gi]
    // with two sales open, most members say which one; the rest get asked
    const j = Math.floor(r() * nos.length)
    const ref = nos.length > 1 && r() < 0.8 ? `#${nos[j]} ` : ''
    const variants = g.sales[j]?.variants
    const variant = variants ? ` ${pick(r, variants)}` : ''
    const qty = 1 + Math.floor(r() * r() * 3)
    let text: string
    if (kind === 'plus') text = `${ref}+${qty}${variant}`
    else if (kind === 'word') text = `${ref}我要${r() < 0.5 ? qty : CN[qty - 1]}份${variant}`
    else if (kind === 'change')
      text = r() < 0.5 ? `${ref}再加1份${variant}` : `${ref}+${((joined.get(key) ?? 1) % 3) + 1}${variant}`
    else if (kind === 'cancel') text = ref ? `取消 ${ref.trim()}` : '取消'
    else text = '进度'
    if (kind === 'cancel') joined.delete(key)
    else if (kind !== 'status') joined.set(key, qty)
    out.push({ id: `${o.idPrefix}${n}`, at, room: g.topic, from, text })
  }
  return { messages: out, kinds, stats }
}
