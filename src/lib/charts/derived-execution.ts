/**
 * The 决算's own 年初预算数 vs 决算数 (read from its prose) as table lines and CSV, for /execution and
 * /three-public where the 预算 disclosure of that unit and year is missing. Every line says where
 * its figures come from; the reason is disclosure text, shown as text.
 */
import type { DerivedExecutionRow } from '$lib/queries/narrative';
import { toCsv, type CsvColumn } from '$lib/format/csv';
import { derivedLabel, measureLabel, unitLabel } from '$lib/format/labels';
import { formatPercent, formatWan } from '$lib/format/number';
import { UNIT_MEASURE_COLUMNS } from './execution';

/** One line as displayed. */
export interface DerivedExecutionLine {
	unit: string;
	year: number;
	measure: string;
	budget: string;
	final: string;
	rate: string;
	reason: string;
	source: string;
}

const rateOf = (r: DerivedExecutionRow): number | null => (r.budget === 0 ? null : r.final / r.budget);

export function derivedExecutionLines(rows: readonly DerivedExecutionRow[]): DerivedExecutionLine[] {
	return rows.map((r) => ({
		unit: unitLabel(r.district, r.unit),
		year: r.year,
		measure: measureLabel(r.measure),
		budget: formatWan(r.budget),
		final: formatWan(r.final),
		rate: formatPercent(rateOf(r)),
		reason: r.reason ?? '—',
		source: `${derivedLabel(r.year, 'final')}（${r.source_page === null ? '' : `第 ${r.source_page} 页`}第 ${r.source_line ?? '—'} 行）`
	}));
}

const COLUMNS: CsvColumn[] = [
	...UNIT_MEASURE_COLUMNS,
	{ key: 'budget', header: '年初预算数（据决算文字推算，万元）' },
	{ key: 'final', header: '决算数（万元）' },
	{ key: 'rate', header: '执行率（%）' },
	{ key: 'reason', header: '原因说明' },
	{ key: 'source_line', header: '源文件行号' }
];

export function derivedExecutionCsv(rows: readonly DerivedExecutionRow[]): string {
	return toCsv(
		COLUMNS,
		rows.map((r) => {
			const rate = rateOf(r);
			return {
				district: r.district, unit: r.unit, year: r.year, measure: measureLabel(r.measure), budget: r.budget, final: r.final,
				rate: rate === null ? null : Math.round(rate * 10000) / 100, reason: r.reason, source_line: r.source_line
			};
		})
	);
}
