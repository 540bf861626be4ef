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
    ['the owner', { name: '阿May', isAdmin: false, inGroup: true }, true],
    ['the owner, even when the member list missed her', { name: '阿May', isAdmin: false, inGroup: false }, true],
    ['an admin in the group', { name: 'Lily', isAdmin: true, inGroup: true }, true],
    ['an admin who left', { name: 'Lily', isAdmin: true, inGroup: false }, false],
    ['a member', { name: 'Tom', isAdmin: false, inGroup: true }, false],
  ])('%s → %s', (_, who, expected) => {
    expect(organizes({ ownerName: '阿May' }, who)).toBe(expected)
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
