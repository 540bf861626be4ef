// The build `npm start` runs: from an empty folder to compiled JavaScript that starts the bot,
// and the staleness check that decides whether a start must build first. Built into a folder
// of its own under .tmp/ so that a developer's dist/ is left alone.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
mkdirSync(join(ROOT, '.tmp'), { recursive: true })
const OUT = mkdtempSync(join(ROOT, '.tmp', 'build-test-'))
const DATA = mkdtempSync(join(ROOT, '.tmp', 'build-data-'))
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  rmSync(DATA, { recursive: true, force: true })
})

const build = (...flags: string[]) =>
  spawnSync(process.execPath, ['scripts/build.mjs', '--out', OUT, ...flags], { cwd: ROOT, encoding: 'utf8' })

/** Start the compiled bot and collect its JSON log lines until `until` is seen (or it exits). */
function startCompiled(until: string): Promise<{ lines: Record<string, unknown>[]; code: number | null }> {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      SHANTUAN_DB: join(DATA, 'bot.sqlite'),
      SHANTUAN_NAME: join(DATA, 'bot'),
      WECHATY_PUPPET: 'wechaty-puppet-mock',
    }
    const p = spawn(process.execPath, [join(OUT, 'src', 'main.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    const lines: Record<string, unknown>[] = []
    let buf = ''
    p.stderr.on('data', (d: Buffer) => {
      buf += d.toString()
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        try {
          lines.push(JSON.parse(line))
        } catch {
          lines.push({ raw: line })
        }
        if (lines.at(-1)!.msg === until) p.kill('SIGTERM')
      }
    })
    p.on('error', reject)
    p.on('close', (code) => resolve({ lines, code }))
  })
}

describe('the build', () => {
  it('compiles src/ and commands/ from an empty folder, and the compiled bot starts and loads its puppet by name', async () => {
    expect(build('--check').status).toBe(1) // nothing built yet: a start must build
    const r = build('--if-stale')
    expect(r.status, r.stderr).toBe(0)
    expect(existsSync(join(OUT, 'src', 'main.js'))).toBe(true)
    expect(existsSync(join(OUT, 'commands', 'list.js'))).toBe(true)
    expect(build('--check').status).toBe(0)

    // Wechaty is imported only in the live path, after the database is ready
    expect(readFileSync(join(OUT, 'src', 'main.js'), 'utf8')).not.toMatch(/^import [^;]*from ['"]wechaty['"]/m)

    const { lines, code } = await startCompiled('connecting to WeChat')
    const msgs = lines.map((l) => l.msg)
    // the migrations are found from the package root, not from the build folder
    expect(msgs).toContain('ready')
    expect(msgs.indexOf('ready')).toBeLessThan(msgs.indexOf('connecting to WeChat'))
    expect(lines.find((l) => l.msg === 'ready')!.startupMs).toEqual(expect.any(Number))
    expect(msgs).toContain('stopping')
    expect(code).toBe(0)
  }, 180_000)

  it('a bad setting stops the compiled bot with one line naming it, not a stack', () => {
    const r = spawnSync(process.execPath, [join(OUT, 'src', 'main.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOG_FORMAT: 'pretty', SHANTUAN_DB: join(DATA, 'bad.sqlite') },
    })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bad environment: LOG_FORMAT: /)])
    expect(existsSync(join(DATA, 'bad.sqlite'))).toBe(false)
  })

  it('builds again only when the sources differ from those of the last build', () => {
    const stamp = join(OUT, '.built')
    const before = readFileSync(stamp, 'utf8')
    const mtime = statSync(stamp).mtimeMs
    expect(build('--if-stale').status).toBe(0)
    expect(statSync(stamp).mtimeMs).toBe(mtime) // same sources: nothing rebuilt
    expect(build('--check').status).toBe(0)

    // a build made from other sources (as before `git pull` or an edit) is due again
    writeFileSync(
      stamp,
      before.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    )
    expect(build('--check').status).toBe(1)
  })
})
