// `npm run backup` while the bot writes: the copy is one committed state, whole and
// consistent, and restoring it (stop, copy over, remove -wal/-shm, start) gives a working
// database.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/db/db.js'
import { tmpDb } from '../harness.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ROWS_PER_TX = 5

/** `npm run backup` once (the script line); tsx straight away elsewhere, which starts faster. */
function backup(db: string, out: string, via: 'npm' | 'tsx' = 'tsx'): Promise<{ code: number | null; stderr: string }> {
  const [cmd, ...pre] =
    via === 'npm'
      ? ['npm', 'run', '--silent', 'backup', '--']
      : [process.execPath, '--import', 'tsx', 'src/cli/backup.ts']
  const child = spawn(cmd, [...pre, '--db', db, '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += String(d)))
  return new Promise((r) => child.on('close', (code) => r({ code, stderr })))
}

/** The bot's side: transaction n writes ROWS_PER_TX inbound rows and one outbox row, all or nothing. */
function writer(file: string) {
  const db = openDb(file).$client
  const inbound = db.prepare('INSERT INTO inbound (msg_id, received_at) VALUES (?, ?)')
  const outbox = db.prepare(
    `INSERT INTO outbox (to_name, text, kind, created_at, not_before) VALUES ('备份测试', ?, 'bk', ?, ?)`,
  )
  let n = 0
  const commit = db.transaction(() => {
    for (let j = 0; j < ROWS_PER_TX; j++) inbound.run(`w${n}-${j}`, n)
    outbox.run(`tx ${n} ${'x'.repeat(200)}`, n, n)
    n++
  })
  return { db, commit, count: () => n }
}

/** How many of the writer's transactions a database holds, after checking they form a whole prefix. */
function committed(file: string): number {
  const db = new Database(file, { readonly: true })
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.pragma('foreign_key_check')).toEqual([])
  const txs = db
    .prepare(`SELECT created_at FROM outbox WHERE kind = 'bk' ORDER BY created_at`)
    .pluck()
    .all() as number[]
  const rows = db.prepare(`SELECT count(*) FROM inbound WHERE msg_id LIKE 'w%'`).pluck().get() as number
  db.close()
  expect(txs).toEqual(txs.map((_, i) => i)) // transactions 0..k-1, none missing
  expect(rows).toBe(txs.length * ROWS_PER_TX) // and each one whole
  return txs.length
}

describe('npm run backup', () => {
  it('copies one committed state while another connection keeps writing, and the copy restores', async () => {
    const file = tmpDb()
    const out = join(dirname(file), 'backup.sqlite')
    const bot = writer(file)
    // a few MB, so that the copy is not a single page
    bot.db.transaction(() => {
      for (let i = 0; i < 4000; i++) bot.commit()
    })()

    const running = backup(file, out, 'npm')
    let done = false
    void running.then(() => (done = true))
    const before = bot.count()
    while (!done) {
      bot.commit() // never SQLITE_BUSY: the backup only reads
      await new Promise((r) => setTimeout(r, 1))
    }
    const after = bot.count()
    const { code, stderr } = await running
    expect(code, stderr).toBe(0)
    expect(stderr).toMatch(/integrity ok/)
    expect(after - before).toBeGreaterThan(20)

    // the snapshot fell between writes: some landed before it, some after
    const k = committed(out)
    expect(k).toBeGreaterThan(before)
    expect(k).toBeLessThan(after)
    const copy = new Database(out, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete') // one file, no -wal to carry along
    copy.close()
    expect(existsSync(`${out}-wal`)).toBe(false)

    // restore: stop the bot, copy the backup over the database, remove -wal/-shm, start
    bot.db.close()
    copyFileSync(out, file)
    rmSync(`${file}-wal`, { force: true })
    rmSync(`${file}-shm`, { force: true })
    const restarted = openDb(file)
    expect(restarted.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    restarted.$client.close()
    expect(committed(file)).toBe(k)
  }, 60_000)

  it('backs up a database whose bot is stopped, and refuses bad arguments', async () => {
    const file = tmpDb()
    const bot = writer(file)
    for (let i = 0; i < 10; i++) bot.commit()
    bot.db.close()
    const out = join(dirname(file), 'stopped.sqlite')
    expect((await backup(file, out)).code).toBe(0)
    expect(committed(out)).toBe(10)

    expect((await backup(join(dirname(file), 'missing.sqlite'), out)).code).toBe(2)
    expect((await backup(file, file)).code).toBe(2)
    expect(committed(file)).toBe(10)
  }, 60_000)
})
