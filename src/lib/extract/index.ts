/** The extraction library: pure TypeScript, usable in Node and in the browser. */
export { extractDocument, extractSource, type ExtractOptions } from './document';
export { extractFile, MAX_BYTES, readSource, readSourceParts, sizeProblem, sniffFormat, type FileOptions } from './read-file';
export { documentId } from './document-id';
export { ExtractError, formatDiagnostic, type Diagnostic } from './errors';
export { parseManifest, parseManifestBytes } from './manifest';
export { toContractRows, emptyContractRows, diagnosticRow, type ContractRows } from './contract-rows';
export type { ExtractedDocument } from './types';
