// Catalog strings for the fulfilment commands (absolute keys, 'fulfilment.*'); merged into zhCN in zh-CN.ts.
export const fulfilmentStrings = {
}
