/**
 * Stage 7: who published the disclosure, for which year, and whether it is a 预算 or a 决算 —
 * from the title lines when there are some, otherwise from what the body repeats (table titles,
 * `2024年预算数` headers, `部门名称 201-重庆市…` fields).
 */
import type { SourceLine } from './layout';
import type { DocumentKind } from '../storage/schema';

export interface DocumentMetadata {
	district: string | null;
	department: string | null;
	year: number | null;
	kind: DocumentKind | null;
	title: string | null;
	/** 'district' (区/县/县级市), 'city' or 'province'; absent where it follows from the district. */
	level?: 'district' | 'city' | 'province' | null;
}

/** Chongqing's districts and counties (区/县), the disclosing level this tool covers. */
const CHONGQING_DISTRICTS = [
	'万州区', '黔江区', '涪陵区', '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '綦江区', '大足区',
	'渝北区', '巴南区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区', '铜梁区', '潼南区', '荣昌区', '开州区',
	'梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县', '石柱土家族自治县',
	'秀山土家族苗族自治县', '酉阳土家族苗族自治县', '彭水苗族土家族自治县', '两江新区', '万盛经开区', '高新区'
];

const TITLE = /(20\d\d)\s*年\s*(?:度)?[^，。；]{0,20}?(预算|决算)/;
const SENTENCE = /[，。；：:]/;
const DEPARTMENT_FIELD = /(?:公开部门|部门名称|部门[（(]单位[）)]名称|单位名称|编制单位)[：:\s]*(?:\d+-)?(重庆市[^\s，。；、]+)/;

/** Reads the metadata of a document from its lines. */
export function readMetadata(lines: readonly SourceLine[]): DocumentMetadata {
	const head = lines.filter((l) => l.text.trim() !== '').slice(0, 8);
	const titleLine = head.find((l) => TITLE.test(l.text) && !SENTENCE.test(l.text.trim()) && l.text.trim().length <= 40);
	const text = lines.map((l) => l.text).join('\n');
	const district = mostFrequent(CHONGQING_DISTRICTS.map((d) => [d, count(text, `重庆市${d}`) * 2 + count(text, d)] as const));
	const department = departmentOf(head, lines, district);
	const m = titleLine ? TITLE.exec(titleLine.text) : null;
	const year = m ? Number(m[1]) : votedYear(text);
	const kind = m ? toKind(m[2]) : votedKind(text);
	const titleText = titleLine?.text.trim().replace(/\s+/g, '') ?? null;
	const title = titleText && department && !titleText.includes(department) ? `${department}${titleText}` : titleText;
	return { district, department, year, kind, title };
}

function departmentOf(head: readonly SourceLine[], lines: readonly SourceLine[], district: string | null): string | null {
	const headLine = head.find((l) => {
		const t = l.text.trim();
		return t.startsWith('重庆市') && !SENTENCE.test(t) && !TITLE.test(t) && !/表$/.test(t) && t.length <= 40;
	});
	if (headLine) return headLine.text.trim().replace(/\s+/g, '');
	for (const l of lines) {
		const m = DEPARTMENT_FIELD.exec(l.text);
		if (m) return m[1].replace(/[（(]本级[）)]$/, '');
	}
	// Table titles such as 重庆市北碚区政务服务管理办公室财政拨款收支总表 name the department.
	for (const l of lines) {
		const m = /^(重庆市\S+?(?:办公室|委员会|局|中心|院|馆|所|站|队|会|部|处|厅))(?:\d{4}年)?\S*表$/.exec(l.text.trim());
		if (m && (!district || m[1].includes(district))) return m[1];
	}
	return null;
}

/** The department without 重庆市, its district and （本级）: what /compare groups by. */
export function departmentKind(department: string | null, district: string | null): string | null {
	if (!department) return null;
	let kind = department.replace(/^重庆市/, '');
	if (district && kind.startsWith(district)) kind = kind.slice(district.length);
	return kind.replace(/[（(]本级[）)]$/, '') || null;
}

function count(text: string, needle: string): number {
	let n = 0;
	for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
	return n;
}

function mostFrequent(scores: readonly (readonly [string, number])[]): string | null {
	const best = [...scores].sort((a, b) => b[1] - a[1])[0];
	return best && best[1] > 0 ? best[0] : null;
}

function votedYear(text: string): number | null {
	const years = [...text.matchAll(/(20\d\d)\s*年\s*(?:度)?\s*(?:部门|单位)?\s*(?:预算|决算)/g)].map((m) => m[1]);
	return years.length ? Number(mostFrequent([...new Set(years)].map((y) => [y, years.filter((x) => x === y).length] as const))) : null;
}

function votedKind(text: string): DocumentKind | null {
	const budget = count(text, '预算表') + count(text, '预算数');
	const final = count(text, '决算表') + count(text, '决算数');
	if (budget === 0 && final === 0) return null;
	return final > budget ? 'final' : 'budget';
}

function toKind(word: string): DocumentKind {
	return word === '决算' ? 'final' : 'budget';
}
