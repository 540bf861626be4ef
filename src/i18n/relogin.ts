// Strings for re-attaching groups and members after a login, and /relink (docs/who-is-who.md).
export const reloginStrings = {
  'relogin.unmatched': (p: { room: string; names: string }) =>
    `机器人重新登录后，「${p.room}」里这些成员没能认出来（同名或改了名）：${p.names}。他们之前的订单和付款还在旧名下；请在群里发「/relink 旧名 @成员」把旧记录交给对应的人。`,
  'relink.ownerOnly': () => '只有群主可以用 /relink。',
  'relink.oldNotFound': (p: { name: string }) => `没有找到旧成员「${p.name}」。群主私信里列出的名字才可以用。`,
  'relink.oldStillHere': (p: { name: string }) => `「${p.name}」现在就在群里，不是旧记录，不能转。`,
  'relink.targetNotFound': (p: { name: string }) => `群里没有找到「${p.name}」，请 @ 对方。`,
  'relink.done': (p: { from: string; to: string }) =>
    `已把 ${p.from} 之前的订单、候补、付款、地址、售后和评价转给 ${p.to}。`,
}
