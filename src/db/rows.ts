// Whole-row reads on the hot path with bare prepared statements: drizzle's query building
// was half of the engine's time per message (npm run bench). Rows come back in the same
// shape drizzle gives ($inferSelect), so callers cannot tell the difference.
import { getTableColumns, type Table } from 'drizzle-orm'
import type { Db } from './db.js'

type Shape = { select: string; booleans: string[] }
const shapes = new WeakMap<Table, Shape>()

function shapeOf(table: Table): Shape {
  let s = shapes.get(table)
  if (!s) {
    const cols = Object.entries(getTableColumns(table))
    s = {
      select: cols.map(([key, c]) => `"${c.name}" as "${key}"`).join(', '),
      booleans: cols.filter(([, c]) => c.dataType === 'boolean').map(([key]) => key),
    }
    shapes.set(table, s)
  }
  return s
}

function fix<T>(row: Record<string, unknown> | undefined, booleans: string[]): T | undefined {
  if (row) for (const k of booleans) row[k] = row[k] === 1
  return row as T | undefined
}

/** `select <every column> from <table> <tail>`; the statement is compiled once (see db.ts). */
export function rowsOf<T extends Table>(
  db: Db,
  table: T,
  name: string,
  tail: string,
  ...params: unknown[]
): T['$inferSelect'][] {
  const s = shapeOf(table)
  const rows = db.$client.prepare(`select ${s.select} from "${name}" ${tail}`).all(...params) as Record<
    string,
    unknown
  >[]
  return rows.map((r) => fix<T['$inferSelect']>(r, s.booleans)!)
}

export function rowOf<T extends Table>(
  db: Db,
  table: T,
  name: string,
  tail: string,
  ...params: unknown[]
): T['$inferSelect'] | undefined {
  const s = shapeOf(table)
  return fix<T['$inferSelect']>(
    db.$client.prepare(`select ${s.select} from "${name}" ${tail}`).get(...params) as
      Record<string, unknown> | undefined,
    s.booleans,
  )
}
