// The shapes that cross the engine's edge: what adapters feed in and what handlers return.
import type { z } from 'zod'
import type { Db } from '../db/db.js'
import type { groups, members } from '../db/schema.js'
import type { JobRun } from './jobs.js'
import { t, type Key, type Catalog } from '../i18n/zh-CN.js'
import type { DemandNoticeKind } from '../core/demandDigest.js'
import type { FulfilmentNoticeKind } from '../core/fulfilmentRender.js'

/** One incoming chat message, already translated from the platform. */
export type Inbound = {
  id: string
  at: number
  /** group topic; null for a private chat with the bot */
  room: string | null
  /** the platform's room id in this login; without it the topic stands for the id */
  roomId?: string
  from: string
  /** the platform's contact id in this login, when known */
  fromId?: string
  text: string
  /** sent by the account the bot runs on */
  self?: boolean
  /** names the platform says were @mentioned */
  mentions?: string[]
  /** their contact ids, in the same order, when the platform gives them: they decide who was meant */
  mentionIds?: string[]
}

export type NoticeKind =
  | 'ack'
  | 'capped'
  | 'waitlisted'
  | 'promoted'
  | 'ask'
  | 'refused'
  | 'cancelled'
  | 'proxyAsk'
  | 'proxyReleased'
  | DemandNoticeKind
  | FulfilmentNoticeKind

export type Reply =
  /** sent as it happens, to the chat the message came from (or to a named member privately) */
  | { kind: 'say'; text: string; mentions?: string[]; toName?: string; toId?: string; tag?: string; file?: string }
  /** folded into the group's next digest */
  | { kind: 'notice'; notice: NoticeKind; member: string; saleId?: number; payload: Record<string, unknown> }

export type GroupRow = typeof groups.$inferSelect
export type MemberRow = typeof members.$inferSelect

export type Ctx = {
  db: Db
  now: number
  msg: Inbound
  /** the group the message came from; null in a private chat */
  group: GroupRow | null
  member: MemberRow | null
  /** how the bot writes the speaker (in a group, her member label: `Tom(2)` for a second Tom) */
  sender: string
  /** who the speaker is: her contact id (without ids, her name); private chats resolve by it */
  senderId: string
  isOrganizer: boolean
  /** every command the engine knows, for /help */
  commands: AnyCommand[]
}

export type Where = 'group' | 'private' | 'both'

/** What a group-only command sees: the group and the member who spoke are always there. */
export type GroupCtx = Ctx & { group: GroupRow; member: MemberRow }

export type CtxFor<W extends Where> = W extends 'group' ? GroupCtx : Ctx

export type CommandSpec<A = unknown, W extends Where = Where> = {
  name: string
  /** slash forms and Chinese words that start the command, e.g. ['/launch', '开团'] */
  aliases: string[]
  who: 'anyone' | 'organizer'
  where: W
  summary: string
  usage: string
  args: z.ZodType<A>
  /** turn the text after the command word into raw arguments for `args` to check; null: ignore the message */
  parse(rest: string, ctx: CtxFor<W>): unknown
  /** a form recognised without a command word (`+2` for a join); returns raw arguments or null */
  match?: (text: string) => unknown
  /** runs inside the message's transaction; awaits whatever it asks of the database */
  run(ctx: CtxFor<W>, args: A): Promise<Reply[]>
  /** longest text this command reads (default 4000): a native 接龙 list of hundreds of lines is longer */
  maxText?: number
  /** timed work this command schedules with scheduleJob, by job kind */
  jobs?: Record<string, JobRun>
}

/** The one way to ask a member back (which sale? which variant?): a ❓ line in the group's next digest. */
export const askBack = (member: string, question: string): Reply => ({
  kind: 'notice',
  notice: 'ask',
  member,
  payload: { question },
})

/** Any command, as the registry and the engine hold them. */
export type AnyCommand = CommandSpec<any, Where>

/**
 * A command declared with its arguments' schema: `run` receives what the schema outputs, and a
 * group-only command's context has its group and member, so neither needs a cast or a `!`.
 */
export function defineCommand<S extends z.ZodType, const W extends Where>(
  spec: CommandSpec<z.output<S>, W> & { args: S },
): CommandSpec<z.output<S>, W> {
  return spec
}

/**
 * How a refusal reaches the member: a reply of its own, or a line in the group's next digest
 * (for mistakes many members make at once, such as a malformed join during a rush).
 */
export type Via = 'reply' | 'digest'

/** A user's mistake: carries the catalog key and the rendered short reply. */
export class UserError extends Error {
  constructor(
    readonly key: Key,
    readonly reply: string,
    readonly via: Via = 'reply',
  ) {
    super(key)
  }
}

type RefusalArgs<K extends Key> =
  Parameters<Catalog[K]> extends [infer P]
    ? [params: P, opts?: { via: Via }]
    : [params?: Record<string, never>, opts?: { via: Via }]

/** The one way to refuse a user: `throw userError('sale.notOpen', { no: 2 }, { via: 'digest' })`. */
export function userError<K extends Key>(key: K, ...[params, opts]: RefusalArgs<K>): UserError {
  const text = (t as (key: Key, params?: unknown) => string)(key, params)
  return new UserError(key, text, opts?.via ?? 'reply')
}
