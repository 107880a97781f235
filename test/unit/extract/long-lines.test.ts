/**
 * A page saved as text can hold a whole section on one line, and a folder can hold a file that is
 * no disclosure at all (a JSON export, a minified page). Such a line is read once, not once per
 * character: read that way, a line of 80,000 characters cost 5–12 s, and the lines below would
 * run for minutes, past this suite's time limit. What is asserted is what is read from them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/lib/extract/document';
import { ExtractError } from '../../../src/lib/extract/errors';
import { RAW_DIR } from './seed-helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
const SEED_FILE = readdirSync(RAW_DIR).sort()[0] as string;
const SEED = readFileSync(join(RAW_DIR, SEED_FILE), 'utf8');
const seedAlone = extractDocument(SEED_FILE, utf8(SEED), 'x');
const withLine = (line: string) => extractDocument(SEED_FILE, utf8(`${SEED}\n${line}\n`), 'x');

describe('a line of any length is read in one pass', () => {
	it('a JSON export of 250,000 characters on one line is refused as no disclosure, naming the file', () => {
		const line = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ code: String(2050101 + i), name: '教育管理事务', total: 6819.31 })));
		expect(line.length).toBeGreaterThan(250_000);
		let error: unknown = null;
		try {
			extractDocument('export.jsonl', utf8(line), 'x');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ExtractError);
		expect((error as Error).message).toMatch(/^extract: export\.jsonl: .*not a disclosure/);
	});

	it('a disclosure with a 300,000-character line of digits keeps its tables as they are without it', () => {
		const d = withLine('2050101 '.repeat(37_500));
		expect(d.functionRows).toEqual(seedAlone.functionRows);
		expect(d.economicRows).toEqual(seedAlone.economicRows);
		expect(d.threePublic).toEqual(seedAlone.threePublic);
	});

	it('a disclosure whose changes and reasons stand on one line of 200,000 characters keeps every reason as printed', () => {
		const sentence = '一般公共预算财政拨款支出123.45万元，比上年增加12.3万元，增长11.1%，主要原因是“放管服”改革。';
		const times = Math.ceil(200_000 / sentence.length);
		const d = withLine(sentence.repeat(times));
		const before = (seedAlone.narrativeFigures ?? []).length;
		const added = (d.narrativeFigures ?? []).slice(before);
		expect(added).toHaveLength(times);
		expect(new Set(added.map((f) => f.reason))).toEqual(new Set(['主要原因是“放管服”改革']));
		expect(added[0]).toMatchObject({ measure: 'general_budget_expenditure', current_value: 123.45, stated_change: 12.3, value: 111.15 });
	});
});
