/** Formatting for display and export: amounts, percentages, labels, CSV. */
export * from './number';
export * from './labels';
export * from './csv';
export * from './ids';
