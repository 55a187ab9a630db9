/**
 * Swedish sentences and words with offsets into the original text.
 * The compromise-based variant lives in './compromise' (import it explicitly;
 * it is kept out of this entry so that callers do not bundle compromise).
 */
export { splitSentences, words, countWords, type Span } from './split';
export { SWEDISH_ABBREVIATIONS, ABBREVIATION_SET } from './abbreviations';
