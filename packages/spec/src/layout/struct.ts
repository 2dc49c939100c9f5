import { type TObject, type TProperties, Type } from '@sinclair/typebox'
import { STRUCT_KEYWORD, type StructLayout } from './keywords.js'

/** A C struct: a closed JSON object schema whose members carry `x-uapi-layout`. */
export type TStruct<P extends TProperties = TProperties> = TObject<P> & { [STRUCT_KEYWORD]: StructLayout }

/** Declares a struct. `layout` states the ABI facts (size, alignment) that the checks hold it to. */
export function Struct<P extends TProperties>(layout: StructLayout, properties: P, description: string): TStruct<P> {
  return Type.Object(properties, {
    additionalProperties: false,
    description,
    [STRUCT_KEYWORD]: layout,
  }) as TStruct<P>
}
