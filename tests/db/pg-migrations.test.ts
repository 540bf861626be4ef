// The committed PostgreSQL migrations, applied by drizzle's node-postgres migrator to a real
// server, build exactly the tables and columns of schema.pg.ts, and take rows with explicit ids
// (what a copy from SQLite will insert) and epoch milliseconds past 2^31.
import { is } from 'drizzle-orm'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as schema from '../../src/db/schema.pg.js'
import { startCluster, type Cluster } from '../support/pg.js'

describe('PostgreSQL migrations on a real server', () => {
  let cluster: Cluster | undefined
  let pool: pg.Pool
  let db: NodePgDatabase<typeof schema>

  beforeAll(async () => {
    const started = await startCluster()
    if ('missing' in started) return console.log(`PostgreSQL migration tests skipped: ${started.missing}`)
    cluster = started
    pool = new pg.Pool({ connectionString: cluster.url, max: 2 })
    db = drizzle(pool, { schema })
    await migrate(db, { migrationsFolder: 'drizzle-pg' })
  })

  afterAll(async () => {
    await pool?.end()
    cluster?.stop()
  })

  beforeEach(({ skip }) => {
    if (!cluster) skip()
  })

  it('creates exactly the tables and columns of the pg schema', async () => {
    const expected: Record<string, string[]> = {}
    for (const t of Object.values(schema))
      if (is(t, PgTable)) {
        const c = getTableConfig(t)
        expected[c.name] = c.columns.map((col) => col.name).sort()
      }
    const { rows } = await pool.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    )
    const actual: Record<string, string[]> = {}
    for (const r of rows) (actual[r.table_name] ??= []).push(r.column_name)
    for (const cols of Object.values(actual)) cols.sort()
    expect(actual).toEqual(expected)
  })

  it('takes a group, a member and a sale with explicit ids, then moves past them', async () => {
    const at = 1_764_800_000_000 // epoch ms: needs bigint
    await db.insert(schema.groups).values({ id: 41, roomId: 'room-1', topic: '楼下团', createdAt: at })
    await db.insert(schema.members).values({ id: 7, groupId: 41, name: 'Lily', contactId: 'wxid_lily', isAdmin: true })
    await db.insert(schema.sales).values({
      id: 300,
      groupId: 41,
      no: 1,
      title: '荔枝',
      priceFen: 5900,
      deadline: at + 86_400_000,
      createdBy: 7,
      createdAt: at,
    })
    expect(await db.select().from(schema.groups)).toEqual([
      expect.objectContaining({ id: 41, topic: '楼下团', createdAt: at, digestSeconds: 15, lastDigestAt: null }),
    ])
    expect(await db.select().from(schema.members)).toEqual([
      { id: 7, groupId: 41, name: 'Lily', contactId: 'wxid_lily', isAdmin: true, inGroup: true },
    ])
    expect(await db.select().from(schema.sales)).toEqual([
      expect.objectContaining({
        id: 300,
        groupId: 41,
        deadline: at + 86_400_000,
        state: 'open',
        soldOutAnnounced: false,
      }),
    ])
    // what the copy from SQLite will do after inserting explicit ids
    await pool.query(`select setval(pg_get_serial_sequence('groups', 'id'), (select max(id) from groups))`)
    const [next] = await db.insert(schema.groups).values({ topic: '新群', createdAt: at }).returning()
    expect(next.id).toBe(42)
  })
})
