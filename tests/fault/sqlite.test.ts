// The SQLite settings openDb applies, and why each one was chosen. (better-sqlite3's own
// build happens to default to foreign keys on and NORMAL in WAL mode; openDb sets them
// anyway, so that they do not depend on how the driver was compiled.)
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/db/db.js'
import { tmpDb } from '../harness.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

describe('openDb settings', () => {
  it('sets WAL, synchronous NORMAL, foreign keys on and a 5 s busy timeout', () => {
    const db = openDb(tmpDb()).$client
    // WAL: a commit appends to the -wal file; readers (export, backup, a second process)
    // keep reading their snapshot while the bot writes, and never block it.
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    // synchronous=NORMAL (1): in WAL mode commits are not fsynced, checkpoints are. A killed
    // process loses no commit (kill.test.ts); an OS crash or power cut may lose the last
    // commits but never corrupts the file. FULL would fsync every message handled.
    expect(db.pragma('synchronous', { simple: true })).toBe(1)
    // foreign_keys: SQLite leaves them off on every new connection; on, an order or an
    // outbox row cannot point at a sale, member or group that does not exist.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    // busy_timeout=5000: when another process (an export, a backup, a second bot by
    // mistake) holds the write lock for a moment, the bot waits up to 5 s instead of failing
    // the message with SQLITE_BUSY.
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    db.close()
  })

  it('enforces foreign keys', () => {
    const db = openDb(tmpDb()).$client
    expect(() => db.prepare(`INSERT INTO members (group_id, name) VALUES (999, 'Tom')`).run()).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it('lets a second connection read while a write transaction is open, and a reader never blocks the writer', () => {
    const file = tmpDb()
    const bot = openDb(file).$client
    const reader = openDb(file).$client
    const topics = () => reader.prepare('SELECT topic FROM groups ORDER BY id').pluck().all()
    bot.prepare(`INSERT INTO groups (topic, created_at) VALUES ('一群', 1)`).run()

    bot.exec('BEGIN IMMEDIATE')
    bot.prepare(`INSERT INTO groups (topic, created_at) VALUES ('二群', 2)`).run()
    const t0 = performance.now()
    expect(topics()).toEqual(['一群']) // the committed state, at once: no wait for the lock
    expect(performance.now() - t0).toBeLessThan(1000)
    bot.exec('COMMIT')
    expect(topics()).toEqual(['一群', '二群'])

    // a long read (an export) keeps its snapshot while the bot goes on committing
    reader.exec('BEGIN')
    expect(topics()).toEqual(['一群', '二群'])
    bot.prepare(`INSERT INTO groups (topic, created_at) VALUES ('三群', 3)`).run()
    expect(topics()).toEqual(['一群', '二群'])
    reader.exec('COMMIT')
    expect(topics()).toEqual(['一群', '二群', '三群'])
    bot.close()
    reader.close()
  })

  it('waits for another process holding the write lock instead of failing', async () => {
    const file = tmpDb()
    openDb(file).$client.close()
    // another process takes the write lock, holds it 2 s, then commits
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const db = new (require('better-sqlite3'))(process.argv[1])
      db.exec('BEGIN IMMEDIATE')
      db.prepare("INSERT INTO groups (topic, created_at) VALUES ('别的进程', 1)").run()
      console.log('locked')
      setTimeout(() => { db.exec('COMMIT'); db.close() }, 2000)
    `,
        file,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise((r) => holder.on('close', r))
    for await (const line of createInterface({ input: holder.stdout })) if (line === 'locked') break

    const impatient = new Database(file, { timeout: 0 })
    expect(() => impatient.prepare(`INSERT INTO groups (topic, created_at) VALUES ('急', 2)`).run()).toThrow(
      /locked|busy/i,
    )
    impatient.close()

    const t0 = performance.now()
    const bot = openDb(file).$client
    bot.prepare(`INSERT INTO groups (topic, created_at) VALUES ('机器人', 3)`).run() // waits for the other's commit
    const waited = performance.now() - t0
    expect(waited).toBeGreaterThan(300)
    expect(waited).toBeLessThan(5000)
    expect(bot.prepare('SELECT topic FROM groups ORDER BY id').pluck().all()).toEqual(['别的进程', '机器人'])
    bot.close()
    await exited
  })
})

describe('checkpoints', () => {
  it('are not run inside message commits, but by the live loop once a minute, which keeps the WAL from growing', async () => {
    const { statSync } = await import('node:fs')
    const { makeApp } = await import('../../src/app.js')
    const { silentLogger } = await import('../../src/log.js')
    const { RecordingTransport } = await import('../../src/replay.js')
    const file = tmpDb()
    const app = makeApp({ dbFile: file, transport: new RecordingTransport(), log: silentLogger() })
    expect(app.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    const t0 = Date.parse('2026-12-01T10:00:00+08:00')
    await app.engine.declareGroup('群', '团长', ['团长', 'Lily', 'Tom'], t0)
    await app.engine.handle({
      id: 'l',
      at: t0,
      room: '群',
      from: '团长',
      text: '/launch 蓝莓\n价格: 59\n截止: 2小时后',
    })
    let n = 0
    const burst = async () => {
      for (let i = 0; i < 200; i++, n++)
        await app.engine.handle({
          id: `j${n}`,
          at: t0 + n,
          room: '群',
          from: n % 2 ? 'Lily' : 'Tom',
          text: `+${(n % 3) + 1}`,
        })
    }
    const wal = () => statSync(`${file}-wal`).size
    await burst()
    const first = wal()
    await burst()
    // no checkpoint yet: the second burst appended to the same WAL
    expect(wal()).toBeGreaterThan(first * 1.5)
    const grown = wal()
    await app.engine.maintain(t0 + 60_000)
    await burst()
    // after the checkpoint the WAL is reused from its start instead of growing further
    expect(wal()).toBeLessThanOrEqual(grown)
    app.close()
  })
})
