// Small pieces the demand modules share. Kept apart from sales.ts so that the lottery
// and intent modules (which sales.ts calls at launch and close) never import it back.
import { t, type Catalog, type Key } from '../i18n/zh-CN.js'
import { UserError } from './types.js'

/** At most this many @mentions in one message (the cap; sales.ts uses the same). */
export const MENTION_CAP = 20

/** A member's mistake answered in the next digest (a refusal), never as a message of its own. */
export function refuse<K extends Key>(key: K, ...params: Parameters<Catalog[K]>): UserError {
  return new UserError(key, t(key, ...params), true)
}

export const DAY_MS = 24 * 3600_000
