export { checkDraft, FindingSchema, RULES_BY_ID } from '../../../lib/checks';
export { countWords } from '../../../lib/sentences';
