// Section 4: restart with 10,000 open sales whose countdowns are pending. Measured in a
// child process started with tsx, as `npm start` starts the bot.
import { spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { MORNING, NullTransport, median, progress, tmpDir } from './lib.js'
import { seedOpenSales } from './seed.js'

export type Recovery = {
  openSales: number
  overdue: number
  runs: number
  /** inside the child: makeApp (open + migrate) → recover → nextDue */
  openToReadyMs: number
  /** inside the child: from the node process's time origin to ready (module loading and tsx's transform included) */
  nodeStartToReadyMs: number
  /** parent's wall clock from spawning the tsx CLI to the child's ready line */
  wallMs: number
  rssMb: number
  closedAtStart: number
  /** medians of the child's steps: code loaded (since node start), makeApp, recover, nextDue */
  steps: Record<string, number>
}

type Run = { openToReadyMs: number; nodeStartToReadyMs: number; wallMs: number; rssBytes: number; closed: number; steps: Record<string, number> }

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const child = join(root, 'bench', 'recovery-child.ts')

export async function recovery(openSales = 10_000, overdue = 100, runs = 3): Promise<Recovery> {
  const dir = tmpDir('recovery')
  const seeded = join(dir, 'seeded.sqlite')
  progress(`recovery: seeding ${openSales} open sales (${overdue} overdue)`)
  const app = makeApp({ dbFile: seeded, transport: new NullTransport(), log: silentLogger() })
  seedOpenSales(app.db.$client, openSales, 500, 60, overdue, MORNING)
  app.close()

  const results: Run[] = []
  for (let i = 0; i < runs; i++) {
    // a fresh copy each time: recovery closes the overdue sales
    const file = join(dir, `run-${i}.sqlite`)
    copyFileSync(seeded, file)
    progress(`recovery: start-up ${i + 1}/${runs}`)
    results.push(await startOnce(file, MORNING))
  }
  return {
    openSales, overdue, runs,
    openToReadyMs: median(results.map((r) => r.openToReadyMs)),
    nodeStartToReadyMs: median(results.map((r) => r.nodeStartToReadyMs)),
    wallMs: median(results.map((r) => r.wallMs)),
    rssMb: Math.max(...results.map((r) => r.rssBytes)) / 2 ** 20,
    closedAtStart: results[0].closed,
    steps: Object.fromEntries(Object.keys(results[0].steps).map((k) => [k, median(results.map((r) => r.steps[k]))])),
  }
}

function startOnce(file: string, at: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const p = spawn(tsx, [child, file, String(at)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    let wallMs = 0
    p.stdout.on('data', (d: Buffer) => {
      if (wallMs === 0 && (out += d.toString()).includes('\n')) wallMs = Number(process.hrtime.bigint() - t0) / 1e6
    })
    p.on('error', reject)
    p.on('close', (code) => {
      if (code !== 0 || wallMs === 0) return reject(new Error(`recovery child exited with ${code}: ${out}`))
      const r = JSON.parse(out.split('\n')[0])
      resolve({ openToReadyMs: r.openToReadyMs, nodeStartToReadyMs: r.nodeStartToReadyMs, wallMs, rssBytes: r.rssBytes, closed: r.closed, steps: r.steps })
    })
  })
}
