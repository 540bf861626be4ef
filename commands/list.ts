// The registry: adding a command is one file plus one line here.
import type { CommandSpec } from '../src/engine/types.js'
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
import settings from './settings.js'
import help from './help.js'

export function list(): CommandSpec<any>[] {
  return [launch, join, quit, my, status, close, extend, abort, admin, unadmin, settings, help]
}
