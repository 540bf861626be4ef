import { z } from 'zod'
import { isChainText } from '../src/core/chain.js'
import { chainFormat, handleChainPost, linkChain, type TargetRef } from '../src/engine/chains.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const ref = z.object({ kind: z.enum(['sale', 'intent']), no: z.number().int().positive() })
const args = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post') }),
  z.object({ kind: z.literal('format'), ref: ref.nullable() }),
  z.object({ kind: z.literal('link'), ref }),
])

const usage = t('cmd.chain.usage')

/** '2', '#2', '团2' → 团2; '需求3', '#需求3' → 需求3. */
function refOf(text: string): TargetRef | null {
  const s = text.trim()
  const intent = /^#?\s*(?:需求|意向)\s*(\d{1,4})$/.exec(s)
  if (intent) return { kind: 'intent', no: Number(intent[1]) }
  const sale = /^#?\s*团?\s*(\d{1,4})$/.exec(s)
  return sale ? { kind: 'sale', no: Number(sale[1]) } : null
}

const chain = defineCommand({
  name: 'chain',
  aliases: ['/chain', '接龙格式', '关联接龙'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.chain.summary'),
  usage,
  args,
  // the long native list of hundreds of lines is still one message to read
  maxText: 100_000,
  parse(rest, ctx) {
    const link = /^(?:link|关联)\s*(.*)$/is.exec(rest.trim())
    if (link || ctx.msg.text.startsWith('关联接龙')) {
      const r = refOf(link ? link[1] : rest)
      if (!r) throw userError('error.badArgs', { usage })
      return { kind: 'link', ref: r }
    }
    if (rest.trim() === '') return { kind: 'format', ref: null }
    const r = refOf(rest)
    if (!r) throw userError('error.badArgs', { usage })
    return { kind: 'format', ref: r }
  },
  // a native 接龙 as WeChat posts it (or the title of its appmsg): `#接龙` / `#Group Note` first
  match: (text) => (isChainText(text) ? { kind: 'post' } : null),
  async run(ctx, a) {
    if (a.kind === 'post') return handleChainPost(ctx)
    if (a.kind === 'format') return chainFormat(ctx, a.ref)
    if (!ctx.isOrganizer) throw userError('error.organizerOnly', { command: '/chain link' }, { via: 'digest' })
    return linkChain(ctx, a.ref)
  },
})
export default chain
