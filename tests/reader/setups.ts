// The group situations the reader corpus is read in: which sales are open, with which
// variants. A corpus line names one of these (and the member's order before, if any).
import type { Vocab } from '../../src/core/reader.js'

export const SETUPS: Record<string, Vocab> = {
  // one sale, one item (no variants)
  one: { sales: [{ no: 1, title: '云南蓝莓 125g×4盒', items: [{ id: 1, name: '' }] }] },
  // one sale, two colours
  two: {
    sales: [
      {
        no: 1,
        title: '速干T恤',
        items: [
          { id: 1, name: '紫色' },
          { id: 2, name: '灰色' },
        ],
      },
    ],
  },
  // two sales open, one item each
  pair: {
    sales: [
      { no: 1, title: '丹东99草莓 3斤装', items: [{ id: 1, name: '' }] },
      { no: 2, title: '赣南脐橙 5斤', items: [{ id: 2, name: '' }] },
    ],
  },
  // variant names that end in a digit, and a name inside another
  oats: {
    sales: [
      {
        no: 1,
        title: '有机燕麦片',
        items: [
          { id: 1, name: '500g' },
          { id: 2, name: '1kg' },
        ],
      },
    ],
  },
  grape: {
    sales: [
      {
        no: 3,
        title: '阳光玫瑰葡萄',
        items: [
          { id: 1, name: '大果' },
          { id: 2, name: '超大果' },
        ],
      },
    ],
  },
  // used only by the held-out set
  eggs: { sales: [{ no: 2, title: '散养土鸡蛋 30枚', items: [{ id: 1, name: '' }] }] },
  tea: {
    sales: [
      {
        no: 4,
        title: '明前茶',
        items: [
          { id: 1, name: '红茶' },
          { id: 2, name: '绿茶' },
        ],
      },
    ],
  },
  mixed: {
    sales: [
      {
        no: 5,
        title: '手工酸奶',
        items: [
          { id: 1, name: '原味' },
          { id: 2, name: '草莓味' },
        ],
      },
      { no: 6, title: '全麦面包', items: [{ id: 3, name: '' }] },
    ],
  },
  // nothing open
  none: { sales: [] },
}
