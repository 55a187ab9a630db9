/** The draft check (issue 8): named rules on top of `analyze()`. Pure, DOM- and Node-free. */
export { checkDraft, applyIgnores, countFindings, summaryLine, hasErrorFindings, type CheckOptions, type DraftReport, type Ignores } from './check';
export { RULES, RULES_BY_ID, ruleInfo, GROUP_LABELS, LONG_SENTENCE_WORDS, LIX_HIGH, LIX_MIN_WORDS, type RuleInfo, type RuleGroup } from './rules';
export { lix, lixLevel, LIX_SCALE, type Splitter } from './readability';
export { findIdNumbers, findPhones, findEmails, isAuthorityDomain, DEFAULT_AUTHORITY_DOMAINS } from './personal';
export { blankMarkdownHeadings, stripMarkdownHeadings, isMarkdownName } from './markdown';
export * from './schema';
