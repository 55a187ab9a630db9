export * from './schema';
export { analyze, todayIso } from './analyze';
