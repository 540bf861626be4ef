import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { looseKey, normalize } from '../../src/core/text.js'
import { parseCount, parseMoney, UNIT_WORDS } from '../../src/core/quantity.js'

describe('normalize', () => {
  it.each([
    ['full-width digits and plus', '＋２', '+2'],
    ['full-width colon', '价格：５９', '价格:59'],
    ['full-width date', '１２－０４ ２０：００', '12-04 20:00'],
    ['minus sign', '−2', '-2'],
    ['full-width hyphen-minus', '－2', '-2'],
    ['figure dash', '‒2', '-2'],
    ['en dash', '–2', '-2'],
    ['em dash', '—2', '-2'],
    ['small hyphen-minus', '﹣2', '-2'],
    ['ideographic space', '大果\u3000+1', '大果 +1'],
    ['no-break space', '大果\u00A0+1', '大果 +1'],
    ['zero-width space', '+\u200B1', '+1'],
    ['zero-width joiner and BOM', '\uFEFF+1\u200D', '+1'],
    ['word joiner', '+\u20601', '+1'],
    ['bidi override', '\u202E+1\u202C', '+1'],
    ['bidi isolate and arabic mark', '\u2066+1\u2069\u061C', '+1'],
    ['C0 controls', 'a\u0000b\u0007c\u001Bd', 'abcd'],
    ['C1 controls and DEL', 'a\u0085b\u009Fc\u007F', 'abc'],
    ['CRLF and CR', 'a\r\nb\rc\nd', 'a\nb\nc\nd'],
    ['tab becomes a space', '白色\t2件', '白色 2件'],
    ['keeps Chinese punctuation', '好的。谢谢、【团长】', '好的。谢谢、【团长】'],
    ['full-width comma and bang fold', '好，谢谢！', '好,谢谢!'],
    ['full-width yen', '￥59', '¥59'],
    ['plain text untouched', '云南蓝莓 125g×4盒', '云南蓝莓 125g×4盒'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input)).toBe(expected)
  })

  it('replaces lone surrogates instead of throwing', () => {
    expect(normalize('a\uD800b')).toBe('a\uFFFDb')
    expect(normalize('\uDC00')).toBe('\uFFFD')
  })

  it('never throws and leaves no control characters but newline', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const out = normalize(s)
        expect(out).not.toMatch(
          /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\r]/,
        )
      }),
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        expect(normalize(normalize(s))).toBe(normalize(s))
      }),
    )
  })
})

describe('looseKey', () => {
  it.each([
    ['【云南】蓝莓', '云南蓝莓'],
    ['云南 蓝莓!', '云南蓝莓'],
    ['Dark-Roast Coffee', 'darkroastcoffee'],
    ['ＡＢＣ', 'abc'],
    ['《速干T恤》、黑色。', '速干t恤黑色'],
    ['大果（特级）', '大果特级'],
    ['  ', ''],
  ])('%s -> %s', (input, expected) => {
    expect(looseKey(input)).toBe(expected)
  })
})

describe('parseCount', () => {
  it.each([
    ['3', 3],
    ['0', 0],
    ['007', 7],
    ['120', 120],
    ['零', 0],
    ['一', 1],
    ['二', 2],
    ['两', 2],
    ['五', 5],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['九十九', 99],
  ])('%s -> %i', (input, expected) => {
    expect(parseCount(input)).toBe(expected)
  })

  it.each(['', 'abc', '1.5', '-1', '两十', '十两', '一二', '一百', '二十十', '十十', '1e3', '0x10', '9'.repeat(30)])(
    'rejects %j',
    (input) => {
      expect(parseCount(input)).toBeNull()
    },
  )
})

describe('parseMoney', () => {
  it.each([
    ['59', 5900],
    ['59.9', 5990],
    ['59.90', 5990],
    ['0.01', 1],
    ['0', 0],
    ['0.1', 10],
    ['¥59', 5900],
    ['￥59', 5900],
    ['59元', 5900],
    ['59块', 5900],
    ['59.5元', 5950],
    ['５９', 5900],
    ['10000000', 1_000_000_000],
    ['0.29', 29],
    ['1.13', 113],
  ])('%s -> %i fen', (input, expected) => {
    expect(parseMoney(input)).toBe(expected)
  })

  it.each([
    '59.999',
    '-1',
    '',
    'abc',
    '1e3',
    '0x10',
    '10000000.01',
    '100000000',
    '59.',
    '.5',
    '5 9',
    'NaN',
    'Infinity',
  ])('rejects %j', (input) => {
    expect(parseMoney(input)).toBeNull()
  })

  it('has no floating point error for any 2-decimal amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (fen) => {
        const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
        expect(parseMoney(yuan)).toBe(fen)
      }),
    )
  })
})

describe('UNIT_WORDS', () => {
  it('has the common units and leaves out money and weight words', () => {
    expect(UNIT_WORDS).toEqual(expect.arrayContaining(['份', '盒', '斤', '个', '件', '箱', '袋', '瓶']))
    expect(UNIT_WORDS).not.toContain('块')
    expect(UNIT_WORDS).not.toContain('g')
  })
})
