// Every user-facing string, by absolute key. Values are functions so that the
// parameters of each message are typed; `t('sale.closedAlready', { no: 2 })`.
import { yuanOf as yuan } from './money.js'
import { demandStrings } from './demand.js'
import { fulfilmentStrings } from './fulfilment.js'
import { limitStrings } from './limits.js'
import { commandStrings } from './commands.js'
import { reloginStrings } from './relogin.js'

const core = {
  'money.yuan': (p: { fen: number }) => `¥${yuan(p.fen)}`,

  'error.fault': () => '抱歉，处理这条消息时出错了，请稍后再试。',
  'error.tooLong': () => '消息太长了，请精简后再发。',
  'error.organizerOnly': (p: { command: string }) => `「${p.command}」只有群主或管理员可以用`,
  'error.groupOnly': (p: { command: string }) => `「${p.command}」请在群里发`,
  'error.badArgs': (p: { usage: string }) => `格式不对，例如：${p.usage}`,

  'launch.badLine': (p: { line: string; example: string }) =>
    `开团失败：这一行看不懂「${p.line}」\n正确示例：\n${p.example}`,
  'launch.noTitle': (p: { example: string }) => `开团失败：第一行请写商品名称\n正确示例：\n${p.example}`,
  'launch.noPrice': (p: { example: string }) => `开团失败：缺少「价格」\n正确示例：\n${p.example}`,
  'launch.noDeadline': (p: { example: string }) => `开团失败：缺少「截止」时间\n正确示例：\n${p.example}`,
  'launch.pastDeadline': (p: { line: string; example: string }) =>
    `开团失败：截止时间已经过了「${p.line}」\n正确示例：\n${p.example}`,
  'launch.duplicateVariant': (p: { line: string; example: string }) =>
    `开团失败：规格重复「${p.line}」\n正确示例：\n${p.example}`,
  'launch.example': () => '/launch 云南蓝莓 125g×4盒\n价格: 59\n限量: 40\n限购: 3\n截止: 12-04 20:00\n成团: 20',

  'launch.posted': (p: { no: number; title: string; lines: string; how: string }) =>
    `🛒 团${p.no} 开团：${p.title}\n${p.lines}\n${p.how}`,
  'launch.how': (p: { example: string }) =>
    `接龙请回复「${p.example}」，改数量直接发新的总数，「取消」退出，「进度」看进度`,
  'sale.price': (p: { price: string }) => `价格 ${p.price}/份`,
  'sale.stock': (p: { stock: number }) => `限量 ${p.stock} 份`,
  'sale.limit': (p: { limit: number }) => `每人限购 ${p.limit} 份`,
  'sale.minUnits': (p: { n: number }) => `满 ${p.n} 份成团`,
  'sale.minMembers': (p: { n: number }) => `满 ${p.n} 人成团`,
  'sale.deadline': (p: { at: string }) => `截止 ${p.at}`,
  'sale.note': (p: { note: string }) => `说明：${p.note}`,
  'sale.variant': (p: { name: string; price: string; stock: number | null }) =>
    `- ${p.name} ${p.price}${p.stock === null ? '' : ` 限${p.stock}份`}`,

  'board.header': (p: { no: number; title: string; state: string }) => `📋 团${p.no} ${p.title}（${p.state}）`,
  'board.item': (p: { name: string; sold: number; stock: number | null; waiting: number }) =>
    `${p.name}：已接 ${p.sold}${p.stock === null ? '' : `/${p.stock}`} 份${p.waiting > 0 ? `，候补 ${p.waiting} 份` : ''}`,
  'board.single': (p: { sold: number; stock: number | null; waiting: number; buyers: number }) =>
    `已接 ${p.sold}${p.stock === null ? '' : `/${p.stock}`} 份（${p.buyers} 人）${p.waiting > 0 ? `，候补 ${p.waiting} 份` : ''}`,
  'board.total': (p: { sold: number; stock: number | null; buyers: number }) =>
    `合计 ${p.sold}${p.stock === null ? '' : `/${p.stock}`} 份，${p.buyers} 人`,
  'board.held': (p: { n: number }) => `代接待确认 ${p.n} 份（本人回复「确认」前先留着）`,
  'board.minUnits': (p: { have: number; need: number }) =>
    p.have >= p.need ? `成团 ${p.need} 份：已达成 ✅` : `成团 ${p.need} 份：还差 ${p.need - p.have} 份`,
  'board.minMembers': (p: { have: number; need: number }) =>
    p.have >= p.need ? `成团 ${p.need} 人：已达成 ✅` : `成团 ${p.need} 人：还差 ${p.need - p.have} 人`,
  'board.left': (p: { left: string; at: string }) => `剩余 ${p.left}（${p.at} 截止）`,
  'board.closed': (p: { at: string }) => `已于 ${p.at} 截止`,
  'state.open': () => '进行中',
  'state.succeeded': () => '已成团',
  'state.failed': () => '未成团',
  'state.aborted': () => '已撤团',

  'digest.header': (p: { no: number; title: string; progress: string }) => `【团${p.no} ${p.title}】${p.progress}`,
  'digest.progress': (p: { sold: number; stock: number | null; waiting: number; left: string | null; held?: number }) =>
    `已接 ${p.sold}${p.stock === null ? '' : `/${p.stock}`} 份${p.held ? ` · 代接待确认 ${p.held} 份` : ''}${p.waiting > 0 ? ` · 候补 ${p.waiting} 份` : ''}${p.left === null ? ' · 已截止' : ` · 剩 ${p.left}`}`,
  'digest.acks': (p: { list: string }) => `✅ 已登记：${p.list}`,
  'digest.ackSame': (p: { names: string; more: number; qty: number; item: string }) =>
    `${p.names}${p.more > 0 ? ` 等 ${p.more} 人` : ''} 各 ${p.qty} 份${p.item}`,
  'digest.ackOne': (p: { name: string; qty: number; item: string }) => `${p.name} ${p.qty} 份${p.item}`,
  'digest.cancelled': (p: { names: string }) => `已取消：${p.names}`,
  'digest.capped': (p: { who: string; limit: number; got: number }) =>
    `⚠️ ${p.who} 每人限购 ${p.limit} 份，已按 ${p.got} 份登记`,
  'digest.waitlisted': (p: { who: string; got: number; waiting: number }) =>
    p.got === 0
      ? `⏳ ${p.who} 已售罄，候补 ${p.waiting} 份（有人取消会按顺序转正）`
      : `⏳ ${p.who} 库存不足，确认 ${p.got} 份，候补 ${p.waiting} 份（有人取消会按顺序转正）`,
  'digest.promoted': (p: { who: string; qty: number; item: string; waiting: number }) =>
    `🎉 ${p.who} 候补转正 ${p.qty} 份${p.item}${p.waiting > 0 ? `，还候补 ${p.waiting} 份` : ''}`,
  'digest.ask': (p: { who: string; question: string }) => `❓ ${p.who} ${p.question}`,
  'digest.refused': (p: { who: string; reason: string }) => `🚫 ${p.who} ${p.reason}`,
  'digest.overflow': (p: { kind: string; names: string; n: number }) =>
    `${p.kind}（${p.n} 人）：${p.names}${p.n > 30 ? ' 等' : ''}`,
  'digest.overflow.capped': () => '⚠️ 超过限购，已按限购登记',
  'digest.overflow.waitlisted': () => '⏳ 库存不足，进入候补',
  'digest.overflow.promoted': () => '🎉 候补转正',
  'digest.overflow.ask': () => '❓ 请补充团号或规格后重发',
  'digest.overflow.refused': () => '🚫 未执行',
  'digest.overflow.proxyAsk': () => '🙋 有人替你代接，回复「确认」生效',
  'digest.general': () => '📣 汇总',
  'digest.proxyAsk': (p: { who: string; by: string; qty: number; item: string }) =>
    `🙋 ${p.who} 由 ${p.by} 代接${p.item} ${p.qty} 份，回复「确认」生效`,
  'digest.proxyReleased': (p: { who: string; name: string; qty: number; item: string; minutes: number }) =>
    `⌛ ${p.who} 代 ${p.name} 接的${p.item} ${p.qty} 份 ${p.minutes} 分钟内未确认，已释放`,
  'proxy.tooMany': (p: { name: string; limit: number }) =>
    `每团最多代接 ${p.limit} 位群外的人，${p.name} 未登记（团长可用 /set 代接 N 调整）`,
  'proxy.lottery': (p: { name: string }) => `抽签期间请 ${p.name} 本人登记`,
  'proxy.settingsLine': (p: { limit: number }) => `每人每团最多代接群外 ${p.limit} 人（/set 代接 5）`,

  'countdown.text': (p: { no: number; title: string; left: string; progress: string; how: string }) =>
    `⏰ 团${p.no} ${p.title} 还有 ${p.left} 截单！${p.progress}\n${p.how}`,

  'close.success': (p: { no: number; title: string; total: string; units: number; buyers: number }) =>
    `✅ 团${p.no} ${p.title} 已截单，成团！共 ${p.units} 份，${p.buyers} 人，合计 ${p.total}。请按下面的金额付款：`,
  'close.line': (p: { who: string; detail: string; amount: string }) => `${p.who}：${p.detail}，应付 ${p.amount}`,
  'close.waitlistNote': (p: { n: number; names: string }) => `候补未转正的 ${p.n} 人无需付款：${p.names}`,
  'close.failed': (p: { no: number; title: string; reason: string }) =>
    `❌ 团${p.no} ${p.title} 已截单，未成团（${p.reason}），本团取消，大家无需付款。`,
  'close.failedUnits': (p: { have: number; need: number }) => `只接了 ${p.have} 份，需要 ${p.need} 份`,
  'close.failedMembers': (p: { have: number; need: number }) => `只有 ${p.have} 人，需要 ${p.need} 人`,
  'close.aborted': (p: { no: number; title: string }) =>
    `🚫 团${p.no} ${p.title} 已被团长撤团，本团取消，大家无需付款。`,
  'close.empty': (p: { no: number; title: string }) => `团${p.no} ${p.title} 已截单，没有人接龙。`,
  'close.recovered': () => '（机器人离线期间到了截止时间，现补发结果）',

  'my.none': () => '你目前没有登记任何团。',
  'my.header': (p: { who: string }) => `${p.who} 的登记：`,
  'my.line': (p: {
    no: number
    title: string
    item: string
    confirmed: number
    waiting: number
    amount: string
    state: string
    room: string | null
  }) =>
    `${p.room ? `[${p.room}] ` : ''}团${p.no} ${p.title}${p.item}：${p.confirmed} 份${p.waiting > 0 ? `，候补 ${p.waiting} 份` : ''}，${p.amount}（${p.state}）`,

  'admin.added': (p: { name: string }) => `已设 ${p.name} 为管理员，可以开团、截单、延长和撤团。`,
  'admin.removed': (p: { name: string }) => `已取消 ${p.name} 的管理员。`,
  'admin.notFound': (p: { name: string }) => `群里没有找到「${p.name}」，请 @ 对方或写群昵称。`,
  'admin.ownerOnly': () => '只有群主可以设置管理员。',
  'admin.isOwner': () => '群主本来就是管理员。',

  'settings.show': (p: { countdowns: string; digest: number; quiet: string; tz: string }) =>
    `本群设置：截单提醒 ${p.countdowns}；汇总间隔 ${p.digest} 秒；免打扰 ${p.quiet}；时区 ${p.tz}\n修改：/set 提醒 60,10 · /set 汇总 15 · /set 免打扰 23:00-08:00（关：/set 免打扰 关）`,
  'settings.saved': () => '设置已保存。',

  'help.header': () => '闪团机器人命令（成员直接回复「+数量」接龙）：',
  'help.line': (p: { usage: string; summary: string; organizer: boolean }) =>
    `${p.usage} — ${p.summary}${p.organizer ? '（管理员）' : ''}`,
  'sale.none': () => '群里现在没有进行中的团。',
  'sale.notFound': (p: { no: number }) => `没有找到团${p.no}。`,
  'sale.notOpen': (p: { no: number }) => `团${p.no} 已结束，不能再改动。`,
  /** the one question when several sales fit; running sales are called so */
  'sale.which': (p: { choices: string; example: string; open: boolean }) =>
    p.open
      ? `现在有多个团在进行：${p.choices}，请加上团号，例如「${p.example}」`
      : `有多个团：${p.choices}，请加团号，例如「${p.example}」`,
  'sale.whichVariant': (p: { no: number; variants: string; example: string }) =>
    `团${p.no} 有多个规格：${p.variants}，请说明要哪个，例如「${p.example}」`,
  'reader.unsure': (p: { shown: string; reply: string }) => `没看懂：是要「${p.shown}」吗？回复「${p.reply}」即可`,
  'reader.unsureBare': () => '没看懂，请回复「+数量」，例如「+2」',
  'sale.unknownVariant': (p: { no: number; variants: string }) => `团${p.no} 没有这个规格，可选：${p.variants}`,
  'sale.extendBad': () => '延长多久？例如「/extend 2h」或「延长 30分钟」',
  'sale.extended': (p: { no: number; title: string; deadline: string }) =>
    `⏳ 团${p.no} ${p.title} 截止时间延长到 ${p.deadline}`,
  'sale.cancelled': (p: { no: number; title: string }) => `已取消你在团${p.no} ${p.title} 的登记`,
  'sale.nothingToCancel': () => '你在进行中的团里没有登记，无需取消',
  'sale.soldOut': (p: { no: number; title: string }) =>
    `🔥 团${p.no} ${p.title} 已售罄！继续接龙将进入候补，有人取消会按顺序转正。`,
}

export const zhCN = {
  ...core,
  ...demandStrings,
  ...fulfilmentStrings,
  ...limitStrings,
  ...commandStrings,
  ...reloginStrings,
}

export type Catalog = typeof zhCN
export type Key = keyof Catalog
/** keys whose text takes no parameters */
export type BareKey = { [K in Key]: Parameters<Catalog[K]> extends [] ? K : never }[Key]

export function t<K extends Key>(key: K, ...params: Parameters<Catalog[K]>): string {
  return (zhCN[key] as (...a: Parameters<Catalog[K]>) => string)(...params)
}

export { yuan }
