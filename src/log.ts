// Logs go to stderr: stdout belongs to the simulator's chat and the CLIs.
// JSON lines for machines (a service's journal, a file, LOG_FORMAT=json); short human lines when
// a person watches a terminal. Message texts are never logged (they may hold phone numbers or
// addresses), and neither is anything that lets someone act as the account: cookies, tickets, tokens.
import pino, { type Logger } from 'pino'
import { redactError } from './redact.js'

export type LogFormat = 'pretty' | 'json'

/** Human lines only for a person at a terminal: whatever reads a redirected stderr gets JSON. */
export function logFormat(setting: string | undefined, stderrIsTty: boolean): LogFormat {
  return stderrIsTty && setting !== 'json' ? 'pretty' : 'json'
}

type Out = { write(text: string): unknown }

export function makeLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  format: LogFormat = logFormat(process.env.LOG_FORMAT, process.stderr.isTTY === true),
  out: Out = process.stderr,
): Logger {
  // every error goes through the redacting serializer, under either key it is logged with
  const opts = { level, base: undefined, serializers: { err: redactError, error: redactError } }
  if (format === 'json') return pino(opts, out === process.stderr ? pino.destination(2) : out)
  const stacks = level === 'debug' || level === 'trace'
  return pino(opts, prettyStream(out, { stacks, color: out === process.stderr && !process.env.NO_COLOR }))
}

export const silentLogger = (): Logger => pino({ level: 'silent' })

const LEVELS: Record<number, { name: string; color: string }> = {
  10: { name: 'TRACE', color: '90' },
  20: { name: 'DEBUG', color: '90' },
  30: { name: 'INFO ', color: '32' },
  40: { name: 'WARN ', color: '33' },
  50: { name: 'ERROR', color: '31' },
  60: { name: 'FATAL', color: '35' },
}
const MAX_VALUE = 80

/**
 * One short line a record: time, level, message, the other fields as key=value. An error shows
 * its message only; its stack is for debug level, where a person has asked for it.
 */
export function prettyStream(out: Out, opts: { stacks: boolean; color: boolean }): Out {
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s)
  return {
    write(line: string) {
      let rec: Record<string, unknown>
      try {
        rec = JSON.parse(line)
      } catch {
        return out.write(line)
      }
      const { level, time, msg, err, ...rest } = rec
      const lv = LEVELS[level as number] ?? { name: String(level), color: '0' }
      const at = new Date(time as number).toTimeString().slice(0, 8)
      const parts = [paint('90', at), paint(lv.color, lv.name), String(msg ?? '')]
      const e = err as { message?: string; stack?: string } | undefined
      if (e) parts.push(paint(lv.color, `— ${firstLine(e.message ?? String(e))}`))
      for (const [k, v] of Object.entries(rest)) parts.push(paint('90', `${k}=${short(v)}`))
      let text = parts.join(' ') + '\n'
      if (opts.stacks && e?.stack)
        text +=
          e.stack
            .split('\n')
            .map((l) => `    ${l}`)
            .join('\n') + '\n'
      return out.write(text)
    },
  }
}

const firstLine = (s: string) => s.split('\n')[0]

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return s.length > MAX_VALUE ? s.slice(0, MAX_VALUE - 1) + '…' : s
}
