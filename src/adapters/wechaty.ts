// The live adapter: translates Wechaty events into engine calls and outbox rows into
// puppet sends. No sale logic lives here.
import { types, type Wechaty, type Message, type Room, type Contact } from 'wechaty'
import type { Logger } from 'pino'
import { existsSync } from 'node:fs'
import { FileBox } from 'file-box'
import { removeQuietly } from '../files.js'
import { ErrorThrottle } from './errorThrottle.js'
import type { Engine } from '../engine/engine.js'
import type { LiveRoom } from '../engine/relogin.js'
import type { OutMessage, Transport } from '../engine/sender.js'
import type { Clock } from '../engine/runtime.js'
import { networkFailure } from './network.js'

/** Messages older than this when they arrive (after a long reconnect) are not acted on. */
const MAX_AGE_S = 3600

/** A member's name as the group shows it: the group nickname (群昵称) if set, else the WeChat name. */
async function nameIn(room: Room, c: Contact): Promise<string> {
  return ((await room.alias(c).catch(() => undefined)) || c.name()).trim()
}

/**
 * Sends by id only: a room by its room id, a person by her contact id. A topic or a name is a
 * label anyone can copy, so nothing is ever sent to "the first room (or contact) found by name".
 */
export class WechatyTransport implements Transport {
  constructor(private readonly bot: Wechaty) {}

  /** Kept for the login and room events: the transport holds nothing found by topic any more. */
  reset(): void {}

  async send(m: OutMessage): Promise<void> {
    if (m.roomId !== null) {
      // the text already carries "@name" where it belongs; the ids make WeChat notify them
      // (a member never seen with an id has her name in its place: not an id to notify)
      const ids = m.mentionIds.filter((id, i) => id !== m.mentions[i])
      await this.bot.puppet.messageSendText(m.roomId, m.text, ids)
      return
    }
    const to = m.toId
    if (!to) throw new Error('private message without a contact id')
    // the export is written in the background: until it exists this send fails and is retried
    if (m.file && !existsSync(m.file)) throw new Error('file not written yet')
    await this.bot.puppet.messageSendText(to, m.text)
    if (m.file) {
      await this.bot.puppet.messageSendFile(to, FileBox.fromFile(m.file))
      // the organizer has it now; a copy left on the server is one more place holding addresses
      removeQuietly(m.file)
    }
  }
}

/** Feed every group the account is in, and every text message, to the engine. */
export function attach(
  bot: Wechaty,
  engine: Engine,
  transport: WechatyTransport,
  clock: Clock,
  log: Logger,
  onHandled: () => void,
): void {
  // a room by its id, its owner and members by contact id: the platform's word, at every
  // login and room event (no owner given: nobody is owner until the platform says)
  const read = async (room: Room): Promise<LiveRoom> => {
    const topic = await room.topic()
    const owner = room.owner()
    const people = await Promise.all(
      (await room.memberAll()).map(async (c) => ({ name: await nameIn(room, c), id: c.id })),
    )
    const ownerPerson = owner ? { name: await nameIn(room, owner), id: owner.id } : null
    return { place: { roomId: room.id, topic }, owner: ownerPerson, members: people }
  }
  const declare = async (room: Room) => {
    const r = await read(room)
    await engine.declareGroup(r.place, r.owner, r.members, clock.now())
  }
  const safely = (what: string, fn: () => Promise<void>) => () => {
    fn().catch((err) => log.error({ err }, `${what} failed`))
  }

  // the puppet retries fast when the network is down: log each kind of error once a minute
  const throttle = new ErrorThrottle()
  bot.on('error', (err) => {
    const seen = throttle.check(String((err as Error)?.message ?? err), clock.now())
    if (!seen.log) return
    const repeats = seen.repeats
    const net = networkFailure(err)
    if (net) {
      // one line a person can act on; the stack is for whoever asks for debug logs
      log.error(repeats > 0 ? { repeats } : {}, net.line)
      log.debug({ err }, 'wechaty network error')
    } else log.error({ err, repeats }, 'wechaty error')
  })
  // one message at a time, in arrival order: the waitlist is first come, first served
  let queue: Promise<void> = Promise.resolve()
  // the login sync runs in the message queue: a message under the new ids waits until the
  // stored groups are re-attached to them (relogin.ts), or it would open a fresh group
  bot.on('login', (user) => {
    queue = queue
      .then(async () => {
        transport.reset()
        log.info({ user: user.name() }, 'logged in')
        const rooms = await bot.Room.findAll()
        // reading members is slow on a big account: say how far it got, about once a second
        let saidAt = -Infinity
        const live: LiveRoom[] = []
        for (const [i, room] of rooms.entries()) {
          if (clock.now() - saidAt >= 1000) {
            log.info({ done: i, total: rooms.length }, `正在读取群列表… ${i}/${rooms.length}`)
            saidAt = clock.now()
          }
          await read(room).then(
            (r) => live.push(r),
            (err) => log.warn({ err }, 'could not read a room'),
          )
        }
        await engine.relogin(live, clock.now())
        log.info({ total: rooms.length }, `群列表已读完：${rooms.length} 个群`)
        onHandled()
      })
      .catch((err) => log.error({ err }, 'login sync failed'))
  })
  for (const ev of ['room-join', 'room-leave', 'room-topic'] as const) {
    bot.on(ev, (room: Room) =>
      safely(ev, async () => {
        transport.reset()
        await declare(room)
      })(),
    )
  }
  bot.on('message', (msg: Message) => {
    queue = queue
      .then(async () => {
        const inbound = await translate(msg)
        if (!inbound) return
        await engine.handle(inbound)
        onHandled()
      })
      .catch((err) => log.error({ err }, 'message failed'))
  })

  async function translate(msg: Message) {
    if (msg.age() > MAX_AGE_S) return null
    // a CSV of tracking numbers sent to the bot privately is the same as /ship with its lines
    // (puppets differ in the type they give a file: anything that is not text and carries a .csv is taken)
    const isText = msg.type() === types.Message.Text || msg.type() === types.Message.GroupNote
    if (!isText && !msg.room() && !msg.self()) {
      const file = await msg.toFileBox().catch(() => null)
      if (!file) return null
      if (!/\.csv$/i.test(file.name)) return null
      const csv = (await file.toBuffer()).toString('utf8').replace(/^\uFEFF/, '')
      return {
        id: msg.id,
        at: clock.now(),
        room: null,
        from: msg.talker().name(),
        fromId: msg.talker().id,
        text: `/ship\n${csv}`,
      }
    }
    // a native 接龙 arrives as an appmsg of type 53 whose title is the whole list
    if (msg.type() !== types.Message.Text && msg.type() !== types.Message.GroupNote) return null
    const room = msg.room()
    const talker = msg.talker()
    const text = msg.text()
    if (room) {
      const [topic, from, mentioned] = await Promise.all([
        room.topic(),
        nameIn(room, talker),
        msg.mentionList().catch(() => [] as Contact[]),
      ])
      const mentions = await Promise.all(mentioned.map((c) => nameIn(room, c)))
      return {
        id: msg.id,
        at: clock.now(),
        room: topic,
        roomId: room.id,
        from,
        fromId: talker.id,
        text,
        self: msg.self(),
        mentions,
        mentionIds: mentioned.map((c) => c.id),
      }
    }
    // a private chat: the account's own notes to itself are not commands to the bot
    if (msg.self()) return null
    return { id: msg.id, at: clock.now(), room: null, from: talker.name(), fromId: talker.id, text }
  }
}
