// The watchq version, named in reports and captures.
export const VERSION = '0.1.0'
