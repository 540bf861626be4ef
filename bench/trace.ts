// Statement-level tracing of a better-sqlite3 connection: every SQL text the engine
// prepares, how often, and the time spent compiling it (prepare) and running it.
// Drizzle prepares a statement on every query, so both halves matter.
import type Database from 'better-sqlite3'

export type SqlStat = {
  sql: string
  prepares: number
  runs: number
  prepareNs: number
  runNs: number
  rows: number
  params: unknown[]
}

export type Trace = { stats: Map<string, SqlStat>; stop(): void; reset(): void }

const METHODS = ['run', 'get', 'all', 'iterate'] as const

export function trace(sqlite: Database.Database): Trace {
  const stats = new Map<string, SqlStat>()
  const original = sqlite.prepare
  const stat = (sql: string): SqlStat => {
    let s = stats.get(sql)
    if (!s) stats.set(sql, (s = { sql, prepares: 0, runs: 0, prepareNs: 0, runNs: 0, rows: 0, params: [] }))
    return s
  }
  sqlite.prepare = function (this: Database.Database, source: string) {
    const t0 = process.hrtime.bigint()
    const stmt = original.call(this, source) as Database.Statement
    const s = stat(source)
    s.prepares++
    s.prepareNs += Number(process.hrtime.bigint() - t0)
    for (const m of METHODS) {
      const fn = (stmt as any)[m] as (...a: unknown[]) => unknown
      // own properties survive stmt.raw(), which returns the same object
      ;(stmt as any)[m] = (...args: unknown[]) => {
        const t1 = process.hrtime.bigint()
        const out = fn.apply(stmt, args)
        s.runs++
        s.runNs += Number(process.hrtime.bigint() - t1)
        if (m === 'all' && Array.isArray(out)) s.rows += out.length
        else if (m === 'get' && out !== undefined) s.rows++
        if (s.params.length === 0 && args.length > 0) s.params = args
        return out
      }
    }
    return stmt
  } as typeof sqlite.prepare
  return {
    stats,
    stop: () => {
      sqlite.prepare = original
    },
    reset: () => stats.clear(),
  }
}

/** Replace literal values so that queries differing only in constants group together. */
export const shape = (sql: string): string =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/'[^']*'/g, "'?'")
    .trim()
