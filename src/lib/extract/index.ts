/** The extraction library: pure TypeScript, usable in Node and in the browser. */
export { extractDocument, type ExtractOptions } from './document';
export { documentId } from './document-id';
export { ExtractError, formatDiagnostic, type Diagnostic } from './errors';
export { parseManifest } from './manifest';
export { toContractRows, emptyContractRows, diagnosticRow, type ContractRows } from './contract-rows';
export type { ExtractedDocument } from './types';
