/** Text utilities shared by the engine: offset maps, normalisation, folding. */
export { OffsetMapBuilder, identityMap, type OffsetMap } from './offset-map';
export { normalizeText, type NormalizedText } from './normalize';
export { foldName, boundedEditDistance } from './fold';
export { trimSpan } from './span';
