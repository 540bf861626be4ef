// The queries the engine actually ran (captured by trace), their cost per message and
// SQLite's plan for each; a plan that SCANs a table holding many rows is flagged.
import type Database from 'better-sqlite3'
import type { App } from '../src/app.js'
import type { VirtualClock } from '../src/engine/runtime.js'
import type { Inbound } from '../src/engine/types.js'
import { trace, type SqlStat } from './trace.js'

export type QueryCost = {
  phase: 'message' | 'runtime'
  sql: string
  perMessage: number
  prepareUsPerMsg: number
  runUsPerMsg: number
  rowsPerCall: number
  runUsPerCall: number
  plan: string[]
  scansBigTable: string | null
  /** searches a big table but sorts what it finds in a temp b-tree: the cost grows with the rows matched */
  sortsBigTable: string | null
}

export type Profile = {
  messages: number
  handleUsPerMsg: number
  queriesPerMsg: number
  prepareUsPerMsg: number
  runUsPerMsg: number
  /** drizzle's query building, the command's own work, BEGIN/COMMIT */
  otherUsPerMsg: number
  runtimeUsPerMsg: number
  queries: QueryCost[]
  tableRows: Record<string, number>
}

const BIG = 10_000

export async function profileRun(
  app: App,
  clock: VirtualClock,
  messages: Inbound[],
  runtimeEvery = 100,
): Promise<Profile> {
  const sqlite = app.db.$client
  const inHandle = new Map<string, SqlStat>()
  const inRuntime = new Map<string, SqlStat>()
  let handleNs = 0
  let runtimeNs = 0
  const merge = (into: Map<string, SqlStat>, from: Map<string, SqlStat>) => {
    for (const s of from.values()) {
      const t = into.get(s.sql)
      if (!t) into.set(s.sql, { ...s })
      else
        Object.assign(t, {
          prepares: t.prepares + s.prepares,
          runs: t.runs + s.runs,
          prepareNs: t.prepareNs + s.prepareNs,
          runNs: t.runNs + s.runNs,
          rows: t.rows + s.rows,
        })
    }
  }
  for (let i = 0; i < messages.length; i++) {
    const tr = trace(sqlite)
    const t0 = process.hrtime.bigint()
    await app.engine.handle(messages[i])
    handleNs += Number(process.hrtime.bigint() - t0)
    tr.stop()
    merge(inHandle, tr.stats)
    if (i % runtimeEvery === runtimeEvery - 1) {
      const tr2 = trace(sqlite)
      const t1 = process.hrtime.bigint()
      await app.runtime.advanceTo(clock, messages[i].at)
      runtimeNs += Number(process.hrtime.bigint() - t1)
      tr2.stop()
      merge(inRuntime, tr2.stats)
    }
  }
  const n = messages.length
  const tableRows = countRows(sqlite)
  const cost = (phase: QueryCost['phase'], s: SqlStat): QueryCost => {
    const plan = explain(sqlite, s)
    return {
      phase,
      sql: s.sql.replace(/\s+/g, ' '),
      perMessage: s.runs / n,
      prepareUsPerMsg: s.prepareNs / 1e3 / n,
      runUsPerMsg: s.runNs / 1e3 / n,
      rowsPerCall: s.runs ? s.rows / s.runs : 0,
      runUsPerCall: s.runs ? s.runNs / 1e3 / s.runs : 0,
      plan,
      scansBigTable: bigScan(plan, tableRows),
      sortsBigTable: bigSort(plan, tableRows),
    }
  }
  const queries = [
    ...[...inHandle.values()].map((s) => cost('message', s)),
    ...[...inRuntime.values()].map((s) => cost('runtime', s)),
  ].sort((a, b) => b.prepareUsPerMsg + b.runUsPerMsg - (a.prepareUsPerMsg + a.runUsPerMsg))
  const mine = queries.filter((q) => q.phase === 'message')
  const prepareUs = mine.reduce((x, q) => x + q.prepareUsPerMsg, 0)
  const runUs = mine.reduce((x, q) => x + q.runUsPerMsg, 0)
  const handleUs = handleNs / 1e3 / n
  return {
    messages: n,
    handleUsPerMsg: handleUs,
    queriesPerMsg: mine.reduce((x, q) => x + q.perMessage, 0),
    prepareUsPerMsg: prepareUs,
    runUsPerMsg: runUs,
    otherUsPerMsg: handleUs - prepareUs - runUs,
    runtimeUsPerMsg: runtimeNs / 1e3 / n,
    queries,
    tableRows,
  }
}

function explain(sqlite: Database.Database, s: SqlStat): string[] {
  try {
    const stmt = sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
    const want = (s.sql.match(/\?/g) ?? []).length
    const params = s.params.length === want ? s.params : Array.from({ length: want }, (_, i) => s.params[i] ?? null)
    const rows = stmt.all(...params) as { id: number; parent: number; detail: string }[]
    const depth = new Map<number, number>([[0, -1]])
    return rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1
      depth.set(r.id, d)
      return `${'  '.repeat(d)}${r.detail}`
    })
  } catch (err) {
    return [`(no plan: ${(err as Error).message})`]
  }
}

function countRows(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, sqlite.prepare(`select count(*) from "${t}"`).pluck().get() as number]),
  )
}

function bigSort(plan: string[], rows: Record<string, number>): string | null {
  if (!plan.some((l) => l.includes('USE TEMP B-TREE'))) return null
  for (const line of plan) {
    const m = /^\s*SEARCH (\w+)/.exec(line)
    if (m && (rows[m[1]] ?? 0) > BIG) return `${line.trim()} + temp b-tree (${rows[m[1]]} rows)`
  }
  return null
}

/** 'SCAN orders' or 'SCAN orders USING COVERING INDEX ...' on a table with many rows. */
function bigScan(plan: string[], rows: Record<string, number>): string | null {
  for (const line of plan) {
    const m = /^\s*SCAN (\w+)/.exec(line)
    if (m && (rows[m[1]] ?? 0) > BIG) return `${line.trim()} (${rows[m[1]]} rows)`
  }
  return null
}
