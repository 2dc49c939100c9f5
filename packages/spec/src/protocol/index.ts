// The adapter protocol's runtime pieces shared by both sides: the connection a runner holds, the
// bounded line framing, and the shape of an in-process implementation.
export * from './connection.js'
export * from './handler.js'
export * from './line-connection.js'
export * from './lines.js'
export * from './timer-limit.js'
export * from './within.js'
