// What the bot writes is readable by its own user only, export names never collide, and old
// exports do not pile up.
import { chmodSync, mkdtempSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb } from '../../src/db/db.js'
import { exportsWritten } from '../../src/exportXlsx.js'
import { EXPORT_KEEP_MS, sweepExports } from '../../src/files.js'
import { LAUNCH, group, run, say, sayIn, tmpDb } from '../harness.js'

const mode = (f: string) => statSync(f).mode & 0o777
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

// the shell that starts the bot usually has umask 022 (files 644): the bot must not rely on it
let umask = 0
beforeEach(() => {
  umask = process.umask(0o022)
})
afterEach(() => {
  process.umask(umask)
})

describe('files on disk', () => {
  it('data/ is 0700; the database, its WAL and shared memory are 0600', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'shantuan-files-')), 'data')
    const file = join(dir, 'shantuan.sqlite')
    const db = openDb(file)
    db.$client.prepare('insert into inbound (msg_id, received_at) values (?, ?)').run('m1', 1)
    expect(mode(dir)).toBe(0o700)
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f)).toBe(0o600)
    db.$client.close()
  })

  it('a database left world-readable by an older version is tightened when opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shantuan-files-'))
    const file = join(dir, 'old.sqlite')
    openDb(file).$client.close()
    chmodSync(file, 0o644)
    openDb(file).$client.close()
    expect(mode(file)).toBe(0o600)
  })

  it('two exports in the same minute, of two groups with the same sale number, get two private files; no reply shows a path', async () => {
    const db = tmpDb()
    const at = '2026-12-01T10:00:00+08:00'
    const { out, app } = await run(
      [
        group(at),
        { ...group(at), room: '另一个群' },
        say('2026-12-01T10:01:00+08:00', '阿May', LAUNCH),
        sayIn('另一个群', '2026-12-01T10:01:00+08:00', '阿May', LAUNCH),
        say('2026-12-01T10:02:00+08:00', 'Lily', '+1'),
        sayIn('另一个群', '2026-12-01T10:02:00+08:00', 'Tom', '+2'),
        say('2026-12-01T10:03:00+08:00', '阿May', '截单'),
        sayIn('另一个群', '2026-12-01T10:03:00+08:00', '阿May', '截单'),
        { at: '2026-12-01T11:00:00+08:00', from: '阿May', text: '/export 烘焙同好群 团1' },
        { at: '2026-12-01T11:00:10+08:00', from: '阿May', text: '/export 另一个群 团1' },
        { at: '2026-12-01T11:00:20+08:00', from: '阿May', text: '/export 烘焙同好群 团1' },
      ],
      db,
    )
    await exportsWritten()
    app.close()
    const sent = out.filter((o) => o.file !== undefined)
    expect(sent).toHaveLength(3)
    const files = sent.map((o) => o.file!)
    expect(new Set(files).size).toBe(3)
    for (const f of files) {
      expect(existsSync(f)).toBe(true)
      expect(mode(f)).toBe(0o600)
    }
    for (const o of out) {
      expect(o.text).not.toContain(dirname(files[0]))
      expect(o.text).not.toMatch(/\.xlsx|exports/)
      for (const f of files) expect(o.text).not.toContain(basename(f))
    }
  })

  it('the backup and export CLIs write files only their user may read, whatever the umask', async () => {
    const db = tmpDb()
    const { app } = await run(
      [
        group('2026-12-01T10:00:00+08:00'),
        say('2026-12-01T10:01:00+08:00', '阿May', LAUNCH),
        say('2026-12-01T10:02:00+08:00', 'Lily', '+1'),
      ],
      db,
    )
    app.close()
    const dir = dirname(db)
    const cli = (script: string, ...args: string[]) => {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, script), ...args],
        { cwd: dir, encoding: 'utf8', env: { ...process.env } },
      )
      expect(r.status, r.stderr).toBe(0)
    }
    cli('src/cli/backup.ts', '--db', db, '--out', join(dir, 'backup.sqlite'))
    cli('src/cli/export.ts', '--db', db, '--out', join(dir, 'orders.csv'))
    expect(mode(join(dir, 'backup.sqlite'))).toBe(0o600)
    expect(mode(join(dir, 'orders.csv'))).toBe(0o600)
  }, 30_000)

  it('exports older than a day are swept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shantuan-exports-'))
    const now = Date.now()
    const old = join(dir, 'old.xlsx')
    const fresh = join(dir, 'fresh.xlsx')
    writeFileSync(old, 'x')
    writeFileSync(fresh, 'x')
    const past = (now - EXPORT_KEEP_MS - 60_000) / 1000
    utimesSync(old, past, past)
    expect(sweepExports(dir, now)).toBe(1)
    expect(existsSync(old)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
  })
})
