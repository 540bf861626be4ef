// The one sale the fulfilment tests follow, from quote to ratings (also data/examples/sale-to-delivery.jsonl).
import type { In } from '../harness.js'

const ROOM = '烘焙同好群'
export const MEMBERS = ['阿May', 'Lily', 'Tom', 'Ann', 'Bob', 'Cici', 'Dan', 'Eve']
const d = (day: number, hms: string) => `2026-12-0${day}T${hms}+08:00`
let n = 0
const g = (at: string, from: string, text: string): In => ({ at, room: ROOM, from, text, id: `g${++n}` })
const p = (at: string, from: string, text: string): In => ({ at, from, text, id: `p${++n}` })

export const LAUNCH_BODY =
  '/launch 云南蓝莓 125g×4盒\n价格: 59\n限量: 12\n限购: 3\n截止: 2026-12-04 20:00\n阶梯: 6份 55, 10份 52\n自提: 东门快递柜; 3号楼大堂\n快递: 8元\n供应: 滇果鲜\n付款时限: 48小时'

/** Supply and launch: two suppliers quote, the primary's sample passes, the sale launches with tiers. */
export const supplyAndLaunch: In[] = [
  { at: d(3, '09:00:00'), room: ROOM, owner: '阿May', members: MEMBERS },
  p(d(3, '09:01:00'), '阿May', '/supplier add 滇果鲜 联系人 王经理 13800001234'),
  p(d(3, '09:01:30'), '阿May', '/supplier add 果园直供 联系人 李姐 13700005678'),
  p(d(3, '09:02:00'), '阿May', '/quote 滇果鲜 云南蓝莓 起订 10 交期 3天 价格 10份起45 20份起42 产能 10'),
  p(d(3, '09:02:30'), '阿May', '/quote 果园直供 云南蓝莓 起订 1 交期 2天 价格 40 产能 50'),
  p(d(3, '09:03:00'), '阿May', '/sample 滇果鲜 云南蓝莓 通过 甜度高'),
  g(d(3, '09:10:00'), '阿May', LAUNCH_BODY),
]

/** Joins with delivery words; Eve ends up on the waitlist. */
export const joins: In[] = [
  g(d(3, '09:11:00'), 'Lily', '+3 自提东门'),
  g(d(3, '09:11:05'), 'Tom', '+2 快递'),
  g(d(3, '09:11:10'), 'Ann', '我要2份 自提3号楼'),
  g(d(3, '09:11:15'), 'Bob', '+2'),
  g(d(3, '09:12:00'), 'Cici', '+2 自提东门'),
  g(d(3, '09:13:00'), 'Dan', '+1 自提东门'),
  g(d(3, '09:14:00'), 'Eve', '+2'),
  g(d(3, '09:15:00'), 'Lily', '进度'),
  p(d(3, '09:20:00'), 'Tom', '/address 汤姆 13912345678 上海市徐汇区漕溪北路1号'),
]

/** The deadline closes the sale at the 10-unit tier; then payments, the reminder, and the grace release. */
export const payments: In[] = [
  { at: d(4, '20:00:30') },
  g(d(4, '20:30:00'), 'Lily', '已付款 尾号1234'),
  g(d(4, '20:31:00'), 'Tom', '/paid'),
  g(d(4, '20:32:00'), 'Cici', '已付款'),
  g(d(4, '20:33:00'), 'Ann', '已付款'),
  g(d(4, '21:00:00'), '阿May', '/paid @Lily @Tom'),
  g(d(4, '21:01:00'), '阿May', '/unpaid @Cici'),
  g(d(4, '21:02:00'), '阿May', '/unpaid'),
  { at: d(5, '20:00:30') },
  g(d(5, '20:10:00'), 'Cici', '已付款 刚转了'),
  g(d(5, '20:11:00'), 'Dan', '已付款'),
  g(d(5, '20:20:00'), '阿May', '/paid @Cici @Dan @Ann'),
  { at: d(6, '20:00:30') },
  g(d(6, '20:05:00'), 'Eve', '自提 3号'),
  g(d(6, '20:10:00'), 'Eve', '已付款'),
  g(d(6, '20:15:00'), '阿May', '/paid @Eve'),
]

/** Goods arrive at both points, Tom's parcel ships, everyone collects, one ticket gets a refund. */
export const delivery: In[] = [
  g(d(7, '10:00:00'), '阿May', '/arrived 东门'),
  g(d(7, '10:01:00'), '阿May', '/arrived 3号楼'),
  g(d(7, '10:02:00'), '阿May', '/ship\nTom SF1234567890'),
  g(d(7, '12:00:00'), 'Lily', '已取货'),
  g(d(7, '12:05:00'), 'Cici', '/picked'),
  g(d(7, '12:10:00'), 'Ann', '已取货'),
  g(d(7, '13:00:00'), '阿May', '/notpicked'),
  g(d(7, '14:00:00'), 'Tom', '/track'),
  g(d(7, '15:00:00'), 'Ann', '/issue 有一盒压坏了，电话13987654321'),
  p(d(7, '16:00:00'), '阿May', '/resolve 1 退款 20 压坏一盒'),
  g(d(7, '17:00:00'), 'Dan', '已取货'),
  g(d(7, '17:05:00'), 'Eve', '已取货'),
  g(d(8, '11:00:00'), 'Tom', '已收货'),
]

/** Ratings after completion, the reviews and the organizer's figures. */
export const feedback: In[] = [
  g(d(8, '12:00:00'), 'Lily', '/rate 5 很甜'),
  g(d(8, '12:01:00'), 'Tom', '/rate 4 物流快'),
  g(d(8, '12:02:00'), 'Ann', '评价 3'),
  g(d(8, '12:10:00'), 'Bob', '/reviews'),
  g(d(8, '12:20:00'), '阿May', '/stats'),
  p(d(8, '12:30:00'), '阿May', '/stats 团1'),
]

export const whole: In[] = [...supplyAndLaunch, ...joins, ...payments, ...delivery, ...feedback]
