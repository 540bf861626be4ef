// Telling a network failure apart from a bug: a person at the terminal needs one line saying
// WeChat cannot be reached and what to check, not a stack trace from deep inside the puppet.

/** System error codes that mean "could not reach the server", whatever library raised them. */
const CODES = [
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'EPIPE',
]
const CODE = new RegExp(`\\b(${CODES.join('|')})\\b`)
// "getaddrinfo ENOTFOUND login.wx.qq.com" names a host; "connect ECONNREFUSED 1.2.3.4:443" an address
const HOST = /\b(?:ENOTFOUND|EAI_AGAIN)\s+([\w.-]*\w)/
const ADDRESS = /\b(\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?)\b/
const HANG_UP = /socket hang up|network (?:error|timeout)/i

export type NetworkFailure = { code: string; host: string | null; line: string }

/**
 * The puppets wrap the system error several times (wechat4u's arrives as a GError whose code
 * is a number and whose message is "getaddrinfo ENOTFOUND login.wx.qq.com"), so the code is
 * looked for in the message, the code, the details and the causes alike.
 */
export function networkFailure(err: unknown): NetworkFailure | null {
  const text = texts(err, 0).join('\n')
  const code = CODE.exec(text)?.[1] ?? (HANG_UP.test(text) ? 'hang up' : null)
  if (!code) return null
  const host = HOST.exec(text)?.[1] ?? ADDRESS.exec(text)?.[1] ?? null
  const where = host ? `${host}，${code}` : code
  return { code, host, line: `无法连接微信服务器（${where}）：请检查这台机器的网络、DNS 和代理能否访问微信` }
}

function texts(err: unknown, depth: number): string[] {
  if (depth > 4 || err === null || err === undefined) return []
  if (typeof err !== 'object') return [String(err)]
  const e = err as { message?: unknown; code?: unknown; details?: unknown; cause?: unknown; errors?: unknown }
  const own = [e.code, e.message, e.details].filter((x): x is string => typeof x === 'string')
  const nested = [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])].flatMap((x) => texts(x, depth + 1))
  return [...own, ...nested]
}
