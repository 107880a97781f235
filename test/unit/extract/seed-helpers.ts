import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../../../src/lib/extract/document';
import type { ExtractedDocument } from '../../../src/lib/extract/types';

export const RAW_DIR = join(import.meta.dirname, '../../../data/raw');

/** Extracts the seed whose file name starts with `prefix` (000 … 004). */
export function extractSeed(prefix: string): ExtractedDocument {
	const file = readdirSync(RAW_DIR).find((f) => f.startsWith(prefix));
	if (!file) throw new Error(`no seed ${prefix}`);
	return extractDocument(file, new Uint8Array(readFileSync(join(RAW_DIR, file))), 'test');
}

export const fn = (d: ExtractedDocument, code: string) => d.functionRows.find((r) => r.code === code);
export const econ = (d: ExtractedDocument, code: string) => d.economicRows.find((r) => r.code === code);
export const tp = (d: ExtractedDocument, item: string) => d.threePublic.find((r) => r.item === item);
export const measure = (d: ExtractedDocument, m: string) => d.summary.find((r) => r.measure === m);
