// The export contract with ids: every row says which room and which member it is about, and
// the command line picks a group by room id; a topic two groups carry picks neither.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { at, runReplay, tmpDb, type ReplayLine as In } from '../harness.js'
import { COLUMNS, exportRows } from '../../src/export.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const ROOM = '烘焙同好群'
const SALE = '/launch 蓝莓\n价格: 59\n截止: 2026-12-01 20:00'
const by = (hm: string, roomId: string, name: string, id: string, text: string): In => ({
  at: at(hm),
  room: ROOM,
  roomId,
  from: name,
  fromId: id,
  text,
})

/** Two rooms with one topic, each with a sale and a member called Tom. */
const twins: In[] = [
  {
    at: at('10:00'),
    room: ROOM,
    roomId: 'r1',
    owner: '阿May',
    ownerId: 'may',
    members: [
      { name: '阿May', id: 'may' },
      { name: 'Tom', id: 'tom-1' },
    ],
  },
  {
    at: at('10:00'),
    room: ROOM,
    roomId: 'r2',
    owner: 'Bob',
    ownerId: 'bob',
    members: [
      { name: 'Bob', id: 'bob' },
      { name: 'Tom', id: 'tom-2' },
    ],
  },
  by('10:01', 'r1', '阿May', 'may', SALE),
  by('10:01', 'r2', 'Bob', 'bob', SALE),
  by('10:02', 'r1', 'Tom', 'tom-1', '+1'),
  by('10:03', 'r2', 'Tom', 'tom-2', '+3'),
]

const csv = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/export.ts'), ...args], {
    encoding: 'utf8',
  })

describe('export with ids', () => {
  it('adds room_id and member_id after the columns it always had', async () => {
    const { app } = await runReplay(twins)
    expect(COLUMNS.slice(-2)).toEqual(['room_id', 'member_id'])
    const rows = exportRows(app.db, {}).map((r) => ({
      room: r.room,
      room_id: r.room_id,
      member: r.member,
      member_id: r.member_id,
      quantity: r.quantity,
    }))
    expect(rows).toEqual([
      { room: ROOM, room_id: 'r1', member: 'Tom', member_id: 'tom-1', quantity: 1 },
      { room: ROOM, room_id: 'r2', member: 'Tom', member_id: 'tom-2', quantity: 3 },
    ])
    app.close()
  })

  it('without ids the room id is the topic and the member id the name', async () => {
    const { app } = await runReplay([
      { at: at('10:00'), room: ROOM, owner: '阿May', members: ['阿May', 'Lily'] },
      { at: at('10:01'), room: ROOM, from: '阿May', text: SALE },
      { at: at('10:02'), room: ROOM, from: 'Lily', text: '+2' },
    ])
    expect(exportRows(app.db, {}).map((r) => [r.room_id, r.member_id])).toEqual([[ROOM, 'Lily']])
    app.close()
  })

  it('the command line refuses a topic two groups carry, listing their ids, and takes --room-id', async () => {
    const db = tmpDb()
    const { app } = await runReplay(twins, db)
    app.close()
    const out = join(dirname(db), 'out.csv')
    const refused = csv('--db', db, '--out', out, '--room', ROOM)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('r1')
    expect(refused.stderr).toContain('r2')
    const ok = csv('--db', db, '--out', out, '--room-id', 'r2')
    expect(ok.status).toBe(0)
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)
    expect(lines[0].split(',').slice(-2)).toEqual(['room_id', 'member_id'])
    expect(lines.slice(1).map((l) => l.split(',').slice(-2))).toEqual([['r2', 'tom-2']])
  })
})
