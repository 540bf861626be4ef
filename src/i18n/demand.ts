// Catalog strings for demand discovery (absolute keys: 'poll.*', 'demand.*', 'chain.*',
// 'lottery.*'); merged into zhCN in zh-CN.ts.

type Opt<T> = T | null

export const demandStrings = {
  // ---------------------------------------------------------------- polls (投票)
  'poll.posted': (p: { no: number; question: string }) => `🗳 投票${p.no}：${p.question}`,
  'poll.how': (p: { example: string; multiExample: Opt<string> }) =>
    `回复「${p.example}」投票${p.multiExample ? `，多选如「${p.multiExample}」` : ''}，改主意直接重投`,
  'poll.single': () => '单选',
  'poll.multi': (p: { max: number }) => `最多选 ${p.max} 项`,
  'poll.anonymous': () => '匿名（只公布票数）',
  'poll.deadline': (p: { at: string }) => `${p.at} 截止`,
  'poll.optionLine': (p: { i: number; option: string; bar: string; count: number; pct: number; names: Opt<string> }) =>
    `${p.i}. ${p.option} ${p.bar} ${p.count} 票 ${p.pct}%${p.names ? `：${p.names}` : ''}`,
  'poll.resultHeader': (p: { no: number; question: string; voters: number; anonymous: boolean }) =>
    `📊 投票${p.no} 结果：${p.question}（${p.voters} 人投票${p.anonymous ? '，匿名' : ''}）`,
  'poll.noVotes': () => '没有人投票。',
  'poll.winner': (p: { option: string }) => `🏆 胜出：${p.option}`,
  'poll.tie': (p: { options: string; count: number }) => `🤝 平票：${p.options}（各 ${p.count} 票）`,
  'poll.standingsHeader': (p: { no: number; question: string; voters: number }) =>
    `🗳 投票${p.no}：${p.question}（进行中，已有 ${p.voters} 人投票）`,
  'poll.digestHeader': (p: { no: number; question: string; voters: number }) =>
    `【投票${p.no} ${p.question}】已有 ${p.voters} 人投票`,
  'poll.digestVoters': (p: { names: string }) => `🗳 新投票：${p.names}`,
  'poll.digestAnonymous': (p: { n: number }) => `🗳 新增 ${p.n} 人投票`,
  'poll.example': () => '/poll 下周想团什么？\n1. 蓝莓\n2. 草莓\n3. 车厘子\n截止: 明天 20:00\n多选 2',
  'poll.noQuestion': (p: { example: string }) => `发起投票：第一行写问题，下面每行一个选项\n例如：\n${p.example}`,
  'poll.tooFewOptions': (p: { example: string }) => `投票至少要两个选项，每行一个\n例如：\n${p.example}`,
  'poll.tooManyOptions': (p: { max: number; example: string }) => `投票最多 ${p.max} 个选项\n例如：\n${p.example}`,
  'poll.badLine': (p: { line: string; example: string }) =>
    `发起投票失败：这一行看不懂「${p.line}」\n例如：\n${p.example}`,
  'poll.pastDeadline': (p: { line: string; example: string }) =>
    `发起投票失败：截止时间已经过了「${p.line}」\n例如：\n${p.example}`,
  'poll.duplicateOption': (p: { line: string; example: string }) =>
    `发起投票失败：选项重复「${p.line}」\n例如：\n${p.example}`,
  'poll.none': () => '群里现在没有进行中的投票。',
  'poll.notFound': (p: { no: number }) => `没有找到投票${p.no}。`,
  'poll.closed': (p: { no: number }) => `投票${p.no} 已结束，不能再投了。`,
  'poll.noOption': (p: { no: number; pick: string; count: number }) =>
    `投票${p.no} 没有选项「${p.pick}」，可选 1-${p.count}`,
  'poll.tooMany': (p: { no: number; max: number }) =>
    `投票${p.no} ${p.max === 1 ? '只能选 1 项' : `最多选 ${p.max} 项`}`,
  'poll.which': (p: { choices: string; example: string }) =>
    `现在有多个投票：${p.choices}，请写明投哪个，例如「${p.example}」`,
  'poll.closeWho': (p: { no: number }) => `只有发起人或管理员可以结束投票${p.no}`,

  // ---------------------------------------------------------------- intents (意向) and demand packages (需求包)
  'demand.posted': (p: { no: number; title: string; price: Opt<string>; threshold: Opt<number> }) =>
    `💡 需求${p.no}：${p.title}${p.price ? ` · 目标价 ${p.price}/份` : ''}${p.threshold ? ` · 满 ${p.threshold} 份就找供应商` : ''}\n` +
    `想要的请回复「#需求${p.no} +数量」（只是意向，不用付款），「需求${p.no}」看需求包`,
  'demand.example': () => '/want 发酵黄油 目标价 45 需 30 份',
  'demand.noTitle': (p: { example: string }) => `想要什么？例如：${p.example}`,
  'demand.titleTooLong': (p: { max: number; example: string }) => `商品名最多 ${p.max} 个字，例如：${p.example}`,
  'demand.badPrice': (p: { example: string }) => `目标价看不懂，例如：${p.example}`,
  'demand.badThreshold': (p: { example: string }) => `门槛请写份数（需 30 份），例如：${p.example}`,
  'demand.none': () => '群里现在没有征集中的需求。发「想要 商品名 目标价 45 需 30 份」发起一个。',
  'demand.listHeader': () => '💡 征集中的需求（意向多的在前）：',
  'demand.listLine': (p: {
    no: number
    title: string
    total: number
    members: number
    price: Opt<string>
    threshold: Opt<number>
    reached: boolean
    names: Opt<string>
  }) =>
    `需求${p.no} ${p.title}：${p.total} 份 · ${p.members} 人${p.price ? ` · 目标价 ${p.price}` : ''}` +
    `${p.threshold ? ` · 门槛 ${p.threshold} 份${p.reached ? ' ✅' : ''}` : ''}${p.names ? `（${p.names}）` : ''}`,
  'demand.listHint': () => '想要的回复「#需求N +数量」，「需求N」看需求包',
  'demand.packageHeader': (p: { no: number; title: string; state: string; saleNo: Opt<number> }) =>
    `📦 需求包 · 需求${p.no} ${p.title}（${p.state}${p.saleNo ? `：团${p.saleNo}` : ''}）`,
  'demand.state.open': () => '征集中',
  'demand.state.launched': () => '已开团',
  'demand.state.expired': () => '已关闭',
  'demand.packageTotal': (p: { total: number; members: number }) => `意向总量：${p.total} 份，${p.members} 人`,
  'demand.packagePrice': (p: { price: string }) => `目标价：${p.price}/份`,
  'demand.packageThreshold': (p: { threshold: number; left: number; at: Opt<string> }) =>
    p.at ? `门槛 ${p.threshold} 份：${p.at} 已达成 ✅` : `门槛 ${p.threshold} 份：还差 ${p.left} 份`,
  'demand.packageMembers': (p: { list: string }) => `成员：${p.list}`,
  'demand.packageMember': (p: { name: string; qty: number; note: Opt<string> }) =>
    `${p.name} ${p.qty}份${p.note ? `（${p.note}）` : ''}`,
  'demand.packageNotes': (p: { list: string }) => `规格备注：${p.list}`,
  'demand.packageTimes': (p: { first: string; last: string }) => `首次登记 ${p.first} · 最近登记 ${p.last}`,
  'demand.packageEmpty': (p: { no: number }) => `还没有人登记。想要的回复「#需求${p.no} +数量」`,
  'demand.notFound': (p: { no: number }) => `没有找到需求${p.no}。`,
  'demand.notOpen': (p: { no: number; state: string }) => `需求${p.no} ${p.state}，不能再登记。`,
  'demand.proven': (p: { no: number; title: string; total: number; members: number; threshold: number; who: string }) =>
    `🎯 需求${p.no} ${p.title} 意向已达 ${p.total} 份（${p.members} 人，门槛 ${p.threshold} 份），需求成立！\n` +
    `${p.who} 可以拿「需求${p.no}」的需求包找供应商，谈好后发「开团 需求${p.no}」加上价格、截止等行开团`,
  'demand.organizers': () => '团长',
  'demand.which': (p: { choices: string; example: string }) =>
    `你要登记的是哪一个：${p.choices}？请带上编号，例如「${p.example}」`,
  'demand.digestHeader': (p: { no: number; title: string; total: number; members: number; threshold: Opt<number> }) =>
    `【需求${p.no} ${p.title}】意向 ${p.total} 份 · ${p.members} 人${p.threshold ? `（门槛 ${p.threshold} 份）` : ''}`,
  'demand.digestAcks': (p: { list: string }) => `💡 已登记意向：${p.list}`,
  'demand.digestWithdrawn': (p: { names: string }) => `已撤回意向：${p.names}`,
  'demand.launchMembers': (p: { no: number; n: number; list: string }) =>
    `📣 需求${p.no} 的 ${p.n} 位意向成员：${p.list}\n意向不会自动变成订单，要的请回复「+数量」确认`,
  'demand.confirmMember': (p: { who: string; qty: number }) => `${p.who}(${p.qty}份)`,
  'demand.whichCancel': (p: { choices: string }) => `你在几个需求里都有意向：${p.choices}，请写「取消 #需求N」`,
  'demand.nothingToWithdraw': (p: { no: number }) => `你在需求${p.no} 里没有登记。`,
  'demand.settingsLine': (p: { days: number }) => `需求 ${p.days} 天没人登记自动关闭（/set 需求 14）`,

  // ---------------------------------------------------------------- native 接龙 (chain)
  'chain.hint': () =>
    '↑ 团长复制整段，在微信里发起「接龙」粘贴；大家点「参与接龙」照例子写，机器人会自动登记（改行、删行也会同步）',
  'chain.exampleLine': (p: { variant: Opt<string> }) => `张三 2份${p.variant ? ` ${p.variant}` : ''} 自提`,
  'chain.termPrice': (p: { price: string }) => `${p.price}/份`,
  'chain.termStock': (p: { stock: number }) => `限${p.stock}份`,
  'chain.termDeadline': (p: { at: string }) => `${p.at}截单`,
  'chain.termTarget': (p: { price: string }) => `目标价${p.price}`,
  'chain.nothingOpen': () => '群里现在没有进行中的团或需求，先「开团」或「想要」。',
  'chain.skipped': (p: { who: string; no: number; content: string; reason: string }) =>
    `⚠️ ${p.who} 接龙「${p.no}. ${p.content}」没有登记：${p.reason}`,
  'chain.reason.tooLong': () => '这一行太长了',
  'chain.reason.badNumber': () => '数量看不懂（要 1-999 的整数）',
  'chain.reason.manyNumbers': () => '一行写了几个数量，请每个规格单独接一行',
  'chain.reason.whichVariant': (p: { variants: string }) => `没写要哪个规格（${p.variants}）`,
  'chain.header': (p: { target: string }) => `📝 接龙 · ${p.target}`,
  'chain.proxy': (p: { list: string }) => `代接龙：${p.list}`,
  'chain.proxyOne': (p: { by: string; name: string }) => `${p.by} 代 ${p.name}`,
  'chain.unlinked': (p: { title: string; example: string }) =>
    `这个接龙「${p.title}」没对上进行中的团（接龙标题要包含团名），团长可回复「${p.example}」关联`,
  'chain.closedTarget': (p: { target: string }) => `${p.target} 已结束，接龙里的改动没有登记`,
  'chain.linked': (p: { title: string; target: string; n: number }) =>
    `🔗 已把接龙「${p.title}」关联到${p.target}${p.n > 0 ? `，同步了 ${p.n} 人` : ''}，之后的接龙会自动登记。`,
  'chain.linkPending': (p: { target: string }) => `🔗 好的，下一个发出的接龙会关联到${p.target}。`,
  'chain.targetNotOpen': (p: { target: string }) => `${p.target} 不在进行中，不能关联。`,
  'chain.untitled': () => '无标题',

  // ---------------------------------------------------------------- lottery (抽签)
  'lottery.launch': (p: { until: string; seed: string }) =>
    `🎲 抽签：${p.until} 前的接龙都算报名，不分先后；到时用种子 ${p.seed} 公开抽签，抽中的登记，其余按抽中顺序候补`,
  'lottery.digestHeader': (p: { no: number; title: string; entrants: number; at: string }) =>
    `【团${p.no} ${p.title}】抽签报名中 · ${p.entrants} 人 · ${p.at} 开奖`,
  'lottery.digestEntries': (p: { list: string }) => `🎟 已报名：${p.list}`,
  'lottery.digestWithdrawn': (p: { names: string }) => `已退出抽签：${p.names}`,
  'lottery.entryLine': (p: { who: string; qty: number; item: string }) => `${p.who} ${p.qty} 份${p.item}`,
  'lottery.result': (p: { no: number; title: string; seed: string; entrants: number; units: number }) =>
    `🎲 团${p.no} ${p.title} 抽签结果（种子 ${p.seed}，${p.entrants} 人报名，共 ${p.units} 份）`,
  'lottery.won': (p: { list: string }) => `中签：${p.list}`,
  'lottery.wonLine': (p: { who: string; got: number; item: string; waiting: number }) =>
    `${p.who} ${p.got} 份${p.item}${p.waiting > 0 ? `（另候补 ${p.waiting} 份）` : ''}`,
  'lottery.waiting': (p: { list: string }) => `候补（按抽中顺序）：${p.list}`,
  'lottery.order': (p: { list: string }) => `抽签顺序：${p.list}`,
  'lottery.verify': () => '复核：报名按（名字，规格）排序，用种子做 SHA-256 洗牌即得上面的顺序（算法见 README）',
  'lottery.after': () => '抽签结束，现在起接龙先到先得。',
  'lottery.empty': (p: { no: number; title: string }) =>
    `🎲 团${p.no} ${p.title} 抽签时间到，没有人报名。现在起接龙先到先得。`,
  'lottery.soldOut': () => '🔥 已售罄，继续接龙将进入候补。',
}
