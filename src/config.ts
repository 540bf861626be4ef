// Settings from the environment, checked once at start-up.
import { z } from 'zod'

const Env = z.object({
  SHANTUAN_DB: z.string().min(1).default('data/shantuan.sqlite'),
  SHANTUAN_NAME: z.string().min(1).default('data/shantuan'),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-wechat4u'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // auto: short human lines when stderr is a terminal, JSON lines otherwise; json: always JSON
  LOG_FORMAT: z.enum(['auto', 'json']).default('auto'),
})

export type Config = z.infer<typeof Env>

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = Env.safeParse(env)
  if (!r.success) {
    throw new Error('bad environment: ' + r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  }
  return r.data
}
