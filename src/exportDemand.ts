// `export --demand`: one CSV row per intent (需求包), what an organizer takes to suppliers.
// UTF-8 with BOM like the sale export, so Excel opens it as is.
import { and, asc, eq, type SQL } from 'drizzle-orm'
import { stringify } from 'csv-stringify/sync'
import { z } from 'zod'
import type { Db } from './db/db.js'
import { groups, intents, sales } from './db/schema.js'
import { noteSummary, totalOf } from './core/intent.js'
import { isoAt } from './core/iso.js'
import { commitsOf } from './engine/intents.js'

export const DemandRow = z.object({
  room: z.string(),
  demand_no: z.number().int(),
  demand: z.string(),
  state: z.enum(['open', 'launched', 'expired']),
  members: z.number().int().min(0),
  quantity: z.number().int().min(0),
  target_price: z.string(),
  threshold: z.string(),
  notes: z.string(),
  first_commit: z.string(),
  last_commit: z.string(),
  sale_no: z.string(),
})
export type DemandRow = z.infer<typeof DemandRow>

export const DEMAND_COLUMNS = [
  'room',
  'demand_no',
  'demand',
  'state',
  'members',
  'quantity',
  'target_price',
  'threshold',
  'notes',
  'first_commit',
  'last_commit',
  'sale_no',
] as const

export function demandRows(db: Db, filter: { room?: string; groupId?: number }): DemandRow[] {
  const where: SQL[] = []
  if (filter.room !== undefined) where.push(eq(groups.topic, filter.room))
  if (filter.groupId !== undefined) where.push(eq(groups.id, filter.groupId))
  const list = db
    .select({ intent: intents, room: groups.topic })
    .from(intents)
    .innerJoin(groups, eq(intents.groupId, groups.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(groups.topic), asc(intents.no))
    .all()
  return list.map(({ intent, room }) => {
    const commits = commitsOf(db, intent.id)
    const saleNo =
      intent.saleId === null
        ? undefined
        : db.select({ no: sales.no }).from(sales).where(eq(sales.id, intent.saleId)).get()?.no
    return DemandRow.parse({
      room,
      demand_no: intent.no,
      demand: intent.title,
      state: intent.state,
      members: commits.length,
      quantity: totalOf(commits),
      target_price: intent.targetPriceFen === null ? '' : (intent.targetPriceFen / 100).toFixed(2),
      threshold: intent.threshold === null ? '' : String(intent.threshold),
      notes: noteSummary(commits)
        .map((n) => `${n.word}×${n.n}`)
        .join(' '),
      first_commit: commits.length ? isoAt(Math.min(...commits.map((c) => c.firstAt))) : '',
      last_commit: commits.length ? isoAt(Math.max(...commits.map((c) => c.updatedAt))) : '',
      sale_no: saleNo === undefined ? '' : String(saleNo),
    })
  })
}

export function demandCsv(rows: DemandRow[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns: [...DEMAND_COLUMNS], record_delimiter: 'windows' })
}
