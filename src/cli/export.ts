// npm run --silent export -- --db DB --out FILE.csv [--sale N] [--room TOPIC | --room-id ID]
//                            --db DB --out FILE.csv --demand [--room TOPIC | --room-id ID]   (demand packages)
import { existsSync } from 'node:fs'
import { writePrivateOver } from '../files.js'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { openDb } from '../db/db.js'
import { exportRows, groupOfFilter, toCsv } from '../export.js'
import { saleForExport, workbookData, writeWorkbook } from '../exportXlsx.js'
import { demandCsv, demandRows } from '../exportDemand.js'

const Args = z.object({
  db: z.string().min(1),
  out: z.string().min(1),
  sale: z.coerce.number().int().positive().optional(),
  room: z.string().min(1).optional(),
  'room-id': z.string().min(1).optional(),
  demand: z.boolean().optional(),
})

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    out: { type: 'string' },
    sale: { type: 'string' },
    room: { type: 'string' },
    'room-id': { type: 'string' },
    demand: { type: 'boolean' },
  },
})
const args = Args.safeParse(values)
if (!args.success || !existsSync(args.data.db)) {
  process.stderr.write(
    'usage: npm run --silent export -- --db DB --out FILE.csv|FILE.xlsx [--sale N] [--room TOPIC | --room-id ID] [--demand]\n',
  )
  process.exit(2)
}
const db = openDb(args.data.db)
// a topic two groups carry is refused with their ids: the export never guesses which group
const picked = groupOfFilter(db, { room: args.data.room, roomId: args.data['room-id'] })
if (picked !== null && 'error' in picked) {
  process.stderr.write(picked.error + '\n')
  db.$client.close()
  process.exit(2)
}
const groupId = picked?.id
if (args.data.demand) {
  const rows = demandRows(db, { groupId })
  writePrivateOver(args.data.out, demandCsv(rows))
  process.stderr.write(`${rows.length} demand rows → ${args.data.out}\n`)
} else if (args.data.out.toLowerCase().endsWith('.xlsx')) {
  // the supplier order sheet: one sale, a workbook of several sheets
  if (args.data.sale === undefined) {
    process.stderr.write(
      'an .xlsx export is for one sale: add --sale N (and --room TOPIC when several groups have that number)\n',
    )
    process.exit(2)
  }
  const sale = saleForExport(db, args.data.sale, groupId)
  if ('error' in sale) {
    process.stderr.write(sale.error + '\n')
    process.exit(2)
  }
  const data = workbookData(db, sale)
  await writeWorkbook(data, args.data.out)
  process.stderr.write(`${data.sheets.map((s) => s.name).join(', ')} → ${args.data.out}\n`)
} else {
  const rows = exportRows(db, { sale: args.data.sale, groupId })
  writePrivateOver(args.data.out, toCsv(rows))
  process.stderr.write(`${rows.length} rows → ${args.data.out}\n`)
}
db.$client.close()
