// Catalog strings for the demand commands (absolute keys, 'demand.*'); merged into zhCN in zh-CN.ts.
export const demandStrings = {
}
