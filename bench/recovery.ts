// Section 4: restart with 10,000 open sales whose countdowns are pending. Measured on the
// app's own entry as `npm start` runs it, `node dist/src/main.js` (compiled first if stale),
// from the "ready" line it logs: the database is open, the overdue sales are closed and the
// scheduler runs. Wechaty and the puppet load after that (puppet-mock here: the QR code needs
// WeChat's servers); the time until they have started is shown beside, without a target.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { NullTransport, median, progress, tmpDir } from './lib.js'
import { seedOpenSales } from './seed.js'

export type Recovery = {
  openSales: number
  overdue: number
  runs: number
  /** inside the entry: makeApp (open + migrate) → recover → scheduler started */
  openToReadyMs: number
  /** inside the entry: from the node process's time origin to ready (module loading included) */
  nodeStartToReadyMs: number
  /** inside the entry: processor time (user + system) until ready, which other load does not inflate */
  nodeStartToReadyCpuMs: number
  /** parent's wall clock from spawning node to the entry's ready line */
  wallMs: number
  /** inside the entry: from the node process's time origin until Wechaty and the puppet have started */
  nodeStartToWechatyMs: number
  /** resident memory when ready (Linux /proc; NaN elsewhere) */
  rssMb: number
  closedAtStart: number
}

type Run = {
  openToReadyMs: number
  nodeStartToReadyMs: number
  nodeStartToReadyCpuMs: number
  wallMs: number
  nodeStartToWechatyMs: number
  rssBytes: number
}

const root = fileURLToPath(new URL('..', import.meta.url))
const entry = join(root, 'dist', 'src', 'main.js')

export async function recovery(openSales = 10_000, overdue = 100, runs = 5): Promise<Recovery> {
  progress('recovery: building dist/ if a source changed')
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (built.status !== 0) throw new Error('build failed')

  const dir = tmpDir('recovery')
  const seeded = join(dir, 'seeded.sqlite')
  progress(`recovery: seeding ${openSales} open sales (${overdue} overdue)`)
  // the entry runs on the wall clock, so the countdowns are laid out from now
  const now = Date.now()
  const app = makeApp({ dbFile: seeded, transport: new NullTransport(), log: silentLogger() })
  seedOpenSales(app.db.$client, openSales, 500, 60, overdue, now)
  app.close()

  const results: Run[] = []
  let closedAtStart = 0
  for (let i = 0; i < runs; i++) {
    // a fresh copy each time: recovery closes the overdue sales
    const run = join(dir, `run-${i}`)
    mkdirSync(run)
    const file = join(run, 'bot.sqlite')
    copyFileSync(seeded, file)
    progress(`recovery: start-up ${i + 1}/${runs}`)
    results.push(await startOnce(file, join(run, 'session')))
    const db = new Database(file, { readonly: true })
    closedAtStart = db.prepare("select count(*) from sales where state <> 'open'").pluck().get() as number
    db.close()
  }
  return {
    openSales,
    overdue,
    runs,
    openToReadyMs: median(results.map((r) => r.openToReadyMs)),
    nodeStartToReadyMs: median(results.map((r) => r.nodeStartToReadyMs)),
    nodeStartToReadyCpuMs: median(results.map((r) => r.nodeStartToReadyCpuMs)),
    wallMs: median(results.map((r) => r.wallMs)),
    nodeStartToWechatyMs: median(results.map((r) => r.nodeStartToWechatyMs)),
    rssMb: Math.max(...results.map((r) => r.rssBytes)) / 2 ** 20,
    closedAtStart,
  }
}

/** Resident memory of a process, read from /proc. */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) * 1024 : NaN
  } catch {
    return NaN
  }
}

function startOnce(dbFile: string, session: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      SHANTUAN_DB: dbFile,
      SHANTUAN_NAME: session,
      WECHATY_PUPPET: 'wechaty-puppet-mock',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    }
    const t0 = process.hrtime.bigint()
    const p = spawn(process.execPath, [entry], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] })
    let buf = ''
    let wallMs = 0
    let rssBytes = NaN
    let ready: { startupMs: number; dbMs: number; cpuMs: number; time: number } | null = null
    let wechatyAt = 0
    p.stderr.on('data', (d: Buffer) => {
      buf += d.toString()
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        let rec: { msg?: string; time: number; startupMs: number; dbMs: number; cpuMs: number }
        try {
          rec = JSON.parse(line)
        } catch {
          continue
        }
        if (rec.msg === 'ready') {
          wallMs = Number(process.hrtime.bigint() - t0) / 1e6
          rssBytes = rssOf(p.pid!)
          ready = rec
        }
        if (rec.msg === 'connecting to WeChat') {
          wechatyAt = rec.time
          p.kill('SIGTERM')
        }
      }
    })
    p.on('error', reject)
    p.on('close', (code) => {
      if (!ready || !wechatyAt)
        return reject(new Error(`the entry exited with ${code} before it was ready and connecting: ${buf}`))
      // both lines carry the epoch time: the ready line's minus its startupMs is the process start
      const nodeStartToWechatyMs = wechatyAt - (ready.time - ready.startupMs)
      resolve({
        openToReadyMs: ready.dbMs,
        nodeStartToReadyMs: ready.startupMs,
        nodeStartToReadyCpuMs: ready.cpuMs,
        wallMs,
        nodeStartToWechatyMs,
        rssBytes,
      })
    })
  })
}
