// An error as the log may hold it. HTTP clients (wechat4u's axios) hang the whole request on
// their errors: the URL with pass_ticket, the cookie header (wxsid, webwx_data_ticket) and the
// body with the message text. Only an allow-list of plain fields is kept, and even those are
// scrubbed, since a message or a stack line can quote a URL or a number.
import { maskPhones } from './core/privacy.js'

export type LoggedError = {
  type: string
  message: string
  code?: string
  status?: number
  tips?: string
  stack?: string
  cause?: LoggedError
}

// query strings carry tickets and keys; key=value pairs named like secrets anywhere else too
const QUERY = /\?[^\s"'<>]*/g
const SECRET_PAIR =
  /\b(pass_?ticket|wxsid|wxuin|webwx_data_ticket|webwx_auth_ticket|skey|sid|uin|token|cookie|authorization|ticket|password)\b\s*[=:]\s*[^\s;&,"']+/gi
const LONG = 300

export function scrub(text: string): string {
  return maskPhones(text.replace(QUERY, '?…').replace(SECRET_PAIR, '$1=…')).slice(0, LONG)
}

export function redactError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) {
    // a thrown string or object may be anything, even a message body: keep only its kind
    return { type: typeof err, message: typeof err === 'string' ? scrub(err) : '(not an Error)' }
  }
  const e = err as Error & {
    code?: unknown
    status?: unknown
    response?: { status?: unknown }
    tips?: unknown
    cause?: unknown
  }
  const out: LoggedError = { type: e.name || e.constructor?.name || 'Error', message: scrub(String(e.message ?? '')) }
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code)
  const status = typeof e.status === 'number' ? e.status : e.response?.status
  if (typeof status === 'number') out.status = status
  if (typeof e.tips === 'string') out.tips = scrub(e.tips)
  // the first line repeats the (scrubbed) message; the frames are file paths and line numbers
  if (typeof e.stack === 'string')
    out.stack = e.stack
      .split('\n')
      .slice(0, 8)
      .map((l) => scrub(l.trim()))
      .join('\n')
  if (e.cause !== undefined && depth < 3) out.cause = redactError(e.cause, depth + 1)
  return out
}
