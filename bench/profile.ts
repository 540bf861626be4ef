// Where engine.handle spends its time: a V8 CPU profile of the message mix (set-up and
// digests excluded), folded into µs per message by layer and by engine function.
//   tsx bench/profile.ts [messages] [--burst]   writes bench/results/handle.cpuprofile
import { Session } from 'node:inspector/promises'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { VirtualClock } from '../src/engine/runtime.js'
import type { Inbound } from '../src/engine/types.js'
import { MORNING, NullTransport, tmpDir } from './lib.js'
import { makeMix, makeWorld, openSaleNos, setUp } from './world.js'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
type CpuProfile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2)
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 4000)
const burstMode = args.includes('--burst')

const app = makeApp({
  dbFile: join(tmpDir('profile'), 'p.sqlite'),
  transport: new NullTransport(),
  log: silentLogger(),
})
const clock = new VirtualClock(MORNING)
let messages: Inbound[]
if (burstMode) {
  // the flash sale: one sale of 300, everyone answers +1
  const names = Array.from({ length: count }, (_, i) => `抢购${i + 1}`)
  await app.engine.declareGroup('快闪秒杀群', '团长', ['团长', ...names], MORNING)
  await app.engine.handle({
    id: 'launch',
    at: MORNING,
    room: '快闪秒杀群',
    from: '团长',
    text: '/launch 车厘子\n价格: 99\n限量: 300\n截止: 2小时后',
  })
  messages = names.map((from, i) => ({ id: `b${i}`, at: MORNING + 60_000 + i, room: '快闪秒杀群', from, text: '+1' }))
} else {
  const world = makeWorld()
  await setUp(app.engine, world, MORNING)
  messages = makeMix(world, openSaleNos(app.db.$client, world), {
    count: count + 1000,
    seed: 1,
    start: MORNING + 1000,
    stepMs: 150,
    idPrefix: 'p',
  }).messages
  // warm up the JIT outside the profile
  for (const m of messages.splice(0, 1000)) await app.engine.handle(m)
}

const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 100 })
await session.post('Profiler.start')
const parts: CpuProfile[] = []
let handleNs = 0
for (let i = 0; i < messages.length; i++) {
  const t0 = process.hrtime.bigint()
  await app.engine.handle(messages[i])
  handleNs += Number(process.hrtime.bigint() - t0)
  if (!burstMode && i % 100 === 99) {
    // digests run as in the bench, but outside the part that is attributed below
    await session.post('Profiler.stop').then((r) => parts.push(r.profile as unknown as CpuProfile))
    await app.runtime.advanceTo(clock, messages[i].at)
    await session.post('Profiler.start')
  }
}
parts.push((await session.post('Profiler.stop')).profile as unknown as CpuProfile)
session.disconnect()
app.close()

const layer = (n: Node, n2?: Node): string | null => {
  const { url, functionName: fn } = n.callFrame
  if (fn === '(garbage collector)') return 'GC'
  if ((url === '' || url.includes('better-sqlite3/lib/methods/wrappers')) && fn === 'prepare')
    return 'SQLite: prepare (compile SQL)'
  if (url === '' && fn === 'Statement') return 'SQLite: prepare (compile SQL)'
  // BEGIN and COMMIT are statements run by better-sqlite3's transaction wrapper
  if (url === '' && fn === 'run' && n2 !== undefined && n2.callFrame.functionName === 'sqliteTransaction')
    return 'SQLite: BEGIN IMMEDIATE / COMMIT (incl. WAL write)'
  if (url === '' && ['run', 'get', 'all', 'iterate'].includes(fn)) return 'SQLite: step (execute)'
  if (url.includes('better-sqlite3') && fn === 'sqliteTransaction') return 'SQLite: BEGIN IMMEDIATE / COMMIT'
  if (url.includes('drizzle-orm')) return 'drizzle: query building / result mapping'
  if (url.includes('/zod/')) return 'zod'
  if (url.includes('/pino/')) return 'pino'
  if (url.includes('/commands/') || url.includes('/src/'))
    return `app: ${url.replace(/^.*\/(commands|src)\//, '$1/')} ${fn || '(anon)'}`
  return null
}
const engineFns = new Set([
  'markSeen',
  'process',
  'deliver',
  'ensureGroup',
  'ensureMember',
  'findCommand',
  'isEcho',
  'groupByTopic',
  'addNotice',
  'enqueue',
  'openSales',
  'loadBook',
  'saveBook',
  'pickSale',
  'pickItem',
  'noteSoldOut',
  'promotionNotices',
  'cancelMember',
  'namesById',
  'parseJoin',
  'normalize',
  'saleRefOf',
  'targetSale',
  'boardText',
  'join',
  'setTotal',
  'cancelAll',
  'isSoldOut',
  'safeParse',
  'parse',
  'run',
  'match',
])

const byLayer = new Map<string, number>()
const byFn = new Map<string, number>()
const bySelf = new Map<string, number>()
let totalUs = 0
for (const p of parts) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0
    const stack: Node[] = []
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!)
    // only time spent inside engine.handle is attributed
    if (!stack.some((n) => n.callFrame.functionName === 'handle' && n.callFrame.url.includes('engine/engine.ts')))
      return
    totalUs += us
    let l: string | null = null
    for (let k = 0; k < stack.length; k++) if ((l = layer(stack[k], stack[k + 1])) !== null) break
    l = l ?? 'other (node internals)'
    if (l.startsWith('app: ')) l = l.replace(/^app: (\S+) .*$/, 'app code: $1')
    byLayer.set(l, (byLayer.get(l) ?? 0) + us)
    const leaf = stack[0].callFrame
    const self = `${leaf.functionName || '(anon)'} ${leaf.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(commands|src)\//, '$1/')}:${leaf.lineNumber + 1}`
    bySelf.set(self, (bySelf.get(self) ?? 0) + us)
    // inclusive time per engine/command function (a function counted once per sample)
    const seen = new Set<string>()
    for (const n of stack) {
      const { url, functionName: fn } = n.callFrame
      if (!(url.includes('/src/') || url.includes('/commands/')) || !engineFns.has(fn)) continue
      const key = `${url.replace(/^.*\/(commands|src)\//, '$1/')} ${fn}`
      if (seen.has(key)) continue
      seen.add(key)
      byFn.set(key, (byFn.get(key) ?? 0) + us)
    }
  })
}
const n = messages.length
const fmt = (m: Map<string, number>, limit: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([k, us]) =>
        `${(us / n).toFixed(1).padStart(8)} µs/msg  ${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${k}`,
    )
    .join('\n')
process.stdout.write(
  `${burstMode ? 'burst' : 'mix'}: ${n} messages, handle ${(handleNs / 1e3 / n).toFixed(0)} µs/msg measured, ${(totalUs / n).toFixed(0)} µs/msg sampled inside handle\n\nBy layer (self time, grouped):\n${fmt(byLayer, 25)}\n\nBy engine function (inclusive):\n${fmt(byFn, 30)}\n\nTop functions by self time:\n${fmt(bySelf, 25)}\n`,
)
const dir = fileURLToPath(new URL('./results/', import.meta.url))
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, burstMode ? 'burst.cpuprofile' : 'handle.cpuprofile'), JSON.stringify(parts[parts.length - 1]))
