// Text normalisation shared by every parser. WeChat messages arrive with
// full-width digits from Chinese IMEs, invisible characters pasted from other
// apps, and a zoo of dash characters; parsers only ever see the folded form.

// Zero-width chars, bidi controls and C0/C1 controls (except '\n' and '\t',
// which is turned into a space below so that 'a\tb' does not become 'ab').
const INVISIBLE =
  /[\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\u061C\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

// NFKC already folds U+FF0D and U+FE63; the rest survive it and are listed
// explicitly. U+2010/2011 (hyphens) are included because IMEs produce them too.
const MINUS_LIKE = /[\u2212\uFF0D\u2012\u2013\u2014\uFE63\u2010\u2011]/g

// Lone surrogates make no sense in chat text; replacing them keeps the output
// well-formed for the database and for regexes with the 'u' flag.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function normalize(text: string): string {
  if (typeof text !== 'string') return ''
  let s = text.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '\uFFFD')
  try {
    s = s.normalize('NFKC')
  } catch {
    // normalize() should not throw on well-formed input; keep the unfolded text if it ever does
  }
  return s
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .replace(MINUS_LIKE, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/[\u3000\u00A0]/g, ' ')
}

// ASCII punctuation plus every Unicode punctuation char (covers 【】《》「」、。…).
const PUNCT_OR_SPACE = /[\s\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E\p{P}]/gu

export function looseKey(text: string): string {
  return normalize(text).toLowerCase().replace(PUNCT_OR_SPACE, '')
}
