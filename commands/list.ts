// The registry: adding a command is one file plus one line here.
import type { AnyCommand } from '../src/engine/types.js'
import launch from './launch.js'
import join from './join.js'
import quit from './quit.js'
import my from './my.js'
import status from './status.js'
import close from './close.js'
import extend from './extend.js'
import abort from './abort.js'
import admin from './admin.js'
import unadmin from './unadmin.js'
import relinkCmd from './relink.js'
import settings from './settings.js'
import supplier from './supplier.js'
import quote from './quote.js'
import sample from './sample.js'
import paid from './paid.js'
import unpaid from './unpaid.js'
import pickup from './pickup.js'
import shipTo from './shipto.js'
import address from './address.js'
import arrived from './arrived.js'
import picked from './picked.js'
import notPicked from './notpicked.js'
import ship from './ship.js'
import track from './track.js'
import issue from './issue.js'
import resolve from './resolve.js'
import rate from './rate.js'
import reviews from './reviews.js'
import stats from './stats.js'
import exportCmd from './export.js'
import chain from './chain.js'
import poll from './poll.js'
import pollClose from './pollClose.js'
import vote from './vote.js'
import want from './want.js'
import demand from './demand.js'
import help from './help.js'
import confirm from './confirm.js'

export function list(): AnyCommand[] {
  // chain precedes join: a native 接龙 list is matched before any join form inside it;
  // vote too: 投1 and #投票2 2 carry numbers the join reader would otherwise look at
  return [
    launch,
    chain,
    vote,
    join,
    quit,
    confirm,
    my,
    status,
    close,
    extend,
    abort,
    admin,
    unadmin,
    relinkCmd,
    settings,
    // supply, payment, delivery, after-sales, feedback
    supplier,
    quote,
    sample,
    paid,
    unpaid,
    pickup,
    shipTo,
    address,
    arrived,
    picked,
    notPicked,
    ship,
    track,
    issue,
    resolve,
    rate,
    reviews,
    stats,
    exportCmd,
    // demand discovery (polls, intents; chain is above)
    poll,
    pollClose,
    want,
    demand,
    help,
  ]
}
