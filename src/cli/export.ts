// npm run --silent export -- --db DB --out FILE.csv [--sale N --room TOPIC]
import { writeFileSync, existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { openDb } from '../db/db.js'
import { exportRows, toCsv } from '../export.js'

const Args = z.object({
  db: z.string().min(1),
  out: z.string().min(1),
  sale: z.coerce.number().int().positive().optional(),
  room: z.string().min(1).optional(),
})

const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, sale: { type: 'string' }, room: { type: 'string' } } })
const args = Args.safeParse(values)
if (!args.success || !existsSync(args.data.db)) {
  process.stderr.write('usage: npm run --silent export -- --db DB --out FILE.csv [--sale N --room TOPIC]\n')
  process.exit(2)
}
const db = openDb(args.data.db)
const rows = exportRows(db, { sale: args.data.sale, room: args.data.room })
writeFileSync(args.data.out, toCsv(rows))
process.stderr.write(`${rows.length} rows → ${args.data.out}\n`)
db.$client.close()
