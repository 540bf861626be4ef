// A database made by the first released schema (drizzle/0000_init.sql), with data in it,
// opened by the current code: every migration since applies, every row is kept, and the
// bot works on it. The fixture is built from 0000 alone, so the test keeps covering the
// upgrade path as migrations are added. A later migration that moves or drops data on
// purpose must say so here.
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { expect, it } from 'vitest'
import { openDb } from '../../src/db/db.js'
import { run, say, tmpDb } from '../harness.js'

const DRIZZLE = fileURLToPath(new URL('../../drizzle', import.meta.url))
type Journal = { version: string; dialect: string; entries: { idx: number; when: number; tag: string }[] }
const journal = (): Journal => JSON.parse(readFileSync(join(DRIZZLE, 'meta', '_journal.json'), 'utf8'))

// A released migration must never change: databases in the field already ran it, and
// drizzle does not run it again (it compares times, not contents).
const FIRST = {
  tag: '0000_init',
  when: 1795606307776,
  sha256: '7188a65dcf7002d215dd618d4304c7b3ab2d9c57e3438ca6e0d826d461afffaf',
}

const at = (iso: string) => Date.parse(iso)
const T = at('2026-12-01T10:00:00+08:00')
const DEADLINE = at('2026-12-04T20:00:00+08:00')

/** What the first release's openDb did: its pragmas, then drizzle's migrator over a folder holding 0000 alone. */
function firstReleaseDb(file: string): Database.Database {
  const folder = mkdtempSync(join(tmpdir(), 'shantuan-v0-'))
  mkdirSync(join(folder, 'meta'))
  const j = journal()
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...j, entries: j.entries.filter((e) => e.tag === FIRST.tag) }),
  )
  copyFileSync(join(DRIZZLE, `${FIRST.tag}.sql`), join(folder, `${FIRST.tag}.sql`))
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  migrate(drizzle(sqlite), { migrationsFolder: folder })
  return sqlite
}

/** A group in the middle of a sale, written with the 0000 columns only. */
function seed(db: Database.Database): void {
  const ins = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row)
    db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row)
  }
  db.transaction(() => {
    ins('groups', {
      id: 1,
      topic: '烘焙同好群',
      owner_name: '阿May',
      next_sale_no: 3,
      last_digest_at: T + 600_000,
      digest_due_at: T + 900_000,
      created_at: T,
    })
    const names = ['阿May', 'Lily', 'Tom', 'Ann', 'Bob', 'Cici']
    names.forEach((name, i) =>
      ins('members', {
        id: i + 1,
        group_id: 1,
        name,
        contact_id: `wxid_${i}`,
        is_admin: name === 'Lily' ? 1 : 0,
        in_group: name === 'Cici' ? 0 : 1,
      }),
    )
    // sale 1: open, sold out, two members waiting; sale 2: variants, closed
    ins('sales', {
      id: 1,
      group_id: 1,
      no: 1,
      title: '云南蓝莓 125g×4盒',
      price_fen: 5900,
      stock: 10,
      limit_per_member: 3,
      min_units: 20,
      deadline: DEADLINE,
      created_by: 1,
      created_at: T,
      next_wait_seq: 3,
      sold_out_announced: 1,
      next_alert_at: DEADLINE - 3_600_000,
    })
    ins('sales', {
      id: 2,
      group_id: 1,
      no: 2,
      title: '车厘子',
      note: '顺丰冷链',
      price_fen: 8800,
      stock: null,
      deadline: T + 3_600_000,
      state: 'succeeded',
      created_by: 2,
      created_at: T,
      closed_at: T + 3_600_000,
      countdowns_done: '60,10',
    })
    ins('items', { id: 1, sale_id: 1, name: '云南蓝莓 125g×4盒', price_fen: 5900, stock: null, is_default: 1 })
    ins('items', { id: 2, sale_id: 2, name: '大果', price_fen: 8800, stock: 5 })
    ins('items', { id: 3, sale_id: 2, name: '小果', price_fen: 6800, stock: null })
    const order = (sale: number, item: number, member: number, confirmed: number) =>
      ins('orders', {
        sale_id: sale,
        item_id: item,
        member_id: member,
        confirmed,
        created_at: T + member * 1000,
        updated_at: T + member * 2000,
      })
    order(1, 1, 2, 3) // Lily
    order(1, 1, 3, 3) // Tom
    order(1, 1, 4, 2) // Ann
    order(1, 1, 5, 2) // Bob
    order(1, 1, 6, 0) // Cici joined, then cancelled
    order(2, 2, 3, 2)
    order(2, 3, 2, 1)
    ins('waitlist', { sale_id: 1, item_id: 1, member_id: 4, seq: 1, qty: 1 })
    ins('waitlist', { sale_id: 1, item_id: 1, member_id: 5, seq: 2, qty: 1 })
    ins('notices', {
      group_id: 1,
      sale_id: 1,
      member_name: 'Ann',
      kind: 'waitlisted',
      payload: JSON.stringify({ got: 2, waiting: 1, item: '' }),
      created_at: T + 800_000,
    })
    ins('outbox', {
      group_id: 1,
      text: '🛒 团1 开团：云南蓝莓 125g×4盒',
      kind: 'event',
      created_at: T,
      not_before: T,
      attempts: 1,
      sent_at: T + 1000,
    })
    ins('outbox', {
      group_id: 1,
      text: '【团1 云南蓝莓 125g×4盒】已接 10/10 份',
      mentions: '["Lily"]',
      kind: 'digest',
      created_at: T + 600_000,
      not_before: T + 600_000,
      attempts: 1,
      sent_at: T + 600_500,
    })
    ins('outbox', {
      group_id: null,
      to_name: 'Tom',
      text: '你目前没有登记任何团。',
      kind: 'reply',
      created_at: T + 700_000,
      not_before: T + 700_000,
    })
    ins('outbox', {
      group_id: 1,
      text: '发送失败的一条',
      kind: 'reply',
      created_at: T + 1,
      not_before: T + 64_000,
      attempts: 6,
      failed_at: T + 64_000,
    })
    for (let i = 0; i < 12; i++) ins('inbound', { msg_id: `wx-msg-${i}`, received_at: T + i * 1000 })
  })()
}

function tables(db: Database.Database): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[]
}

/** Every row of every table, by rowid, with the given columns of each table. */
function dump(db: Database.Database, columns: Map<string, string[]>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const [table, cols] of columns)
    out[table] = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).all()
  return out
}

it('the first released migration is unchanged', () => {
  const sql = readFileSync(join(DRIZZLE, `${FIRST.tag}.sql`))
  expect(createHash('sha256').update(sql).digest('hex')).toBe(FIRST.sha256)
  expect(journal().entries[0]).toMatchObject({ idx: 0, tag: FIRST.tag, when: FIRST.when })
})

it('a database of the first release migrates, keeps every row, and the bot works on it', async () => {
  const file = tmpDb()
  const v0 = firstReleaseDb(file)
  seed(v0)
  const columns = new Map(
    tables(v0).map((t) => [t, v0.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]]),
  )
  const before = dump(v0, columns)
  expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(30)
  v0.close()

  const db = openDb(file).$client
  // every migration since the first ran once
  expect(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(journal().entries.length)
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.pragma('foreign_key_check')).toEqual([])
  // every table and every row still there, with the values it had, but one on purpose:
  // 0004 unbinds members from contact ids (written per message, never read, stale after any
  // re-login); the next sighting binds each row again
  for (const t of columns.keys()) expect(tables(db)).toContain(t)
  const unbound = { ...before, members: before.members.map((m) => ({ ...(m as object), contact_id: null })) }
  expect(dump(db, columns)).toEqual(unbound)
  // groups and addresses are not bound to a room or contact id yet: the first sighting binds them
  expect(db.prepare('SELECT room_id, owner_id FROM groups').all()).toEqual([{ room_id: null, owner_id: null }])
  db.close()

  // the bot on the migrated database: the board shows the seeded tallies, a cancel promotes
  // the next member waiting, and the board follows
  const { out, errors, app } = await run(
    [
      say('2026-12-02T10:00:00+08:00', 'Tom', '/status'),
      say('2026-12-02T10:01:00+08:00', 'Bob', '取消'),
      say('2026-12-02T10:02:00+08:00', 'Tom', '/status'),
    ],
    file,
  )
  expect(errors).toEqual([])
  const boards = out.filter((o) => o.text.startsWith('📋')).map((o) => o.text)
  expect(boards).toHaveLength(2)
  const tally = (board: string) => ({
    sold: /已接 (\d+)\/(\d+) 份/.exec(board)?.slice(1, 3).map(Number),
    waiting: Number(/候补 (\d+) 份/.exec(board)?.[1] ?? 0),
    buyers: Number(/(\d+) 人/.exec(board)?.[1]),
  })
  expect(boards[0]).toContain('云南蓝莓 125g×4盒')
  expect(tally(boards[0])).toEqual({ sold: [10, 10], waiting: 2, buyers: 4 })
  expect(tally(boards[1])).toEqual({ sold: [9, 10], waiting: 0, buyers: 3 })
  // the reply left unsent by the old version goes out; the failed one stays given up
  expect(out.some((o) => o.to === 'Tom' && o.text === '你目前没有登记任何团。')).toBe(true)
  expect(out.some((o) => o.text === '发送失败的一条')).toBe(false)
  const ann = app.db.$client.prepare(`SELECT confirmed FROM orders WHERE sale_id = 1 AND member_id = 4`).pluck().get()
  expect(ann).toBe(3)
  app.close()
})
