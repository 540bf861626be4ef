import { test } from 'vitest'
import { run, group, say, at, tmpDb, type In } from '../harness.js'
const show = (o: any[]) => console.log(o.map((l) => `${l.at.slice(5, 23)} ${l.room ?? '->' + l.to} [${l.mentions.join(',')}]\n  ${l.text.slice(0, 600).replace(/\n/g, '\n  ')}`).join('\n'))
test('admin & chatter', async () => {
  const { out, errors } = await run([
    group(at('10:00')),
    say(at('10:00:05'), 'Lily', '/admin @Tom'),
    say(at('10:00:30'), '阿May', '/admin @Lily'),
    say(at('10:01'), 'Lily', '/launch 蓝莓\n价格: 10\n截止: 今晚8点\n成团: 3'),
    say(at('10:02'), 'Lily', '/admin @Tom'),
    say(at('10:03'), '阿May', '/admin @Nobody'),
    say(at('10:04'), '阿May', '/unadmin @Lily'),
    say(at('10:05'), 'Lily', '截单'),
    say(at('10:06'), 'Tom', '今天天气真好'),
    say(at('10:06:01'), 'Tom', '取消了吗'),
    say(at('10:06:02'), 'Tom', '进度怎么样'),
    say(at('10:06:03'), 'Tom', '2点见'),
    say(at('10:06:04'), 'Tom', '有人要吗？'),
    say(at('10:06:05'), 'Tom', '-1'),
    say(at('10:06:06'), 'Tom', '+0'),
    say(at('10:06:07'), 'Tom', '+1000'),
    say(at('10:06:08'), 'Tom', '\u0000\u202e\ud800+'),
    say(at('10:06:09'), 'Tom', 'x'.repeat(5000)),
    say(at('10:06:10'), 'Tom', '/launch'),
    say(at('10:06:11'), 'Tom', '/status ' + 'y'.repeat(5000)),
    say(at('10:06:12'), 'Tom', '/extend'),
    say(at('10:06:13'), '阿May', '/extend'),
    say(at('10:06:14'), '阿May', '/extend 99999h'),
    say(at('10:06:15'), '阿May', '/launch'),
    say(at('10:06:16'), 'Tom', '/my'),
    { at: at('10:06:17'), room: '烘焙同好群', from: 'Tom' },
    { at: 'garbage', room: '烘焙同好群', from: 'Tom', text: '+1' },
    say(at('10:06:18'), 'Tom', '/help'),
  ])
  show(out); console.log(errors)
})
