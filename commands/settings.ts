import { z } from 'zod'
import { parseHm, parseOffsets } from '../src/core/schedule.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'
import { groupOf } from '../src/engine/fulfilment.js'
import { saveSettings } from '../src/services/groups.js'

const HM = z.string().regex(/^\d{2}:\d{2}$/)
const args = z.discriminatedUnion('key', [
  z.object({ key: z.literal('show') }),
  z.object({ key: z.literal('countdowns'), value: z.string().regex(/^\d+(,\d+)*$/) }),
  z.object({ key: z.literal('digest'), value: z.number().int().min(5).max(3600) }),
  z.object({ key: z.literal('quiet'), start: HM, end: HM }),
  z.object({ key: z.literal('intentDays'), value: z.number().int().min(1).max(365) }),
  z.object({ key: z.literal('remindAt'), value: HM }),
  z.object({ key: z.literal('proxyLimit'), value: z.number().int().min(0).max(500) }),
])
type Args = z.infer<typeof args>

const usage = t('cmd.settings.usage')

function parse(rest: string): Args | null {
  const m = /^(\S+)\s*(.*)$/s.exec(rest.trim())
  if (!m) return { key: 'show' }
  const [, key, value] = m
  if (/^(提醒|倒计时|countdowns?)$/i.test(key)) {
    const offsets = parseOffsets(value.replace(/[，、\s]+/g, ','))
    return offsets.length > 0 && offsets.every((o) => o <= 7 * 24 * 60)
      ? { key: 'countdowns', value: offsets.join(',') }
      : null
  }
  if (/^(汇总|digest)$/i.test(key)) {
    const n = Number(value.replace(/秒|s$/i, '').trim())
    return Number.isInteger(n) && n >= 5 && n <= 3600 ? { key: 'digest', value: n } : null
  }
  if (/^(免打扰|quiet)$/i.test(key)) {
    if (/^(关|off|无)$/i.test(value.trim())) return { key: 'quiet', start: '00:00', end: '00:00' }
    const q = /^(\d{1,2}:\d{2})\s*[-~到至]\s*(\d{1,2}:\d{2})$/.exec(value.trim())
    return q && parseHm(q[1]) !== null && parseHm(q[2]) !== null
      ? { key: 'quiet', start: q[1].padStart(5, '0'), end: q[2].padStart(5, '0') }
      : null
  }
  // days without a commitment before an intent closes quietly
  if (/^(需求|意向|intents?)$/i.test(key)) {
    const n = Number(value.replace(/天|d$/i, '').trim())
    return Number.isInteger(n) && n >= 1 && n <= 365 ? { key: 'intentDays', value: n } : null
  }
  // the wall time of the payment reminder on the day after close
  if (/^(催付|remind)$/i.test(key)) {
    const v = value.trim()
    return parseHm(v) !== null ? { key: 'remindAt', value: v.padStart(5, '0') } : null
  }
  // names outside the group one member may enter per sale (代接龙 for family, neighbours)
  if (/^(代接|代接龙|proxy)$/i.test(key)) {
    const v = value.replace(/[人位]$/, '').trim()
    const n = /^\d+$/.test(v) ? Number(v) : NaN
    return Number.isInteger(n) && n <= 500 ? { key: 'proxyLimit', value: n } : null
  }
  return null
}

const settings = defineCommand({
  name: 'settings',
  aliases: ['/set', '/settings', '设置'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.settings.summary'),
  usage,
  args,
  parse: (rest) => {
    const a = parse(rest)
    if (a === null) throw userError('error.badArgs', { usage })
    return a
  },
  async run(ctx, a) {
    const g = ctx.group
    if (a.key === 'show') {
      const quiet = g.quietStart === g.quietEnd ? '关' : `${g.quietStart}-${g.quietEnd}`
      const countdowns =
        parseOffsets(g.countdowns)
          .map((m) => (m % 60 === 0 ? `${m / 60}小时` : `${m}分钟`))
          .join('、') + '前'
      return [
        {
          kind: 'say',
          text: `${t('settings.show', { countdowns, digest: g.digestSeconds, quiet, tz: g.tz })}\n${t('demand.settingsLine', { days: g.intentDays })}\n${t('pay.settingsLine', { at: groupOf(ctx.db, g.id).remindAt })}\n${t('proxy.settingsLine', { limit: g.proxyLimit })}`,
        },
      ]
    }
    if (a.key === 'remindAt') {
      saveSettings(ctx.db, g.id, { remindAt: a.value })
      return [{ kind: 'say', text: t('settings.saved') }]
    }
    const set =
      a.key === 'countdowns'
        ? { countdowns: a.value }
        : a.key === 'digest'
          ? { digestSeconds: a.value }
          : a.key === 'intentDays'
            ? { intentDays: a.value }
            : a.key === 'proxyLimit'
              ? { proxyLimit: a.value }
              : { quietStart: a.start, quietEnd: a.end }
    saveSettings(ctx.db, g.id, set)
    return [{ kind: 'say', text: t('settings.saved') }]
  },
})
export default settings
