// Start-up as the live bot does it (open, migrate, close overdue sales, find the next
// due moment), in a process of its own so that the time includes loading the code.
// Usage: tsx bench/recovery-child.ts DB_FILE NOW_MS
import { performance } from 'node:perf_hooks'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { NullTransport } from './lib.js'

// static imports are evaluated before this line: the time so far is node start + code loading
const loaded = performance.now()
const [file, nowArg] = process.argv.slice(2)
const app = makeApp({ dbFile: file, transport: new NullTransport(), log: silentLogger() })
const opened = performance.now()
await app.engine.recover(Number(nowArg))
const recovered = performance.now()
const nextDue = app.runtime.nextDue()
const ready = performance.now()
const rss = process.memoryUsage().rss
const closed = app.db.$client.prepare("select count(*) from sales where state <> 'open'").pluck().get()
process.stdout.write(JSON.stringify({
  ready: true, openToReadyMs: ready - loaded, nodeStartToReadyMs: ready, rssBytes: rss, nextDue, closed,
  steps: { codeLoadedMs: loaded, makeAppMs: opened - loaded, recoverMs: recovered - opened, nextDueMs: ready - recovered },
}) + '\n')
app.close()
