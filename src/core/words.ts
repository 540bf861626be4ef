// The words the join reader knows, as plain lists. To teach the bot a new way members
// write, add the word to the right list here; the grammar in reader.ts needs no change.
// Matching is on the normalised text (full-width folded, Latin lower-cased); longer words
// are always tried before shorter ones, so '再来' wins over '来'.

/** Counting words for goods: '2份', '两盒', '三斤'. (块 is money, 克/g describe the product.) */
export const COUNTING_UNITS: readonly string[] = [
  '人份',
  '份',
  '盒',
  '斤',
  '个',
  '件',
  '箱',
  '袋',
  '包',
  '瓶',
  '罐',
  '只',
  '支',
  '套',
  '张',
  '本',
  '双',
  '条',
  '杯',
  '桶',
  '提',
  '组',
  '听',
  '枚',
  '颗',
  '串',
  '把',
  '盆',
  '株',
  '棵',
  '对',
  '副',
  '捆',
  '扎',
  '板',
  '片',
  '碗',
  '单',
]

/** What the reader takes as a unit after a number: the counting words, and packaging forms. */
export const UNITS: readonly string[] = [...COUNTING_UNITS, '袋装', '盒装', '箱装', '块装', '份儿', '斤装']

/** Numerals beyond the plain ones: 俩 is two, 仨 is three. */
export const NUMERAL_WORDS: Readonly<Record<string, number>> = { 俩: 2, 仨: 3 }

/** Words that say "I'll take …" before a quantity: 要2, 来一份, 拍1, 买两盒. */
export const ORDER_WORDS: readonly string[] = [
  '我也要',
  '我还要',
  '我想要',
  '我要',
  '还要',
  '也要',
  '想要',
  '需要',
  '预定',
  '预订',
  '给我留',
  '留',
  '要',
  '来',
  '拍',
  '买',
  '订',
  '算我',
]

/** Add on top of what the member has: 再来一份, 加1份, 再+1, 追加. */
export const ADD_WORDS: readonly string[] = [
  '再加',
  '再来',
  '再要',
  '再拍',
  '再买',
  '再订',
  '追加',
  '多要',
  '多来',
  '增加',
  '加',
  '再',
]

/** Take units off: 减一份, 少要一份, 退一份, 去掉一份, 取消一份. */
export const SUBTRACT_WORDS: readonly string[] = [
  '减少',
  '减掉',
  '减',
  '少要',
  '少来',
  '少',
  '退掉',
  '退',
  '去掉',
  '拿掉',
  '扣掉',
  '删掉',
  '取消',
]

/** Change the total to a new number: 改为2, 改成3份, 数量改成1, 加到5份. */
export const CHANGE_TO_WORDS: readonly string[] = [
  '数量改成',
  '数量改为',
  '数量改',
  '修改为',
  '修改成',
  '改为',
  '改成',
  '改到',
  '改',
  '加到',
  '减到',
  '变成',
  '一共',
  '总共',
  '共',
]

/** Move the units to another item: 换成灰色 (改成灰色 counts too when no number follows). */
export const SWITCH_WORDS: readonly string[] = ['换成', '换为', '换到', '换']

/**
 * A cancel, when the message is one of these apart from politeness and the names of items
 * or sales: 取消, 不要了, 灰色不要了, 取消草莓. '孩子说不要了' is not a cancel.
 */
export const CANCEL_PHRASES: readonly string[] = [
  '取消+1',
  '取消接龙',
  '取消订单',
  '取消报名',
  '取消登记',
  '取消我的',
  '我取消',
  '取消',
  '不要了',
  '不要啦',
  '不要',
  '我退出',
  '退出',
  '退团',
  '不跟了',
  '我不跟了',
  '不参加了',
  '不买了',
  '不订了',
  '撤了',
  '我撤',
  '删掉我',
  '删了',
]

/** Alone, these mean "me too" without a number: asked about, never guessed. */
export const ME_TOO: readonly string[] = ['我也要', '我也来', '我也想要', '算我一个', '加我一个', '加我', '算我']

/** Politeness and join words: never a quantity, never a reason to doubt a message. */
export const FILLER: readonly string[] = [
  '谢谢团长',
  '麻烦团长',
  '辛苦团长',
  '谢谢',
  '多谢',
  '感谢',
  '麻烦',
  '辛苦',
  '不好意思',
  '团长',
  '接龙',
  '跟团',
  '参团',
  '报名',
  '参加',
  '我也',
  '好的',
  '好滴',
  '好嘞',
  '就行',
  '就好',
  '即可',
  '哈哈',
  '帮我',
  '给我',
  '算了',
  '的',
  '了',
  '吧',
  '哈',
  '啊',
  '呀',
  '哦',
  '噢',
  '嗯',
  '啦',
  '呢',
  '我',
  '也',
  '还',
  '请',
  '亲',
  '先',
  '就',
  '都',
  '还是',
  '数量',
  '一下',
]

/**
 * Words with 团 in them that are not a sale number (参团2份 is not 团2); removed before
 * sale references are looked for.
 */
export const TUAN_WORDS: readonly string[] = [
  '团长',
  '跟团',
  '参团',
  '开团',
  '拼团',
  '团购',
  '成团',
  '截团',
  '再团',
  '下个团',
  '下一团',
  '上个团',
  '上一团',
]

// ---------------------------------------------------------------- not an order
// Any of these in the member's own words makes the message chatter, whatever numbers or
// order words it carries: silence, never an order and never a question.

/** Questions: 一份多少钱, 还有吗, 几点到, 要不要再开一个团. */
export const QUESTION_WORDS: readonly string[] = [
  '?',
  '吗',
  '呢',
  '么',
  '嘛',
  '多少',
  '几',
  '怎么',
  '什么时候',
  '哪',
  '有没有',
  '能不能',
  '是不是',
  '可不可以',
  '好不好',
  '行不行',
  '要不要',
  '会不会',
  '够不够',
  '对不对',
  '多大',
  '多重',
  '多久',
  '咋',
]

/** The past and the future: 上次的2盒, 下次我要两份, 以后. */
export const TIME_WORDS: readonly string[] = [
  '上次',
  '下次',
  '上回',
  '下回',
  '以后',
  '之前',
  '以前',
  '昨天',
  '前天',
  '去年',
  '上周',
  '上个月',
  '改天',
  '下一次',
  '下个团',
  '下一团',
  '上个团',
  '上一团',
  '下期',
  '上期',
  '再团',
]

/** Reports of what happened: 只剩3份了, 转发到3个群, 已经+1了, 买了3斤. */
export const REPORT_WORDS: readonly string[] = [
  '只剩',
  '还剩',
  '剩下',
  '剩',
  '转发',
  '已经',
  '已转',
  '已付',
  '付了',
  '付款',
  '卖了',
  '卖出',
  '已售',
  '吃完',
  '吃了',
  '买了',
  '买过',
  '到了',
  '收到',
]

/** Praise and agreement: +1赞, 同意+1, +1 同问. */
export const AGREE_WORDS: readonly string[] = [
  '赞',
  '同问',
  '同意',
  '附议',
  '顶',
  '同感',
  '支持',
  '划算',
  '好评',
  '说得对',
  '有道理',
]

/** Conditionals: 好吃的话我再来2份, 如果有的话, 万一不够. */
export const CONDITION_WORDS: readonly string[] = [
  '的话',
  '如果',
  '要是',
  '假如',
  '万一',
  '看情况',
  '再说',
  '考虑',
  '可能',
  '到时候',
]

/** Counts of people or things in passing: 我家两个孩子, 每天吃2个, 4个人吃. */
export const PASSING_WORDS: readonly string[] = [
  '我家',
  '家里',
  '个孩子',
  '个娃',
  '孩子说',
  '每天',
  '每次',
  '每周',
  '每顿',
  '天天',
  '口人',
  '个人',
  '人吃',
  '同事说',
  '朋友说',
]

/** What a number may be glued to that makes it no quantity: 3号楼, 59元, 8点, 125g, 2小时. */
export const NOT_QUANTITY_AFTER: readonly string[] = [
  '号',
  '楼',
  '栋',
  '幢',
  '层',
  '室',
  '单元',
  '元',
  '块',
  '毛',
  '角',
  '克',
  '千克',
  '公斤',
  'g',
  'kg',
  'ml',
  'l',
  '米',
  '点',
  '时',
  '日',
  '折',
  '岁',
  '天',
  '月',
  '年',
  '周',
  '分',
  '秒',
  '小时',
  '钟',
  '%',
  '.',
  '人',
  '次',
  '群',
  '期',
]

/** Words for "every item" and "every sale": 两个颜色各一条, 两个团各+1. */
export const ALL_ITEMS_WORDS: readonly string[] = [
  '两个颜色',
  '两种颜色',
  '两个规格',
  '两种规格',
  '两个口味',
  '两种口味',
  '两款',
  '两种',
  '每个颜色',
  '每种',
  '每样',
]
export const ALL_SALES_WORDS: readonly string[] = ['两个团', '两个都', '两样']

/** 各: one quantity for each item named before it. */
export const EACH_WORDS: readonly string[] = ['各']

/** 帮王姐+1, 代李四 2份: the entry is for that person. */
export const PROXY_WORDS: readonly string[] = ['帮', '代']
