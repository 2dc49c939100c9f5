// An implementation that answers protocol requests as plain objects, with no connection of its
// own: the simulator is one. A transport (in-process, a socket daemon) carries the JSON lines.

export interface InProcessImplementation {
  /** Gets each request as parsed JSON; returns the reply object (or a promise of it). */
  handle(request: unknown): unknown | Promise<unknown>
}
