// The organizer rule has one home: the owner always, an admin while still in the group. The
// permission check, a private chat's groups and "whom to tell" all follow it.
import { describe, expect, it } from 'vitest'
import { at, group, run, say, texts } from '../harness.js'
import { organizes, organizerGroups, organizerNames } from '../../src/services/roles.js'
import { groupByTopic } from '../../src/engine/repo.js'
import { t } from '../../src/i18n/zh-CN.js'

const ROOM = '烘焙同好群'
const whoLeft = ['阿May', 'Tom', 'Ann', 'Bob']

describe('organizes', () => {
  it.each([
    ['the owner', { contactId: 'may', isAdmin: false, inGroup: true }, true],
    ['the owner, even when the member list missed her', { contactId: 'may', isAdmin: false, inGroup: false }, true],
    ['an admin in the group', { contactId: 'lily', isAdmin: true, inGroup: true }, true],
    ['an admin who left', { contactId: 'lily', isAdmin: true, inGroup: false }, false],
    ['a member', { contactId: 'tom', isAdmin: false, inGroup: true }, false],
    ['a row never seen with an id', { contactId: null, isAdmin: false, inGroup: true }, false],
  ])('%s → %s', (_, who, expected) => {
    expect(organizes({ ownerId: 'may' }, who)).toBe(expected)
  })

  it('nobody is owner while the platform has not said who owns the room; admins keep their rights', () => {
    expect(organizes({ ownerId: null }, { contactId: 'may', isAdmin: false, inGroup: true })).toBe(false)
    expect(organizes({ ownerId: null }, { contactId: 'lily', isAdmin: true, inGroup: true })).toBe(true)
  })
})

describe('an admin who leaves the group', () => {
  it('still organizes while in the group; once gone, is neither asked privately nor told', async () => {
    const stay = await run([group(at('10:00')), say(at('10:01'), '阿May', '/admin @Lily')])
    const g = groupByTopic(stay.app.db, ROOM)!
    expect(organizerNames(stay.app.db, g)).toEqual(['阿May', 'Lily'])
    expect(organizerGroups(stay.app.db, 'Lily').map((x) => x.topic)).toEqual([ROOM])

    const gone = await run([
      group(at('10:00')),
      say(at('10:01'), '阿May', '/admin @Lily'),
      group(at('10:05'), whoLeft),
      { at: at('10:10'), from: 'Lily', text: '/stats' },
    ])
    expect(organizerNames(gone.app.db, g)).toEqual(['阿May'])
    expect(organizerGroups(gone.app.db, 'Lily')).toEqual([])
    expect(texts(gone.out.filter((o) => o.to === 'Lily'))).toEqual([t('error.organizerOnly', { command: '/stats' })])
  })
})
