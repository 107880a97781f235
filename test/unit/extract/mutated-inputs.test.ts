/**
 * Damaged copies of real-shaped disclosures — what copying from a web page or a spreadsheet does to
 * a text: a few lines' tabs added, dropped or turned into spaces, lines joined, dropped, repeated or
 * shuffled, the file cut short, stray cells. Whatever the damage, the extractor gives a document
 * (with its problems reported) or refuses the file with an ExtractError naming it — never another
 * error, which a folder run reports without the file's place. The texts are the seeds and a small
 * generated corpus (every text layout); the damage is drawn from a seeded PRNG, so a failure
 * names a damage that can be replayed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { districtDocuments } from '../../../scripts/lib/generate/corpus';
import { createRng, type Rng } from '../../../scripts/lib/generate/prng';
import { ExtractError } from '../../../src/lib/extract/errors';
import { extractFile } from '../../../src/lib/extract/read-file';
import { RAW_DIR } from './seed-helpers';

interface Source {
	file: string;
	text: string;
}

const seeds: Source[] = readdirSync(RAW_DIR)
	.sort()
	.map((file) => ({ file, text: readFileSync(join(RAW_DIR, file), 'utf8') }));
const generated: Source[] = [...districtDocuments({ districts: 1, departments: 4, years: 2, lastYear: 2024, seed: 7, shares: { pdf: 0, html: 0.1, fault: 0.1, narrative: 0.1 } }, 0)].map((d) => ({ file: d.file, text: d.content }));
const SOURCES = [...seeds, ...generated];

type Damage = (lines: string[], rng: Rng) => string[];

const someLines = (p: number, edit: (line: string, rng: Rng) => string): Damage => (lines, rng) => lines.map((l) => (rng.chance(p) ? edit(l, rng) : l));
const atRandom = (lines: string[], rng: Rng) => rng.int(0, Math.max(0, lines.length - 1));
const STRAY_CELLS = ['合计', '201', '20101', '2010101', '123.45', '-', '', '单位：元', '项目支出', '科目编码', '“三公”经费', '0.00'];

const DAMAGES: Record<string, Damage> = {
	tabsDoubled: someLines(0.1, (l) => l.replace(/\t/g, '\t\t')),
	tabDropped: someLines(0.1, (l) => l.replace('\t', '')),
	tabsToSpaces: someLines(0.3, (l) => l.replace(/\t/g, '  ')),
	spacesToTabs: someLines(0.3, (l) => l.replace(/ {2,}/g, '\t')),
	digitDropped: someLines(0.05, (l) => l.replace(/\d/, '')),
	dashesForZeros: someLines(0.1, (l) => l.replace(/0\.00/g, '-')),
	linesJoined: (lines, rng) => {
		const at = atRandom(lines, rng);
		const n = rng.int(2, 30);
		return [...lines.slice(0, at), lines.slice(at, at + n).join(''), ...lines.slice(at + n)];
	},
	linesDropped: (lines, rng) => {
		const at = atRandom(lines, rng);
		return [...lines.slice(0, at), ...lines.slice(at + rng.int(1, 40))];
	},
	linesRepeated: (lines, rng) => {
		const at = atRandom(lines, rng);
		const n = rng.int(1, 80);
		return [...lines.slice(0, at + n), ...lines.slice(at, at + n), ...lines.slice(at + n)];
	},
	linesShuffled: (lines, rng) => {
		const at = atRandom(lines, rng);
		const n = rng.int(2, 30);
		return [...lines.slice(0, at), ...rng.shuffle(lines.slice(at, at + n)), ...lines.slice(at + n)];
	},
	cutShort: (lines, rng) => lines.slice(0, atRandom(lines, rng)),
	strayLine: (lines, rng) => {
		const at = atRandom(lines, rng);
		const cells = Array.from({ length: rng.int(1, 12) }, () => rng.pick(STRAY_CELLS));
		return [...lines.slice(0, at), cells.join(rng.pick(['\t', ' ', '  '])), ...lines.slice(at)];
	}
};

const ROUNDS = 300;

describe('damaged disclosures', () => {
	it(`${ROUNDS} damaged texts: each a document or an ExtractError naming its file`, async () => {
		const rng = createRng(2026);
		const names = Object.keys(DAMAGES);
		const wrong: string[] = [];
		let documents = 0;
		for (let round = 0; round < ROUNDS; round++) {
			const source = rng.pick(SOURCES);
			const damage = [rng.pick(names), rng.pick(names)];
			const text = damage.reduce((lines, name) => DAMAGES[name](lines, rng), source.text.split('\n')).join('\n');
			try {
				await extractFile(source.file, new TextEncoder().encode(text), 'x');
				documents++;
			} catch (error) {
				const named = error instanceof ExtractError && error.message.startsWith(`extract: ${source.file}`);
				if (!named) wrong.push(`round ${round}, ${source.file}, ${damage.join(' + ')}: ${error instanceof Error ? error.message : String(error)}`);
			}
		}
		expect(wrong).toEqual([]);
		// Most damage leaves a disclosure readable: the test is not passing on refusals alone.
		expect(documents).toBeGreaterThan(ROUNDS / 2);
	});
});
