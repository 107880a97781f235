/**
 * The other 财政拨款 funds: 政府性基金 and 国有资本经营. The contract's function_expenditure is the
 * general public budget only, but the 收支总表, the 部门支出总表 and the prose's 支出预算 cover every
 * fund; to reconcile them, what the other funds spend under the same code is added to the general
 * budget's figure (财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营).
 */
import { round2 } from './amount';
import { TOTAL_CODE, type CodedTable, type ColumnRole } from './coded-table';

export type FundScheme = 'government_fund' | 'state_capital';

export interface OtherFund {
	scheme: FundScheme;
	table: CodedTable;
	label: string;
}

export const FUND_NAME: Record<FundScheme, string> = { government_fund: '政府性基金预算', state_capital: '国有资本经营预算' };

/**
 * What the other funds spend under `code` in a column: 0 where a fund does not print the code, null
 * where a fund prints it without that column or left the value undecided.
 */
export function fundsValue(funds: readonly OtherFund[], code: string, role: ColumnRole): number | null {
	let sum = 0;
	for (const { table } of funds) {
		const row = code === TOTAL_CODE ? table.total : table.rows.find((r) => r.code === code);
		if (!row) continue;
		const value = row.values[table.columns.indexOf(role)];
		if (value === null || value === undefined) return null;
		sum += value;
	}
	return round2(sum);
}

/** The general budget's figure plus the other funds' under the same code (null when either is unknown). */
export function withFunds(general: number | null, funds: readonly OtherFund[], code: string, role: ColumnRole): number | null {
	if (funds.length === 0 || general === null) return general;
	const others = fundsValue(funds, code, role);
	return others === null ? null : round2(general + others);
}

/** Words appended to a check's detail when other funds took part in it. */
export function fundsNote(funds: readonly OtherFund[]): string {
	return funds.length === 0 ? '' : `（一般公共预算 + ${funds.map((f) => FUND_NAME[f.scheme]).join(' + ')}）`;
}
