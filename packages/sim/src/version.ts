// This package's version, named in reports, captures and hello answers: the one in package.json.
import pkg from '../package.json' with { type: 'json' }

export const VERSION: string = pkg.version
