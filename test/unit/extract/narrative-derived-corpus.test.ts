/**
 * Two consecutive years of one unit: the later year's derived prior-year figures (and a 决算's
 * 年初预算数) are checked against the other disclosures in the folder; a deliberately inconsistent
 * pair is recorded failed. Fixture figures: test/fixtures/narrative-years/README.md.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyContractRows, type ContractRows } from '../../../src/lib/extract/contract-rows';
import { TABLE_NAMES } from '../../../src/lib/storage/schema';
import { extractFolder, type FolderResult } from '../../../scripts/lib/extract-folder';

const DIR = join(import.meta.dirname, '../../fixtures/narrative-years/raw');

describe('derived figures against the other years of the corpus', () => {
	const all: ContractRows = emptyContractRows();
	let result: FolderResult;
	beforeAll(async () => {
		result = await extractFolder(DIR, (rows) => {
			for (const name of TABLE_NAMES) (all[name] as unknown[]).push(...rows[name]);
		});
	}, 60_000);

	const docOf = (file: string) => all.documents.find((d) => d.source_file === file)?.doc_id;
	const checksOf = (file: string) => all.checks.filter((c) => c.doc_id === docOf(file) && c.rule?.startsWith('narrative_derived.figure:'));

	it('checks the 2024 预算 prose against the 2023 预算 tables, all passed', () => {
		const checks = checksOf('dadukou-zhengwuban-2024-budget.txt');
		const byRule = Object.fromEntries(checks.map((c) => [c.rule, c]));
		// "项目支出100.00万元，比2023年减少50.00万元" → 150.00; the 2023 预算's table prints 150.00
		expect(byRule['narrative_derived.figure:project.prior_year']).toMatchObject({ expected: 150, actual: 150, ok: true, source_line: 15 });
		expect(byRule['narrative_derived.figure:basic.prior_year']).toMatchObject({ expected: 404, actual: 404, ok: true });
		expect(byRule['narrative_derived.figure:expenditure_total.prior_year']).toMatchObject({ expected: 554, ok: true });
		expect(byRule['narrative_derived.figure:general_budget_expenditure.prior_year']).toMatchObject({ expected: 554, ok: true });
		expect(byRule['narrative_derived.figure:function.201.prior_year']).toMatchObject({ expected: 470.5, ok: true });
		expect(byRule['narrative_derived.figure:three_public.total.prior_year']).toMatchObject({ expected: 5.5, ok: true });
		expect(byRule['narrative_derived.figure:three_public.vehicle_operation.prior_year']).toMatchObject({ expected: 4, actual: 4, ok: true });
		// 与上年持平
		expect(byRule['narrative_derived.figure:three_public.reception.prior_year']).toMatchObject({ expected: 1.5, actual: 1.5, ok: true });
		expect(checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('checks a 决算\'s 年初预算数 against the same year\'s 预算', () => {
		const checks = checksOf('dadukou-zhengwuban-2023-final.txt');
		// "“三公”经费支出共计 4.80万元，较年初预算数减少 0.70万元" → 5.50, as the 2023 预算 prints
		expect(checks.find((c) => c.rule === 'narrative_derived.figure:three_public.total.initial_budget')).toMatchObject({ expected: 5.5, actual: 5.5, ok: true });
		expect(checks.find((c) => c.rule === 'narrative_derived.figure:three_public.reception.initial_budget')).toMatchObject({ expected: 1.5, ok: true });
		expect(checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('records the inconsistent pair failed, with a warning naming both files', () => {
		const failed = checksOf('dadukou-zhengfuban-2024-budget.txt').filter((c) => !c.ok);
		// "项目支出100.00万元，比2023年减少60.00万元" → 160.00, but the 2023 预算 prints 150.00
		expect(failed).toMatchObject([{ rule: 'narrative_derived.figure:project.prior_year', expected: 150, actual: 160, source_line: 15, source_file: 'dadukou-zhengfuban-2024-budget.txt' }]);
		expect(failed[0].detail).toContain('dadukou-zhengfuban-2023-budget.txt');
		expect(all.diagnostics.some((d) => d.doc_id === docOf('dadukou-zhengfuban-2024-budget.txt') && d.message?.includes('narrative_derived.figure:project'))).toBe(true);
		expect(result.checks.failed).toBe(all.checks.filter((c) => !c.ok).length);
	});

	it('never checks one unit against another, nor the earliest year (nothing before it)', () => {
		expect(checksOf('dadukou-zhengwuban-2023-budget.txt')).toEqual([]);
		// both 2024 预算 have the same sentences for the 三公 total: each is checked once, against its own unit
		const total = all.checks.filter((c) => c.rule === 'narrative_derived.figure:three_public.total.prior_year');
		expect(total.map((c) => c.doc_id).sort()).toEqual([docOf('dadukou-zhengfuban-2024-budget.txt'), docOf('dadukou-zhengwuban-2024-budget.txt')].sort());
	});
});
