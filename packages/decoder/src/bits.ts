// Bit arithmetic on the layout masks, shared by the table generator and the linked tables.

/** Position of the lowest set bit of a mask (0 for 0): the shift of the field it selects. */
export const lowestBit = (mask: number) => (mask === 0 ? 0 : 31 - Math.clz32(mask & -mask))
