// Reading the kernel console log QEMU writes: its size and a byte range, never throwing (the file
// may not exist yet, or be gone).
import { closeSync, openSync, readSync, statSync } from 'node:fs'

export function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

export function readRange(path: string, start: number, end: number): string {
  if (end <= start) return ''
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return ''
  }
  try {
    const buffer = Buffer.alloc(end - start)
    const n = readSync(fd, buffer, 0, buffer.length, start)
    return buffer.subarray(0, n).toString('utf8')
  } finally {
    closeSync(fd)
  }
}
