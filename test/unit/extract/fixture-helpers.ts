/**
 * Hand-composed disclosures in test/fixtures/disclosures: the standard templates for other
 * districts, departments and years, with figures composed so that the arithmetic holds (except
 * where a fixture prints a mistake on purpose). Tests read their expected values from the fixture
 * text, never from the extractor's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../../../src/lib/extract/document';
import type { ExtractedDocument } from '../../../src/lib/extract/types';

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/disclosures');

export function extractFixture(file: string): ExtractedDocument {
	return extractDocument(file, new Uint8Array(readFileSync(join(FIXTURE_DIR, file))), 'fixture');
}

export const check = (d: ExtractedDocument, rule: string) => d.checks.find((c) => c.rule === rule);
export const failedRules = (d: ExtractedDocument) => d.checks.filter((c) => !c.ok).map((c) => c.rule).sort();
export const warnings = (d: ExtractedDocument) => d.diagnostics.filter((x) => x.severity !== 'info');

export { econ, fn, measure, tp } from './seed-helpers';
