/**
 * Stage 6: figures stated in prose. The narrative (情况说明) repeats the key figures — totals,
 * 基本支出/项目支出, 人员经费/公用经费, each 类 of spending, each 三公 item, 机关运行经费 and
 * 政府采购 — in sentences that PDF export breaks across lines. The lines are joined first
 * (narrative-join.ts); every figure is then read by one sentence grammar — label, measure words,
 * amount, unit (narrative-grammar.ts) — and keeps the line where its number starts.
 */
import type { SourceLine } from './layout';
import { FUNCTION_CLASS_NAMES, functionClassCode } from './classification';
import type { SummaryMeasure, ThreePublicItem } from '../storage/schema';
import { AMOUNT, NOT_A_CHANGE, execGuarded, hitOf, unguarded } from './narrative-grammar';
import { joinNarrative, type JoinedText } from './narrative-join';
import { readCurrentExpenditure, readReserve, readSummary } from './narrative-summary';
import { readThreePublic, type ThreePublicFigure } from './narrative-three-public';

export { joinNarrative, type JoinedText } from './narrative-join';

/** A figure of the prose in 万元 and the source line where its number starts. */
export interface NarrativeFigure {
	value: number;
	line: number;
}

/** Everything the prose states that the extractor uses. */
export interface NarrativeFigures {
	summary: Partial<Record<SummaryMeasure, NarrativeFigure>>;
	/** 三公 items: the stated amount, and for 决算 the 年初预算数 derived from the stated change. */
	threePublic: Partial<Record<ThreePublicItem, ThreePublicFigure>>;
	/** 类-level spending by code. */
	functionClasses: (NarrativeFigure & { code: string; name: string })[];
	/** 支出合计: the year's spending, without the 年末结转和结余 that a 决算's 支出总计 holds. */
	currentExpenditure: NarrativeFigure | null;
	/** 单位预留机动经费: with 基本 and 项目 支出 it makes the year's spending (provincial 预算). */
	reserve: NarrativeFigure | null;
}

/**
 * Reads the figures the narrative states; `isFinal` enables budget figures derived from changes.
 * `joined` is the lines already joined, when the caller has it (the derived figures read the same text).
 */
export function readNarrative(lines: readonly SourceLine[], isFinal: boolean, joined: JoinedText = joinNarrative(lines)): NarrativeFigures {
	return {
		summary: readSummary(joined),
		threePublic: readThreePublic(joined, isFinal),
		functionClasses: readFunctionClasses(joined),
		currentExpenditure: figureOnly(readCurrentExpenditure(joined)),
		reserve: figureOnly(readReserve(joined))
	};
}

const figureOnly = (hit: NarrativeFigure | null): NarrativeFigure | null => (hit ? { value: hit.value, line: hit.line } : null);

/** A 类 named with an amount; built once, searched as execGuarded does (see narrative-grammar.ts). */
const FUNCTION_CLASS = unguarded(
	new RegExp(`${NOT_A_CHANGE}(?<name>${FUNCTION_CLASS_NAMES.map((n) => n.replace(/[()（）]/g, '\\$&')).join('|')})(?:预算)?${AMOUNT}`, 'g')
);

/** Each 类 named with an amount (一般公共服务支出 404.16万元), once per code, as first stated. */
function readFunctionClasses(joined: JoinedText): NarrativeFigures['functionClasses'] {
	const out: NarrativeFigures['functionClasses'] = [];
	FUNCTION_CLASS.re.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = execGuarded(FUNCTION_CLASS, joined.text))) {
		const name = m.groups?.name ?? '';
		const code = functionClassCode(name);
		const hit = hitOf(joined, m, 0);
		if (!code || !hit || out.some((f) => f.code === code)) continue;
		out.push({ code, name, value: hit.value, line: hit.line });
	}
	return out;
}
