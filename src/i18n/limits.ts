// Strings for the limits a hostile or very large group runs into (docs/limits.md).
export const limitStrings = {
  'fold.more': (p: { n: number }) =>
    `……还有 ${p.n} 条未列出，完整名单已私信团长（也可私聊机器人发 /export 导出订货表）`,
  'fold.moreNoOwner': (p: { n: number }) => `……还有 ${p.n} 条未列出，团长可私聊机器人发 /export 导出订货表`,
  'fold.private': (p: { n: number }) => `……还有 ${p.n} 条未列出，完整名单请私聊机器人发 /export 导出订货表`,
  'fold.fullCopy': (p: { room: string }) => `「${p.room}」的消息太长，群里只发了前面部分，完整内容如下：`,
  'help.organizerMore': () => '（开团、截单等团长命令，团长或管理员发 /help 可见）',
  'chain.tooMany': (p: { max: number; ignored: number }) => `接龙最多读取前 ${p.max} 条，后面 ${p.ignored} 条没有登记`,
}
