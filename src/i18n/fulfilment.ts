// Catalog strings for the fulfilment commands (absolute keys: supply.*, tier.*, pay.*, delivery.*,
// ticket.*, rating.*, stats.*, and scope.* for which group/sale a private command is about);
// merged into zhCN in zh-CN.ts.
const opt = (v: string | number | null | undefined, f: (x: string) => string) =>
  v === null || v === undefined || v === '' ? '' : f(String(v))

export const fulfilmentStrings = {
  'scope.notOrganizer': () => '这个命令只有群主或管理员可以用。',
  'scope.noGroup': () => '没有找到你所在的群，请在群里发这个命令。',
  'scope.whichGroup': (p: { groups: string; example: string }) =>
    `你在多个群：${p.groups}，请在命令里写上群名，例如「… ${p.example}」`,
  'scope.noSale': () => '现在没有待交付的团。',
  'scope.notClosedYet': (p: { no: number }) => `团${p.no} 还没截单，成团截单后才能付款、到货和售后。`,
  'scope.notSucceeded': (p: { no: number }) => `团${p.no} 没有成团，大家都不用付款，也没有到货和售后。`,

  'supply.added': (p: { name: string; contact: string | null; phone: string | null; updated: boolean }) =>
    `${p.updated ? '已更新' : '已记录'}供应商：${p.name}${p.contact || p.phone ? `（${[p.contact, p.phone].filter(Boolean).join(' ')}）` : ''}`,
  'supply.none': () => '还没有供应商，用「/supplier add 名称 联系人 电话」添加。',
  'supply.listHeader': (p: { n: number }) => `🏭 供应商 ${p.n} 家：`,
  'supply.listLine': (p: { name: string; contact: string | null; items: string | null }) =>
    `${p.name}${opt(p.contact, (x) => ` · ${x}`)}${opt(p.items, (x) => ` · 报价：${x}`)}`,
  'supply.unknownSupplier': (p: { name: string }) =>
    `没有找到供应商「${p.name}」，先用「/supplier add ${p.name} 联系人 电话」登记。`,
  'supply.sampleFailed': (p: { name: string; item: string; note: string }) =>
    `${p.name} 的「${p.item}」样品未通过${p.note ? `（${p.note}）` : ''}，不能关联到团，请换一家供应商。`,
  'supply.attached': (p: { no: number; title: string; name: string }) => `团${p.no} ${p.title} 的供应商：${p.name}`,
  'supply.badQuote': (p: { part: string; usage: string }) => `报价看不懂「${p.part}」，例如：${p.usage}`,
  'supply.noQuotes': () => '还没有报价。',
  'supply.quotesHeader': (p: { n: number }) => `📄 报价 ${p.n} 条：`,
  'supply.quoteLine': (p: {
    supplier: string
    item: string
    primary: boolean
    min: number | null
    days: number | null
    capacity: number | null
    ladder: string | null
    sample: string
    note: string | null
  }) =>
    `${p.supplier} · ${p.item}（${p.primary ? '主供' : '备选'}）${opt(p.min, (x) => ` 起订 ${x} 份`)}${opt(p.days, (x) => ` 交期 ${x} 天`)}${opt(p.capacity, (x) => ` 产能 ${x} 份`)}${opt(p.ladder, (x) => ` 进价 ${x}`)}` +
    (p.sample === 'passed'
      ? ` · 样品通过${opt(p.note, (x) => `（${x}）`)}`
      : p.sample === 'failed'
        ? ` · 样品未通过${opt(p.note, (x) => `（${x}）`)}`
        : ''),
  'supply.quoted': (p: { line: string; backups: number }) =>
    `已记录报价：${p.line}${p.backups > 0 ? `\n同一商品还有 ${p.backups} 家报价` : ''}`,
  'supply.noQuote': (p: { name: string; item: string }) => `${p.name} 还没有「${p.item}」的报价，先用 /quote 录入。`,
  'supply.sampled': (p: { name: string; item: string; passed: boolean; note: string | null }) =>
    `已记录样品：${p.name} · ${p.item} ${p.passed ? '通过' : '不通过'}${opt(p.note, (x) => `（${x}）`)}`,
  'supply.sampleWarn': (p: { no: number; title: string; name: string }) =>
    `⚠️ 团${p.no} ${p.title} 关联的是 ${p.name}，请换一家：/supplier attach 名称 团${p.no}`,
  'supply.adviceHeader': (p: { no: number; title: string; units: number }) =>
    `🏭 团${p.no} ${p.title} 截单共 ${p.units} 份，订货建议：`,
  'supply.adviceLine': (p: {
    supplier: string
    qty: number
    unit: string | null
    cost: string | null
    days: number | null
  }) =>
    `· 向 ${p.supplier} 订 ${p.qty} 份${p.unit ? `，进价 ${p.unit}/份，计 ${p.cost}` : ''}${opt(p.days, (x) => `，交期 ${x} 天`)}`,
  'supply.belowMin': (p: { supplier: string; min: number; missing: number }) =>
    `  ⚠️ 未达 ${p.supplier} 起订量 ${p.min} 份（差 ${p.missing} 份），请与供应商商量`,
  'supply.split': (p: { count: number }) => `超过主供产能，已拆给 ${p.count} 家供应商。`,
  'supply.short': (p: { units: number }) => `⚠️ 现有报价的产能还差 ${p.units} 份，请再找供应商或联系团员调整。`,
  'supply.alternative': (p: { supplier: string }) => `也可以改向 ${p.supplier} 一家订货（起订量和产能都够）。`,
  'supply.cost': (p: { cost: string }) => `进货成本合计 ${p.cost}。`,

  'tier.launch': (p: { steps: string }) => `阶梯价：${p.steps}（按最终总数，所有人同价）`,
  'tier.progress': (p: { price: string; left: number; next: string }) =>
    `现价 ${p.price}，再 ${p.left} 份降到 ${p.next}`,
  'tier.board': (p: { text: string }) => `阶梯价：${p.text}`,
  'tier.top': (p: { price: string }) => `已到最低价 ${p.price}`,
  'tier.closed': (p: { units: number; from: number; price: string; base: string }) =>
    `🎯 最终 ${p.units} 份，达到阶梯价「满 ${p.from} 份 ${p.price}」，每人都按 ${p.price}/份结算（原价 ${p.base}）`,
  'tier.closedBase': (p: { units: number; from: number; price: string }) =>
    `最终 ${p.units} 份，未到第一档阶梯（满 ${p.from} 份），按原价 ${p.price}/份结算`,

  'pay.launchGrace': (p: { span: string }) => `付款时限：截单后 ${p.span}内付款，逾期未付的订单释放给候补`,
  'pay.howTo': (p: { until: string | null }) =>
    `💰 付款后请回复「已付款」（可附转账尾号），团长确认后登记${p.until ? `；请在 ${p.until} 前付款，逾期未付的订单将释放给候补` : ''}`,
  'pay.reportedLine': (p: { names: string }) => `💰 已报付款（待团长确认）：${p.names}`,
  'pay.confirmedLine': (p: { names: string }) => `✅ 已确认收款：${p.names}`,
  'pay.rejectedLine': (p: { who: string; amount: string }) =>
    `❗ ${p.who} 团长没有查到你的付款（应付 ${p.amount}），请核对后再付`,
  'pay.releasedLine': (p: { who: string; units: number }) =>
    `⌛ ${p.who} 超过付款时限未付款，${p.units} 份已释放给候补`,
  'pay.promotedLine': (p: {
    who: string
    items: string
    amount: string
    until: string | null
    waiting: number
    ask: string | null
  }) =>
    `🎉 ${p.who} 候补转正 ${p.items}，应付 ${p.amount}${p.until ? `，请在 ${p.until} 前付款` : ''}${p.waiting > 0 ? `（还候补 ${p.waiting} 份）` : ''}${p.ask ? `；取货方式请回复${p.ask}` : ''}`,
  'pay.reportedPrivate': (p: { no: number; title: string; amount: string }) =>
    `已登记：团${p.no} ${p.title} 你已付款 ${p.amount}，等团长确认。`,
  'pay.confirmedPrivate': (p: { name: string; no: number; title: string; amount: string }) =>
    `已确认收到 ${p.name} 团${p.no} ${p.title} 的付款 ${p.amount}。`,
  'pay.rejectedPrivate': (p: { name: string; no: number; title: string }) =>
    `已标记 ${p.name} 团${p.no} ${p.title} 未付款，群里会提醒对方。`,
  'pay.state.no': () => '未付款',
  'pay.state.reported': () => '已报付款待确认',
  'pay.state.yes': () => '已确认付款',
  'pay.settingsLine': (p: { at: string }) => `催付：截单次日 ${p.at}（/set 催付 20:00）`,
  'pay.nothingDue': () => '你没有待付款的订单。',
  'pay.nothingFor': (p: { name: string }) => `${p.name} 没有待交付的订单。`,
  'pay.allPaid': (p: { no: number; title: string }) => `团${p.no} ${p.title} 所有人都已确认付款 ✅`,
  'pay.unpaidHeader': (p: { no: number; title: string; count: number; total: string }) =>
    `💰 团${p.no} ${p.title} 未确认付款 ${p.count} 人，共 ${p.total}：`,
  'pay.unpaidLine': (p: { name: string; amount: string; reported: boolean; note: string | null }) =>
    `${p.name} ${p.amount}${p.reported ? `（已报付款，待确认${opt(p.note, (x) => `：${x}`)}）` : ''}`,
  'pay.reminder': (p: { no: number; title: string; count: number; list: string; until: string | null }) =>
    `⏰ 团${p.no} ${p.title} 付款提醒：还有 ${p.count} 人未付款\n${p.list}\n付款后请回复「已付款」${p.until ? `；${p.until} 前未付的订单将释放给候补` : ''}`,

  'delivery.pickupAt': (p: { point: string }) => `自提 ${p.point}`,
  'delivery.shipping': () => '快递',
  'delivery.undecided': () => '未选取货方式',
  'delivery.launchPickup': (p: { points: string }) => `自提 ${p.points}`,
  'delivery.launchShip': (p: { fee: string }) => `快递（运费 ${p.fee}）`,
  'delivery.launchFreeShip': () => '快递包邮',
  'delivery.launchWays': (p: { ways: string; example: string }) => `取货：${p.ways}（接龙时可写「${p.example}」）`,
  'delivery.feeLine': (p: { fee: string; list: string }) => `🚚 快递另付运费 ${p.fee}：${p.list}`,
  'delivery.askOnce': (p: { names: string; how: string }) => `📍 还没选取货方式：${p.names}，请回复${p.how}`,
  'delivery.chosenLine': (p: { list: string }) => `📍 取货方式：${p.list}`,
  'delivery.unknownPoint': (p: { word: string; how: string }) => `没有「${p.word}」这个自提点，可选：${p.how}`,
  'delivery.noPickup': (p: { how: string }) => `这个团没有自提点${p.how ? `，可选：${p.how}` : ''}`,
  'delivery.noShipping': (p: { how: string }) => `这个团不发快递${p.how ? `，请选自提：${p.how}` : ''}`,
  'delivery.noShippingAny': () => '现在的团都不发快递。',
  'delivery.nothingToChoose': () => '你在进行中或待交付的团里没有订单。',
  'delivery.tooLate': (p: { current: string }) => `货已经到了或已发出（${p.current}），不能再改取货方式，请联系团长。`,
  'delivery.needAddress': (p: { no: number; title: string }) =>
    `你选了团${p.no} ${p.title} 快递到家，请在这里（私聊）发送收货地址：/address 收件人 手机号 详细地址`,
  'delivery.addressPrivate': () => '为保护隐私，收货地址和手机号请私聊机器人发送，不要发在群里。',
  'delivery.addressBad': () =>
    '格式：/address 收件人 手机号 详细地址，例如「/address 张三 13800001234 上海市浦东新区XX路1号」',
  'delivery.addressNone': () => '还没有登记收货地址。发送：/address 收件人 手机号 详细地址',
  'delivery.addressShow': (p: { recipient: string; phone: string; address: string }) =>
    `你的收货地址：${p.recipient} ${p.phone} ${p.address}`,
  'delivery.addressSaved': (p: { recipient: string; phone: string; address: string }) =>
    `已保存收货地址：${p.recipient} ${p.phone} ${p.address}\n只用于发货，不会出现在群里。`,
  'delivery.arrived': (p: { no: number; title: string; point: string | null; count: number; list: string }) =>
    `📦 团${p.no} ${p.title} 到货了${p.point ? `，在「${p.point}」` : ''}，请 ${p.count} 位来取，取到后回复「已取货」：\n${p.list}`,
  'delivery.nobodyAt': (p: { point: string }) => `「${p.point}」没有待取的订单。`,
  'delivery.nothingToPick': () => '你没有待取或待收的订单。',
  'delivery.pickedLine': (p: { names: string }) => `📦 已取货：${p.names}`,
  'delivery.pickedPrivate': (p: { no: number; title: string }) => `✅ 已记录：团${p.no} ${p.title} 已收到货。`,
  'delivery.allPicked': (p: { no: number; title: string }) => `团${p.no} ${p.title} 所有人都已取货/收货 ✅`,
  'delivery.notPickedHeader': (p: { no: number; title: string; count: number }) =>
    `📦 团${p.no} ${p.title} 还有 ${p.count} 人未取/未收：`,
  'delivery.notPickedPoint': (p: { point: string; arrived: boolean; list: string }) =>
    `「${p.point}」${p.arrived ? '' : '（未到货）'}：${p.list}`,
  'delivery.notShipped': (p: { list: string }) => `快递待发货：${p.list}`,
  'delivery.inTransit': (p: { list: string }) => `快递已发出待确认：${p.list}`,
  'delivery.undecidedList': (p: { list: string }) => `未选取货方式：${p.list}`,
  'delivery.shippedLine': (p: { who: string; carrier: string; tracking: string }) =>
    `🚚 ${p.who} 已发货：${p.carrier} ${p.tracking}`,
  'delivery.shipDone': (p: { no: number; title: string; done: number; unknown: string | null; bad: string | null }) =>
    `团${p.no} ${p.title} 已登记 ${p.done} 个运单${opt(p.unknown, (x) => `；没找到这些人的订单：${x}`)}${opt(p.bad, (x) => `；看不懂：${x}`)}`,
  'delivery.state.ready': () => '已到货/已发出',
  'delivery.state.delivered': () => '已取货/已收货',
  'delivery.noTracking': () => '你还没有运单号。',
  'delivery.trackHeader': (p: { name: string }) => `${p.name} 的快递：`,
  'delivery.trackLine': (p: {
    room: string | null
    no: number
    title: string
    carrier: string
    tracking: string
    delivered: boolean
  }) =>
    `${p.room ? `[${p.room}] ` : ''}团${p.no} ${p.title}：${p.carrier} ${p.tracking}${p.delivered ? '（已收货）' : ''}`,

  'ticket.empty': () => '请说明问题，例如「/issue 有两盒压坏了」',
  'ticket.noOrder': () => '没有找到你成团的订单，售后请联系团长。',
  'ticket.ackLine': (p: { name: string; no: number }) =>
    `🧾 已收到 ${p.name} 的售后反馈（售后单 ${p.no}），团长会私聊处理`,
  'ticket.openedPrivate': (p: { no: number; no2: number; title: string }) =>
    `已收到你的售后反馈（售后单 ${p.no}，团${p.no2} ${p.title}），团长会尽快处理。`,
  'ticket.toOrganizer': (p: {
    no: number
    room: string
    saleNo: number
    title: string
    name: string
    order: string
    amount: string
    text: string
    scope: string
  }) =>
    `🧾 售后单 ${p.no} · ${p.room} 团${p.saleNo} ${p.title}\n${p.name}（${p.order}，应付 ${p.amount}）：${p.text}\n处理：/resolve ${p.no} 退款 金额${p.scope} · /resolve ${p.no} 补发${p.scope} · /resolve ${p.no} 无需处理 原因${p.scope}`,
  'ticket.refunded': (p: { amount: string }) => `已退款 ${p.amount}`,
  'ticket.notFound': (p: { no: number }) => `没有售后单 ${p.no}。`,
  'ticket.already': (p: { no: number; resolution: string }) => `售后单 ${p.no} 已处理过：${p.resolution}`,
  'ticket.tooMuch': (p: { max: string }) => `退款不能超过该订单的应付金额，最多还能退 ${p.max}。`,
  'ticket.refund': (p: { amount: string; note: string | null }) => `退款 ${p.amount}${opt(p.note, (x) => `（${x}）`)}`,
  'ticket.resend': (p: { note: string | null }) => `补发${opt(p.note, (x) => `（${x}）`)}`,
  'ticket.none': (p: { note: string }) => `无需处理：${p.note}`,
  'ticket.toMember': (p: { no: number; resolution: string; title: string }) =>
    `你的售后单 ${p.no}${p.title ? `（${p.title}）` : ''}已处理：${p.resolution}`,
  'ticket.resolvedLine': (p: { who: string; no: number }) => `🧾 ${p.who} 售后单 ${p.no} 已处理，结果已私聊告知`,
  'ticket.resolvedPrivate': (p: { no: number; name: string; resolution: string }) =>
    `售后单 ${p.no}（${p.name}）已处理：${p.resolution}，已私聊告知对方。`,

  'rating.ask': (p: { no: number; title: string }) =>
    `🎉 团${p.no} ${p.title} 全部交付完成，谢谢大家！欢迎评价：回复「/rate 5 很甜」（1–5 星，可附一句话）`,
  'rating.bad': () => '评分请用 1–5，例如「/rate 5 很甜」',
  'rating.nothing': () => '收到货后才能评价哦。',
  'rating.thanksLine': (p: { list: string }) => `⭐ 感谢评价：${p.list}`,
  'rating.none': () => '还没有评价。',
  'rating.noneFor': (p: { no: number; title: string }) => `团${p.no} ${p.title} 还没有评价。`,
  'rating.header': (p: { no: number; title: string; avg: string; count: number }) =>
    `⭐ 团${p.no} ${p.title} 评价：平均 ${p.avg} 分（${p.count} 人）`,
  'rating.bar': (p: { stars: number; bar: string; n: number }) => `${p.stars} 星 ${p.bar}${p.bar ? ' ' : ''}${p.n}`,
  'rating.comment': (p: { comment: string; name: string; stars: number }) =>
    `「${p.comment}」—— ${p.name}（${p.stars} 星）`,

  'stats.saleHeader': (p: { no: number; title: string; state: string }) => `📊 团${p.no} ${p.title}（${p.state}）`,
  'stats.groupHeader': (p: { room: string }) => `📊 ${p.room} 全群`,
  'stats.exportPrivate': () => '订货表含收货地址和手机号，请私聊机器人发送 /export',
  'stats.exported': (p: { no: number; title: string }) =>
    `📎 团${p.no} ${p.title} 的订货表已生成，文件随后发给你\n（含订货汇总、各自提点、快递、成员和统计；服务器上的文件发出后即删除，需要时再发 /export）`,
}
