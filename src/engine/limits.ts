// Flood limits for answers to queries. Any member can make the bot talk by typing 进度 300
// times; every answer would queue ahead of the owner's next announcement. So commands that
// only read are answered at most:
//   in a group, once per member per command per minute (aliases and arguments are one command),
//   and the board (进度) once per 30 s per group: it is still on screen;
//   privately, 10 times per contact per minute.
// Over a limit the bot says nothing. Organizers are never limited. The counts live in memory:
// a restart forgets them, which costs at most one more answer each.

/** Which commands only read; for commands that also write, which of their arguments only read. */
const QUERIES: Record<string, (args: any) => boolean> = {
  status: () => true,
  help: () => true,
  my: () => true,
  reviews: () => true,
  track: () => true,
  chain: (a: { kind: string }) => a.kind === 'format',
  demand: (a: { kind: string }) => a.kind !== 'join',
}

export const MEMBER_COMMAND_MS = 60_000
export const BOARD_MS = 30_000
export const PRIVATE_WINDOW_MS = 60_000
export const PRIVATE_MAX = 10
/** the board: the one answer the whole group sees the same way */
const BOARD = 'status'

export const isQuery = (command: string, args: unknown): boolean => QUERIES[command]?.(args) ?? false

export type Asker = { groupId: number | null; member: string; isOrganizer: boolean }

export class QueryLimits {
  /** last answer per (group, member, command) and per group board */
  private readonly last = new Map<string, number>()
  /** recent private answers per contact */
  private readonly recent = new Map<string, number[]>()

  /** True when this query may be answered now; records the answer if so. */
  allow(command: string, args: unknown, who: Asker, now: number): boolean {
    if (who.isOrganizer || !isQuery(command, args)) return true
    // in replays and tests nothing calls prune: keep the maps small all the same
    if (this.size > 50_000) this.prune(now)
    if (who.groupId === null) return this.allowPrivate(who.member, now)
    const mine = `m\n${who.groupId}\n${who.member}\n${command}`
    const board = `b\n${who.groupId}`
    if (now - (this.last.get(mine) ?? -Infinity) < MEMBER_COMMAND_MS) return false
    if (command === BOARD && now - (this.last.get(board) ?? -Infinity) < BOARD_MS) return false
    this.last.set(mine, now)
    if (command === BOARD) this.last.set(board, now)
    return true
  }

  /**
   * A member's mistake answered straight away (取消 with nothing to cancel) can be repeated as
   * fast as a query: the same limits apply, per command. Organizers are not limited.
   */
  allowRefusal(command: string, who: Asker, now: number): boolean {
    if (who.isOrganizer) return true
    if (who.groupId === null) return this.allowPrivate(who.member, now)
    const key = `r\n${who.groupId}\n${who.member}\n${command}`
    if (now - (this.last.get(key) ?? -Infinity) < MEMBER_COMMAND_MS) return false
    this.last.set(key, now)
    return true
  }

  private allowPrivate(contact: string, now: number): boolean {
    const times = (this.recent.get(contact) ?? []).filter((t) => now - t < PRIVATE_WINDOW_MS)
    if (times.length >= PRIVATE_MAX) {
      this.recent.set(contact, times)
      return false
    }
    times.push(now)
    this.recent.set(contact, times)
    return true
  }

  /** Forget counts that no longer limit anything (called from the live loop's housekeeping). */
  prune(now: number): void {
    for (const [k, at] of this.last) if (now - at >= MEMBER_COMMAND_MS) this.last.delete(k)
    for (const [k, ts] of this.recent) if (ts.every((t) => now - t >= PRIVATE_WINDOW_MS)) this.recent.delete(k)
  }

  get size(): number {
    return this.last.size + this.recent.size
  }
}

/** Thrown instead of a refusal over its limit: the message is marked seen and nothing is said. */
export class Silenced extends Error {
  constructor() {
    super('refusal over its limit')
  }
}
