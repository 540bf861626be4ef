// Nothing can be sent before the account has logged in. Until it has, the live loop still runs
// deadlines, countdowns and jobs, but leaves the outbox alone: a send tried then would fail, use
// up its retries while a person is still scanning the QR code (results of sales closed at
// start-up would be given up), and fill the terminal with warnings above the QR code.
import { Runtime } from './runtime.js'
import type { Sender } from './sender.js'

export function sendOnlyWhenOnline(runtime: Runtime, online: () => boolean): Runtime {
  // the same sender behind a gate: every other method is the real one
  const gated: Sender = Object.create(runtime.sender)
  gated.flush = async (now) => (online() ? runtime.sender.flush(now) : 0)
  gated.nextDue = () => (online() ? runtime.sender.nextDue() : null)
  return new Runtime(runtime.engine, gated)
}
