// Logs go to stderr as JSON lines: stdout belongs to the simulator's chat and the CLIs.
// Message texts are never logged (they may hold phone numbers or addresses), and neither is
// anything that lets someone act as the account: cookies, tickets, tokens.
import pino, { type Logger, type DestinationStream } from 'pino'
import { redactError } from './redact.js'

export function makeLogger(level = process.env.LOG_LEVEL ?? 'info', dest: DestinationStream = pino.destination(2)): Logger {
  // every error goes through the redacting serializer, under either key it is logged with
  return pino({ level, base: undefined, serializers: { err: redactError, error: redactError } }, dest)
}

export const silentLogger = (): Logger => pino({ level: 'silent' })
