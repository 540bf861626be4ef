// Small pieces the demand modules share. Kept apart from sales.ts so that the lottery
// and intent modules (which sales.ts calls at launch and close) never import it back.

/** At most this many @mentions in one message: more reads as spam to WeChat (sales.ts uses the same). */
export const MENTION_CAP = 20

export const DAY_MS = 24 * 3600_000
