// What the kill test's parent and its child (child.ts) exchange: the lines fed to the
// bot on stdin, and the records of what "the platform" received.
import { z } from 'zod'

export const KillLine = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('group'),
    id: z.string(),
    at: z.number(),
    room: z.string(),
    owner: z.string(),
    members: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('msg'),
    id: z.string(),
    at: z.number(),
    room: z.string(),
    from: z.string(),
    text: z.string(),
  }),
  /** run on until every digest is out and the outbox is empty */
  z.object({ kind: z.literal('drain'), id: z.string(), at: z.number() }),
])
export type KillLine = z.infer<typeof KillLine>

/** One message as the platform received it, appended by the child before it reports SENT. */
export const SentRecord = z.object({
  id: z.number().int(),
  life: z.number().int(),
  at: z.number(),
  room: z.string().nullable(),
  to: z.string().nullable(),
  text: z.string(),
})
export type SentRecord = z.infer<typeof SentRecord>
