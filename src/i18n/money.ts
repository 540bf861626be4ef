/** Fen as a yuan string without trailing zeros: 5900 → '59', 5990 → '59.90'. */
export const yuanOf = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2))
