// After a login: re-attaching stored groups and members to the ids the platform gives now.
// wechat4u hands every room and contact a new id at each login, so the ids stored before it
// mean nothing. A topic and a name are labels anyone can copy, so they re-attach a row only
// when they cannot point at two things: one stored group and one live room with the topic,
// one stored member and one live member of that group with the name. Everything else starts
// fresh, and the owner is told privately which names she has to /relink by hand.
import type { Db } from '../db/db.js'
import { rowsOf } from '../db/rows.js'
import { groups, members } from '../db/schema.js'
import { enqueue, type Place } from './repo.js'
import { syncGroup, type Person } from './housekeeping.js'
import { t } from '../i18n/zh-CN.js'

/** A room as the platform shows it right after a login. */
export type LiveRoom = { place: Place; owner: Person | null; members: Person[] | null }

/** The display name under a label: `Tom(2)` and `Tom` both carry the name Tom. */
const nameOf = (label: string): string => label.replace(/\(\d+\)$/, '')

/** An id from an earlier login, kept so the row stays bound (never re-bound by its name) yet matches no live id;
 * a member's keeps her former id at its end. */
const STALE = '~'
/** The prefix of the ids retired at the login at `now`; the row's own id follows it, so each stays unique. */
const retired = (now: number) => `${STALE}${now}~`
export const isStale = (id: string | null): boolean => id !== null && id.startsWith(STALE)
/** The id a retired member row had in its own login (`~login~row~id`): her address is still kept under it. */
export const formerId = (id: string): string | null => (isStale(id) ? id.split('~').slice(3).join('~') || null : null)

function countBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x])
  return m
}

/**
 * The ids are stable (wechaty-puppet-service, pad protocols, a wechat4u session restored without
 * a new scan, a transcript without ids) when a live room carries an id a stored group has: then
 * a login is only a fresh look at every room, and nothing is re-attached.
 */
export function idsAreStable(db: Db, live: LiveRoom[]): boolean {
  const known = db.$client.prepare('select 1 from groups where room_id = ?')
  return live.some((r) => known.get(r.place.roomId) !== undefined)
}

/** Apply a login's live set of rooms. Runs inside one transaction. */
export function reattach(db: Db, live: LiveRoom[], now: number): void {
  if (idsAreStable(db, live)) {
    for (const r of live) syncGroup(db, r.place, r.owner, r.members, now)
    return
  }
  const stored = rowsOf(db, groups, 'groups', 'order by id')
  const storedByTopic = countBy(stored, (g) => g.topic)
  const liveByTopic = countBy(live, (r) => r.place.topic)
  // every id from before the login is retired first: none of them may match anything now,
  // and nobody is owner until the platform names her again
  db.$client.prepare('update groups set room_id = ? || id, owner_id = null').run(retired(now))
  const formerIds = new Map<number, string>()
  for (const m of db.$client.prepare('select id, contact_id as c from members where contact_id is not null').all() as {
    id: number
    c: string
  }[]) {
    if (!isStale(m.c)) formerIds.set(m.id, m.c)
  }
  db.$client
    .prepare(
      `update members set contact_id = ? || id || '~' || contact_id where contact_id is not null and contact_id not like '${STALE}%'`,
    )
    .run(retired(now))

  const moved = new Map<string, string | null>() // former contact id -> live contact id (null: two of them)
  const unmatched: { room: LiveRoom; names: string[] }[] = []
  for (const room of live) {
    const g = storedByTopic.get(room.place.topic)
    if (g?.length === 1 && liveByTopic.get(room.place.topic)!.length === 1) {
      db.$client.prepare('update groups set room_id = ? where id = ?').run(room.place.roomId, g[0].id)
      const names = room.members === null ? [] : reattachMembers(db, g[0].id, room.members, formerIds, moved)
      if (names.length > 0) unmatched.push({ room, names })
    }
    syncGroup(db, room.place, room.owner, room.members, now)
  }
  moveAddresses(db, moved)
  tellOwners(db, unmatched, now)
}

/**
 * Members of a re-attached group, by name. Rows bound before the login (present or gone) and
 * live members are counted per name; a name held by exactly one of each re-attaches that row
 * (its orders, payments and admin right come with it). Returns the names of members who were in
 * the group and could not be matched: their rows keep everything, bound to no one, until /relink.
 */
function reattachMembers(
  db: Db,
  groupId: number,
  liveMembers: Person[],
  formerIds: Map<number, string>,
  moved: Map<string, string | null>,
): string[] {
  const rows = rowsOf(db, members, 'members', 'where group_id = ? order by id', groupId).filter((m) =>
    formerIds.has(m.id),
  )
  const storedByName = countBy(rows, (m) => nameOf(m.name))
  const liveByName = countBy(liveMembers, (p) => p.name)
  const bind = db.$client.prepare('update members set contact_id = ? where id = ?')
  const matched = new Set<number>()
  for (const [name, people] of liveByName) {
    const mine = storedByName.get(name)
    if (people.length !== 1 || mine?.length !== 1) continue
    bind.run(people[0].id, mine[0].id)
    matched.add(mine[0].id)
    const former = formerIds.get(mine[0].id)!
    moved.set(former, moved.has(former) && moved.get(former) !== people[0].id ? null : people[0].id)
  }
  return rows.filter((m) => m.inGroup && !matched.has(m.id)).map((m) => m.name)
}

/** An address is kept per contact id: it follows a contact re-attached to one live id, and only to one without an address. */
function moveAddresses(db: Db, moved: Map<string, string | null>): void {
  const move = db.$client.prepare(
    'update addresses set contact_id = ? where contact_id = ? and not exists (select 1 from addresses where contact_id = ?)',
  )
  for (const [from, to] of moved) if (to !== null && to !== from) move.run(to, from, to)
}

/** Once per login, privately, the owner of each re-attached group hears whom it could not match. */
function tellOwners(db: Db, unmatched: { room: LiveRoom; names: string[] }[], now: number): void {
  for (const { room, names } of unmatched) {
    if (room.owner === null) continue
    enqueue(
      db,
      {
        toName: room.owner.name,
        toId: room.owner.id,
        text: t('relogin.unmatched', { room: room.place.topic, names: names.join('、') }),
        kind: 'reply',
      },
      now,
    )
  }
}
