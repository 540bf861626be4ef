// The SQLite and PostgreSQL schemas describe one database: same tables, columns, nullability,
// indexes and foreign keys. Types differ on purpose (bigint for epoch ms, boolean, identity ids).
import { is } from 'drizzle-orm'
import { PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core'
import { SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as pg from '../../src/db/schema.pg.js'
import * as sqlite from '../../src/db/schema.js'

type Shape = {
  columns: Record<string, { notNull: boolean }>
  indexes: Record<string, { unique: boolean; on: string[] }>
  foreignKeys: string[]
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>

function shape(config: Config): Shape {
  const columns: Shape['columns'] = {}
  for (const c of config.columns) columns[c.name] = { notNull: c.notNull }
  const indexes: Shape['indexes'] = {}
  for (const i of config.indexes)
    indexes[i.config.name!] = {
      unique: i.config.unique ?? false,
      on: i.config.columns.map((c) => (c as { name: string }).name),
    }
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const r = fk.reference()
      return `${r.columns.map((c) => c.name)} -> ${sqliteOrPgName(r.foreignTable)}(${r.foreignColumns.map((c) => c.name)})`
    })
    .sort()
  return { columns, indexes, foreignKeys }
}

const sqliteOrPgName = (t: unknown) =>
  is(t, SQLiteTable) ? sqliteConfig(t).name : pgConfig(t as Parameters<typeof pgConfig>[0]).name

function shapes(): { sqlite: Record<string, Shape>; pg: Record<string, Shape> } {
  const out = { sqlite: {} as Record<string, Shape>, pg: {} as Record<string, Shape> }
  for (const t of Object.values(sqlite))
    if (is(t, SQLiteTable)) {
      const c = sqliteConfig(t)
      out.sqlite[c.name] = shape(c)
    }
  for (const t of Object.values(pg))
    if (is(t, PgTable)) {
      const c = pgConfig(t)
      out.pg[c.name] = shape(c)
    }
  return out
}

describe('schema parity', () => {
  const both = shapes()

  it('has the same tables in both dialects', () => {
    expect(Object.keys(both.pg).sort()).toEqual(Object.keys(both.sqlite).sort())
    expect(Object.keys(both.sqlite).length).toBeGreaterThan(20)
  })

  for (const table of Object.keys(both.sqlite).sort())
    it(`${table}: same columns, nullability, indexes and foreign keys`, () => {
      expect(both.pg[table]).toEqual(both.sqlite[table])
    })
})
