// Logs go to stderr as JSON lines: stdout belongs to the simulator's chat and the CLIs.
// Message texts are never logged (they may hold phone numbers or addresses).
import pino, { type Logger } from 'pino'

export function makeLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2))
}

export const silentLogger = (): Logger => pino({ level: 'silent' })
