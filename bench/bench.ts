// npm run bench: every figure of the Performance section, measured side by side in one
// run. Prints the hot query plans and one table; writes the same to bench/results/latest.json.
//   npm run bench -- --quick       a tenth of the messages, for trying changes
//   npm run bench -- --only 1,3    some sections only
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { progress } from './lib.js'
import { throughput, type Throughput } from './throughput.js'
import { burst, type Burst } from './burst.js'
import { growth, type Growth } from './growth.js'
import { recovery, type Recovery } from './recovery.js'
import { live, type Live } from './live.js'
import { chainRepost, type ChainRepost } from './chainRepost.js'

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string', default: '1,2,3,4,5,6' } },
})
const only = new Set(values.only!.split(',').map((s) => s.trim()))
const scale = values.quick ? 0.1 : 1

type Row = { section: string; measure: string; value: string; target: string; ok: boolean | null }
const rows: Row[] = []
const row = (section: string, measure: string, value: string, target = '', ok: boolean | null = null) =>
  rows.push({ section, measure, value, target, ok })
const f = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const started = new Date()
const loadBefore = loadavg()
const results: {
  throughput?: Throughput
  burst?: Burst
  growth?: Growth
  recovery?: Recovery
  live?: Live
  chain?: ChainRepost
} = {}

if (only.has('1')) {
  const r = (results.throughput = await throughput(Math.round(20_000 * scale)))
  row('1 throughput', `engine.handle, ${f(r.messages)} msgs of the mix (msgs/s)`, f(r.engineMsgsPerSec))
  row('1 throughput', `floor: bare upsert + stock update txns (txns/s)`, f(r.floorTxPerSec))
  row('1 throughput', 'ratio engine / floor', f(r.ratio, 3), '≥ 0.4', r.ratio >= 0.4)
  row(
    '1 throughput',
    '  same on process CPU time (engine / floor msgs/s)',
    `${f(r.cpu.ratio, 3)} (${f(r.cpu.engineMsgsPerSec)} / ${f(r.cpu.floorTxPerSec)})`,
    '≥ 0.4',
    r.cpu.ratio >= 0.4,
  )
  row('1 throughput', 'latency per message p50 (wall)', `${f(r.p50Ms, 3)} ms`)
  row(
    '1 throughput',
    '  p50 in the first / last tenth of the run',
    `${f(r.p50FirstTenthMs, 3)} / ${f(r.p50LastTenthMs, 3)} ms`,
  )
  row('1 throughput', 'latency per message p99 (wall)', `${f(r.p99Ms, 3)} ms`, '≤ 2 ms', r.p99Ms <= 2)
  row('1 throughput', 'latency per message p99 (CPU time)', `${f(r.cpu.p99Ms, 3)} ms`, '≤ 2 ms', r.cpu.p99Ms <= 2)
  row('1 throughput', 'latency per message max (wall)', `${f(r.maxMs, 1)} ms`)
}
if (only.has('2')) {
  const r = (results.burst = await burst())
  row(
    '2 flash burst',
    `wall time to absorb ${r.members} joins sent within 1 s (handle + runtime)`,
    `${f(r.absorbMs)} ms`,
  )
  row('2 flash burst', '  of which engine.handle', `${f(r.handleMs)} ms`)
  row(
    '2 flash burst',
    `confirmed / waitlisted units (stock ${r.stock})`,
    `${r.confirmedUnits} / ${r.waitlistedUnits}`,
    '300 / 200',
    r.confirmedUnits === 300 && r.waitlistedUnits === 200,
  )
  row(
    '2 flash burst',
    'messages sent to the group, burst + 1 min',
    String(r.groupMessages),
    '≤ 8',
    r.groupMessages <= 8,
  )
}
if (only.has('3')) {
  const r = (results.growth = await growth(undefined, Math.round(2_000 * Math.max(scale, 0.5))))
  for (const s of r.sizes)
    row('3 growth', `µs per message with ${f(s.orders)} orders in the db (${f(s.dbMb)} MB)`, f(s.usPerMsg))
  row('3 growth', 'ratio 1M / 1k', f(r.ratio1Mto1k, 2), '≤ 1.5', r.ratio1Mto1k <= 1.5)
  const scans = r.profile.queries.filter((q) => q.scansBigTable)
  row(
    '3 growth',
    'traced queries whose plan SCANs a table of > 10k rows',
    String(scans.length),
    '0',
    scans.length === 0,
  )
  const sorts = r.profile.queries.filter((q) => q.sortsBigTable)
  row('3 growth', '  … that search one but sort the matches in a temp b-tree', String(sorts.length))
}
if (only.has('4')) {
  const r = (results.recovery = await recovery())
  const label = `${f(r.openSales)} open sales, ${r.overdue} overdue; median of ${r.runs}`
  row(
    '4 start-up',
    `\`node dist/src/main.js\`, open → ready (makeApp + recover + scheduler); ${label}`,
    `${f(r.openToReadyMs)} ms`,
    '≤ 1 s',
    r.openToReadyMs <= 1000,
  )
  row(
    '4 start-up',
    '  node process start → ready (code loading incl.)',
    `${f(r.nodeStartToReadyMs)} ms`,
    '≤ 1 s',
    r.nodeStartToReadyMs <= 1000,
  )
  row(
    '4 start-up',
    '  same on process CPU time (user + sys)',
    `${f(r.nodeStartToReadyCpuMs)} ms`,
    '≤ 1 s',
    r.nodeStartToReadyCpuMs <= 1000,
  )
  row(
    '4 start-up',
    '  wall, spawn `node` → ready line (node start incl.)',
    `${f(r.wallMs)} ms`,
    '≤ 1 s',
    r.wallMs <= 1000,
  )
  row(
    '4 start-up',
    '  node process start → Wechaty + puppet started (puppet-mock; no QR)',
    `${f(r.nodeStartToWechatyMs)} ms`,
  )
  row('4 start-up', 'resident memory after ready', `${f(r.rssMb)} MB`, '≤ 200 MB', r.rssMb <= 200)
}
if (only.has('5')) {
  const r = (results.live = await live(Math.round(2_000 * Math.max(scale, 0.2))))
  row('5 live path', `Wechaty on puppet-mock → attach → engine (msgs/s, ${f(r.messages)} msgs)`, f(r.liveMsgsPerSec))
  row('5 live path', 'engine.handle alone, same mix (msgs/s)', f(r.engineMsgsPerSec))
  row('5 live path', 'ratio live / engine alone', f(r.ratio, 2))
}
if (only.has('6')) {
  const r = (results.chain = await chainRepost(500, 5))
  row('6 接龙', `first post of a ${r.lines - 1}-line 接龙 (engine.handle)`, `${f(r.firstPostMs, 1)} ms`)
  row(
    '6 接龙',
    `re-post of ${r.lines} lines (engine.handle: one line added / median of 5 re-posts)`,
    `${f(r.repostMs, 1)} / ${f(r.repostsMedianMs, 1)} ms`,
    '< 50 ms',
    r.repostsMedianMs < 50,
  )
}

const loadAfter = loadavg()
const sqliteVersion = new Database(':memory:').prepare('select sqlite_version()').pluck().get() as string
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  sqlite: sqliteVersion,
  platform: `${process.platform} ${process.arch}`,
  loadAverage1m: { before: loadBefore[0], after: loadAfter[0] },
}

const plans = results.growth?.profile.queries ?? []
if (plans.length > 0) {
  const p = results.growth!.profile
  const out: string[] = [
    `Hot queries traced on the ${f(results.growth!.sizes.at(-1)!.orders)}-order database (${p.messages} messages of the mix):`,
    `handle ${f(p.handleUsPerMsg)} µs/msg = ${f(p.queriesPerMsg, 1)} queries: prepare ${f(p.prepareUsPerMsg)} µs + run ${f(p.runUsPerMsg)} µs, other JS (drizzle query building, commands, BEGIN/COMMIT) ${f(p.otherUsPerMsg)} µs`,
    '',
  ]
  for (const q of plans) {
    const warn = q.scansBigTable
      ? `  ⚠ SCAN: ${q.scansBigTable}`
      : q.sortsBigTable
        ? `  ⚠ SORT: ${q.sortsBigTable}`
        : ''
    out.push(
      `[${q.phase}] ${f(q.perMessage, 2)}×/msg, ${f(q.runUsPerCall, 1)} µs a run; per msg: prepare ${f(q.prepareUsPerMsg, 1)} µs + run ${f(q.runUsPerMsg, 1)} µs${warn}`,
    )
    out.push(`  ${q.sql.length > 200 ? q.sql.slice(0, 200) + ' …' : q.sql}`)
    for (const line of q.plan) out.push(`    ${line}`)
  }
  process.stdout.write(out.join('\n') + '\n\n')
}

const widths = [0, 1, 2, 3].map((i) =>
  Math.max(
    ...rows.map((r) => [r.section, r.measure, r.value, r.target][i].length),
    ['section', 'measure', 'value', 'target'][i].length,
  ),
)
const line = (cells: string[], ok: string) =>
  `| ${cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} | ${ok} |`
const table = [
  line(['section', 'measure', 'value', 'target'], 'ok'),
  `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|----|`,
  ...rows.map((r) => line([r.section, r.measure, r.value, r.target], r.ok === null ? '  ' : r.ok ? '✅' : '❌')),
].join('\n')
process.stdout.write(
  `${table}\n\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, SQLite ${machine.sqlite}, ${machine.platform}; ` +
    `load average (1 min) ${f(loadBefore[0], 2)} before, ${f(loadAfter[0], 2)} after. Command: npm run bench${values.quick ? ' -- --quick' : ''}\n`,
)

const dir = fileURLToPath(new URL('./results/', import.meta.url))
mkdirSync(dir, { recursive: true })
writeFileSync(
  `${dir}latest.json`,
  JSON.stringify(
    {
      started: started.toISOString(),
      command: `npm run bench${values.quick ? ' -- --quick' : ''}`,
      machine,
      table: rows,
      results,
    },
    null,
    2,
  ) + '\n',
)
progress(`done in ${f((Date.now() - started.getTime()) / 1000)} s; figures in bench/results/latest.json`)
// Wechaty's puppet keeps timers alive after stop()
process.exit(0)
