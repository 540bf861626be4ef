// How the bot writes members: the display name, made unique in the group. The contact id
// decides who she is; the label follows her renames and never lets a namesake become her.
import { describe, expect, it } from 'vitest'
import { makeApp } from '../../src/app.js'
import { silentLogger } from '../../src/log.js'
import { RecordingTransport } from '../../src/replay.js'
import { ensureGroup, ensureMember, memberByContact } from '../../src/engine/repo.js'

function fresh() {
  const app = makeApp({ dbFile: ':memory:', transport: new RecordingTransport(), log: silentLogger() })
  const g = ensureGroup(app.db, { roomId: 'r1', topic: '烘焙同好群' }, 0)
  return { db: app.db, g, close: () => app.close() }
}

describe('member labels', () => {
  it('a namesake is written with a number; each keeps hers as she speaks again', () => {
    const { db, g, close } = fresh()
    expect(memberByContact(db, g.id, 'Tom', 't1').name).toBe('Tom')
    expect(memberByContact(db, g.id, 'Tom', 't2').name).toBe('Tom(2)')
    expect(memberByContact(db, g.id, 'Tom', 't3').name).toBe('Tom(3)')
    expect(memberByContact(db, g.id, 'Tom', 't2')).toMatchObject({ name: 'Tom(2)', contactId: 't2' })
    expect(memberByContact(db, g.id, 'Tom', 't1')).toMatchObject({ name: 'Tom', contactId: 't1' })
    close()
  })

  it('a rename relabels the same row; a rename into a taken name gets a number', () => {
    const { db, g, close } = fresh()
    const lily = memberByContact(db, g.id, 'Lily', 'l1')
    memberByContact(db, g.id, 'Ann', 'a1')
    expect(memberByContact(db, g.id, 'Lily🍓', 'l1')).toMatchObject({ id: lily.id, name: 'Lily🍓' })
    expect(memberByContact(db, g.id, 'Ann', 'l1')).toMatchObject({ id: lily.id, name: 'Ann(2)' })
    close()
  })

  it('a name that already looks numbered cannot pass for a namesake', () => {
    const { db, g, close } = fresh()
    memberByContact(db, g.id, 'Tom', 't1')
    expect(memberByContact(db, g.id, 'Tom(2)', 'x').name).toBe('Tom(2)(2)')
    expect(memberByContact(db, g.id, 'Tom', 't2').name).toBe('Tom(2)')
    close()
  })

  it('a row named before it was seen with an id is bound by the first contact with that exact name', () => {
    const { db, g, close } = fresh()
    const named = ensureMember(db, g.id, 'Bob')
    expect(memberByContact(db, g.id, 'Bob', 'b1')).toMatchObject({ id: named.id, contactId: 'b1' })
    expect(memberByContact(db, g.id, 'Bob', 'b2').id).not.toBe(named.id)
    close()
  })
})

describe('groups by room id', () => {
  it('a rename keeps the group; another room with the topic is another group', () => {
    const { db, g, close } = fresh()
    expect(ensureGroup(db, { roomId: 'r1', topic: '烘焙新群' }, 0)).toMatchObject({ id: g.id, topic: '烘焙新群' })
    expect(ensureGroup(db, { roomId: 'r2', topic: '烘焙新群' }, 0).id).not.toBe(g.id)
    close()
  })
})
