/**
 * The 情况说明 of a disclosure: paragraphs that repeat the key figures (总收入/总支出, 基本/项目,
 * 人员/公用经费, each 类, 三公 items, 机关运行经费, 政府采购) and their changes against the year
 * before (较上年增加/减少 …万元, 增长/下降 …%, 主要原因是…), in the sentence patterns real
 * Chongqing disclosures use. Every amount is printed as the tables print it (each rounded on its own).
 */
import { fenToWan, formatAmount } from './money';
import type { Figures } from './model';
import type { Rng } from './prng';

export interface NarrativeInput {
	unit: string;
	year: number;
	kind: 'budget' | 'final';
	figures: Figures;
	prior: Figures;
	rng: Rng;
	grouping: boolean;
}

const REASONS_UP = ['新增专项工作经费', '人员增加及工资标准调整', '项目支出增加', '年中追加项目经费', '新增信息化建设项目'];
const REASONS_DOWN = ['一次性项目减少', '厉行节约压减一般性支出', '项目支出减少', '人员减少', '上年一次性项目完成'];

/** `1,234.56` (or `1234.56`), the printed 万元 of an amount in 分. */
function wanText(fen: number, grouping: boolean): string {
	return formatAmount(fenToWan(fen), grouping);
}

/** `增加12.30万元，增长4.5%，主要原因是…` against the prior figure (both as printed). */
function change(cur: number, prior: number, rng: Rng, grouping: boolean, withReason = true): string {
	const a = fenToWan(cur);
	const b = fenToWan(prior);
	const diff = Math.round((a - b) * 100) / 100;
	if (diff === 0) return '与上年持平';
	const pct = b === 0 ? '' : `，${diff > 0 ? '增长' : '下降'}${(Math.round((Math.abs(diff) / b) * 1000) / 10).toFixed(1)}%`;
	const reason = withReason ? `，主要原因是${rng.pick(diff > 0 ? REASONS_UP : REASONS_DOWN)}` : '';
	return `${diff > 0 ? '增加' : '减少'}${formatAmount(Math.abs(diff), grouping)}万元${pct}${reason}`;
}

function share(part: number, whole: number): string {
	return whole === 0 ? '0' : (Math.round((part / whole) * 1000) / 10).toFixed(1);
}

export function narrativeLines(n: NarrativeInput, withClasses = true): string[] {
	return n.kind === 'budget' ? budgetNarrative(n, withClasses) : finalNarrative(n, withClasses);
}

function budgetNarrative({ unit, year, figures: f, prior, rng, grouping }: NarrativeInput, withClasses: boolean): string[] {
	const w = (fen: number) => wanText(fen, grouping);
	const tp = f.threePublic;
	const tpTotal = tp.outbound + tp.vehiclePurchase + tp.vehicleOperation + tp.reception;
	const ptp = prior.threePublic;
	const priorTp = ptp.outbound + ptp.vehiclePurchase + ptp.vehicleOperation + ptp.reception;
	const cls = f.functions.filter((r) => r.level === 1);
	const proc = f.procurement;
	const lines = [
		unit,
		`${year}年部门预算情况说明`,
		'',
		'一、单位基本情况',
		'（一）职能职责',
		`${unit}负责本区域内相关行业的规划、管理和公共服务工作。`,
		'（二）单位构成',
		`本部门内设综合科等${rng.int(3, 9)}个科室，下属事业单位${rng.int(0, 4)}个。`,
		'',
		'二、部门收支总体情况',
		`（一）收入预算：${year}年年初预算数${w(f.total)}万元，其中：一般公共预算拨款${w(f.total)}万元，政府性基金预算拨款0万元，国有资本经营预算收入0万元，事业收入0万元，其他收入0万元。收入较${year - 1}年${change(f.total, prior.total, rng, grouping)}。`
	];
	if (withClasses) {
		lines.push(`（二）支出预算：${year}年年初预算数${w(f.total)}万元，其中：${cls.map((c) => `${c.name}${w(c.total)}万元`).join('，')}。`);
	}
	lines.push(
		'',
		'三、部门预算情况说明',
		`${year}年一般公共预算财政拨款支出${w(f.total)}万元，比${year - 1}年${change(f.total, prior.total, rng, grouping, false)}。其中：基本支出${w(f.basic)}万元，主要用于保障在职人员工资福利及机构正常运转；项目支出${w(f.project)}万元，主要用于保障部门履行职责和重点工作开展。`,
		`基本支出中，人员经费${w(f.personnel)}万元，公用经费${w(f.public)}万元。`,
		'',
		'四、“三公”经费情况说明',
		`${year}年“三公”经费预算${w(tpTotal)}万元，比${year - 1}年${change(tpTotal, priorTp, rng, grouping)}。其中：因公出国（境）费用${w(tp.outbound)}万元；公务接待费${w(tp.reception)}万元；公务用车运行维护费${w(tp.vehicleOperation)}万元；公务用车购置费${w(tp.vehiclePurchase)}万元。`,
		'',
		'五、其他重要事项的情况说明',
		`（一）机关运行经费。${year}年一般公共预算财政拨款运行经费${w(f.operatingCost)}万元，主要用于办公费、邮电费、差旅费、培训费等。`,
		`（二）政府采购情况。${year}年政府采购预算总额${w(proc.goods + proc.works + proc.services)}万元：政府采购货物预算${w(proc.goods)}万元、政府采购工程预算${w(proc.works)}万元、政府采购服务预算${w(proc.services)}万元。`,
		''
	);
	return lines;
}

function finalNarrative({ unit, year, figures: f, prior, rng, grouping }: NarrativeInput, withClasses: boolean): string[] {
	const w = (fen: number) => wanText(fen, grouping);
	const tp = f.threePublic;
	const plan = f.threePublicBudget ?? tp;
	const sum = (t: typeof tp) => t.outbound + t.vehiclePurchase + t.vehicleOperation + t.reception;
	const vsPlan = (cur: number, planned: number) => {
		const diff = Math.round((fenToWan(cur) - fenToWan(planned)) * 100) / 100;
		return `较年初预算数${diff > 0 ? '增加' : diff < 0 ? '减少' : '增加'}${formatAmount(Math.abs(diff), grouping)}万元`;
	};
	const cls = f.functions.filter((r) => r.level === 1);
	const proc = f.procurement;
	const lines = [
		unit,
		`${year}年度部门决算情况说明`,
		'',
		'一、部门基本情况',
		'（一）职能职责',
		`${unit}负责本区域内相关行业的规划、管理和公共服务工作。`,
		'（二）机构设置',
		`本部门内设办公室等${rng.int(3, 9)}个科室，下属事业单位${rng.int(0, 4)}个。`,
		'',
		'二、部门决算情况说明',
		'（一）收入支出决算总体情况说明',
		`${year}年度收入总计${w(f.total)}万元，支出总计${w(f.total)}万元。收支较上年决算数${change(f.total, prior.total, rng, grouping)}。`,
		'（二）支出决算情况说明',
		`${year}年度支出合计${w(f.total)}万元，其中：基本支出${w(f.basic)}万元，占${share(f.basic, f.total)}%；项目支出${w(f.project)}万元，占${share(f.project, f.total)}%。`
	];
	if (withClasses) {
		lines.push(
			'（三）一般公共预算财政拨款支出决算情况说明',
			`${year}年度一般公共预算财政拨款支出${w(f.total)}万元，主要用于以下几个方面：${cls.map((c) => `${c.name}${w(c.total)}万元，占${share(c.total, f.total)}%`).join('；')}。`
		);
	}
	lines.push(
		'（四）一般公共预算财政拨款基本支出决算情况说明',
		`${year}年度一般公共预算财政拨款基本支出${w(f.basic)}万元，其中：人员经费${w(f.personnel)}万元，主要包括基本工资、津贴补贴、奖金、绩效工资、社会保障缴费等；公用经费${w(f.public)}万元，主要包括办公费、印刷费、水电费、差旅费、维修（护）费等。`,
		'',
		'三、“三公”经费情况说明',
		`${year}年度“三公”经费支出共计${w(sum(tp))}万元，${vsPlan(sum(tp), sum(plan))}，主要原因是严格执行中央八项规定精神。其中：因公出国（境）费${w(tp.outbound)}万元，${vsPlan(tp.outbound, plan.outbound)}；公务用车购置费${w(tp.vehiclePurchase)}万元，${vsPlan(tp.vehiclePurchase, plan.vehiclePurchase)}；公务用车运行维护费${w(tp.vehicleOperation)}万元，${vsPlan(tp.vehicleOperation, plan.vehicleOperation)}，主要原因是车辆使用减少；公务接待费${w(tp.reception)}万元，${vsPlan(tp.reception, plan.reception)}，主要原因是减少接待批次。`,
		'',
		'四、其他需要说明的事项',
		'（一）机关运行经费情况说明',
		`${year}年度本部门机关运行经费支出${w(f.operatingCost)}万元，比上年决算数${change(f.operatingCost, prior.operatingCost, rng, grouping, false)}。`,
		'（二）政府采购支出情况说明',
		`${year}年度本部门政府采购支出总额${w(proc.goods + proc.works + proc.services)}万元，其中：政府采购货物支出${w(proc.goods)}万元、政府采购工程支出${w(proc.works)}万元、政府采购服务支出${w(proc.services)}万元。`,
		''
	);
	return lines;
}
