// Polls in the database: open, vote, close (by command or by the deadline job).
import { and, asc, desc, eq, gt } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, members, polls, votes } from '../db/schema.js'
import {
  pollPostText,
  resolvePicks,
  resultText,
  standingsText,
  tally,
  type Ballot,
  type PollSpec,
  type PollView,
  type VoteForm,
} from '../core/poll.js'
import { t } from '../i18n/zh-CN.js'
import { cancelJobs, scheduleJob } from './jobs.js'
import { enqueue, groupById } from './repo.js'
import { askBack, userError, type GroupRow, type MemberRow, type Reply, type GroupCtx } from './types.js'

export type PollRow = typeof polls.$inferSelect
export const POLL_CLOSE_JOB = 'poll.close'

/** A vote for a poll closed this recently is answered ("closed"); older ones are chatter. */
const RECENTLY_CLOSED_MS = 24 * 3600_000

export const pollView = (p: PollRow): PollView => ({
  no: p.no,
  question: p.question,
  options: JSON.parse(p.options) as string[],
  maxChoices: p.maxChoices,
  anonymous: p.anonymous,
  deadline: p.deadline,
  state: p.state,
})

export function openPolls(db: Db, groupId: number): PollRow[] {
  return db
    .select()
    .from(polls)
    .where(and(eq(polls.groupId, groupId), eq(polls.state, 'open')))
    .orderBy(asc(polls.no))
    .all()
}

export function pollByNo(db: Db, groupId: number, no: number): PollRow | undefined {
  return db
    .select()
    .from(polls)
    .where(and(eq(polls.groupId, groupId), eq(polls.no, no)))
    .get()
}

/** Ballots in the order they were last cast. */
export function ballotsOf(db: Db, pollId: number): Ballot[] {
  return db
    .select({ name: members.name, choices: votes.choices })
    .from(votes)
    .innerJoin(members, eq(votes.memberId, members.id))
    .where(eq(votes.pollId, pollId))
    .orderBy(asc(votes.at), asc(votes.id))
    .all()
    .map((r) => ({ name: r.name, choices: JSON.parse(r.choices) as number[] }))
}

export function createPoll(db: Db, group: GroupRow, by: MemberRow, spec: PollSpec, now: number): Reply[] {
  const no = group.nextPollNo
  db.update(groups)
    .set({ nextPollNo: no + 1 })
    .where(eq(groups.id, group.id))
    .run()
  const poll = db
    .insert(polls)
    .values({
      groupId: group.id,
      no,
      question: spec.question,
      options: JSON.stringify(spec.options),
      maxChoices: spec.maxChoices,
      anonymous: spec.anonymous,
      deadline: spec.deadline,
      createdBy: by.id,
      createdAt: now,
    })
    .returning()
    .get()
  if (spec.deadline !== null) scheduleJob(db, POLL_CLOSE_JOB, poll.id, spec.deadline)
  const othersOpen = openPolls(db, group.id).length > 1
  return [{ kind: 'say', text: pollPostText(pollView(poll), now, group.tz, othersOpen), tag: 'event' }]
}

/** `/poll` alone: the standings of every open poll. */
export function standings(db: Db, group: GroupRow, now: number): Reply[] {
  const open = openPolls(db, group.id)
  if (open.length === 0) throw userError('poll.none', {}, { via: 'digest' })
  const text = open
    .map((p) => standingsText(pollView(p), ballotsOf(db, p.id), now, group.tz, open.length > 1))
    .join('\n\n')
  return [{ kind: 'say', text }]
}

/** The poll a vote or a close is about: by number, or the only open one. */
function pickPoll(
  db: Db,
  group: GroupRow,
  ref: number | null,
  example: (no: number) => string,
): { poll: PollRow } | { ask: string } | null {
  if (ref !== null) {
    const p = pollByNo(db, group.id, ref)
    if (!p) throw userError('poll.notFound', { no: ref }, { via: 'digest' })
    if (p.state !== 'open') throw userError('poll.closed', { no: ref }, { via: 'digest' })
    return { poll: p }
  }
  const open = openPolls(db, group.id)
  if (open.length === 1) return { poll: open[0] }
  if (open.length > 1) {
    return {
      ask: t('poll.which', {
        choices: open.map((p) => `投票${p.no} ${p.question}`).join('、'),
        example: example(open[0].no),
      }),
    }
  }
  return null
}

/** A member's vote replaces their earlier one; progress goes to the digest, never a reply per vote. */
export function castVote(ctx: GroupCtx, form: VoteForm): Reply[] {
  const { db, now } = ctx
  const group = ctx.group
  const member = ctx.member
  const picked = pickPoll(db, group, form.pollRef, (no) => `#投票${no} ${form.picks.join(',')}`)
  if (picked === null) {
    // no poll open: answer only if one just closed, otherwise this was chatter ('投2' about something else)
    const recent = db
      .select()
      .from(polls)
      .where(and(eq(polls.groupId, group.id), eq(polls.state, 'closed'), gt(polls.closedAt, now - RECENTLY_CLOSED_MS)))
      .orderBy(desc(polls.closedAt))
      .limit(1)
      .get()
    if (recent) throw userError('poll.closed', { no: recent.no }, { via: 'digest' })
    return []
  }
  if ('ask' in picked) return [askBack(member.name, picked.ask)]
  const poll = picked.poll
  const v = pollView(poll)
  const r = resolvePicks(form.picks, v.options.length, v.maxChoices)
  if (!r.ok) {
    if (r.code === 'missing')
      throw userError('poll.noOption', { no: v.no, pick: r.pick, count: v.options.length }, { via: 'digest' })
    throw userError('poll.tooMany', { no: v.no, max: v.maxChoices }, { via: 'digest' })
  }
  const choices = JSON.stringify(r.choices)
  const before = db
    .select()
    .from(votes)
    .where(and(eq(votes.pollId, poll.id), eq(votes.memberId, member.id)))
    .get()
  if (before?.choices === choices) return []
  db.insert(votes)
    .values({ pollId: poll.id, memberId: member.id, choices, at: now })
    .onConflictDoUpdate({ target: [votes.pollId, votes.memberId], set: { choices, at: now } })
    .run()
  const tl = tally(v.options.length, ballotsOf(db, poll.id))
  return [
    {
      kind: 'notice',
      notice: 'voted',
      member: member.name,
      payload: {
        poll: v.no,
        question: v.question,
        options: v.options,
        counts: tl.counts,
        voters: tl.voters,
        anonymous: v.anonymous,
      },
    },
  ]
}

/** Close a poll and post its result board once. */
export function closePoll(db: Db, poll: PollRow, now: number): void {
  if (poll.state !== 'open') return
  db.update(polls).set({ state: 'closed', closedAt: now }).where(eq(polls.id, poll.id)).run()
  cancelJobs(db, POLL_CLOSE_JOB, poll.id)
  const closed = { ...poll, state: 'closed' as const }
  enqueue(db, { groupId: poll.groupId, text: resultText(pollView(closed), ballotsOf(db, poll.id)), kind: 'event' }, now)
}

/** `/poll close [N]`: by an organizer or whoever opened the poll. */
export function closeByCommand(ctx: GroupCtx, ref: number | null): Reply[] {
  const group = ctx.group
  const picked = pickPoll(ctx.db, group, ref, (no) => `结束投票 ${no}`)
  if (picked === null) throw userError('poll.none', {}, { via: 'digest' })
  if ('ask' in picked) return [{ kind: 'say', text: picked.ask }]
  if (!ctx.isOrganizer && picked.poll.createdBy !== ctx.member.id)
    throw userError('poll.closeWho', { no: picked.poll.no }, { via: 'digest' })
  closePoll(ctx.db, picked.poll, ctx.now)
  return []
}

/** The deadline job: closes the poll if it is still open. */
export async function closePollJob(db: Db, pollId: number, now: number): Promise<void> {
  const poll = db.select().from(polls).where(eq(polls.id, pollId)).get()
  if (poll && poll.state === 'open' && groupById(db, poll.groupId)) closePoll(db, poll, now)
}
