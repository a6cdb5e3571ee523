// Public surface of the contract: the only module the renderer may import.
export * from './commands.js';
export * from './errors.js';
export * from './wire.js';
export * from './trace.js';
export * from './session.js';
export * from './intervention-schema.js';
export * from './app.js';
export * from './settings.js';
export * from './relative-seq.js';
export * from './state-gloss.js';
export * from './host-downs.js';
export * from './drop-text.js';
export * from './ladder-columns.js';
