/** The engine's public surface. DOM-free: runs in the browser and in Node. */
export * from './analysis';
