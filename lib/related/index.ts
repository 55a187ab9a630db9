/** Related cases (issue 9): the local case index's pure part. */
export * from './schema';
export * from './record';
export * from './find';
export * from './prune';
export * from './search';
export { foldText, foldedWords, skeleton } from './fold';
export { minhash, similarity, shingles, MINHASH_SCHEME, encodeSignature, decodeSignature } from './minhash';
export { titleTokens, matchTitles, namesMatch } from './title';
