/**
 * Stage 7: who published the disclosure, for which year, and whether it is a 预算 or a 决算 —
 * from the title lines when there are some, otherwise from what the body repeats (table titles,
 * `2024年预算数` headers, `部门名称 201-…` and `部门：…  单位：万元` fields). The district and
 * level come from the grammar of the unit's name (unit-name.ts), for any province.
 */
import { rememberLast } from './remember-last';
import type { SourceLine } from './layout';
import type { DocumentKind } from '../storage/schema';
import { parseUnitName, unitKind, type UnitLevel } from './unit-name';

export interface DocumentMetadata {
	district: string | null;
	department: string | null;
	year: number | null;
	kind: DocumentKind | null;
	title: string | null;
	/** 'district' (区/县/县级市), 'city' or 'province'; absent where it follows from the district. */
	level?: UnitLevel | null;
}

/**
 * Chongqing's districts and counties, only for a text whose unit's name cannot be read: the one
 * the text names most is taken.
 */
const CHONGQING_DISTRICTS = [
	'万州区', '黔江区', '涪陵区', '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '綦江区', '大足区',
	'渝北区', '巴南区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区', '铜梁区', '潼南区', '荣昌区', '开州区',
	'梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县', '石柱土家族自治县',
	'秀山土家族苗族自治县', '酉阳土家族苗族自治县', '彭水苗族土家族自治县', '两江新区', '万盛经开区', '高新区'
];

const FULL_WIDTH_DIGIT = /[０-９]/;
export const TITLE = /(20\d\d)\s*年\s*(?:度)?[^，。；]{0,20}?(预算|决算)/;
export const SENTENCE = /[，。；：:]/;
/**
 * Fields naming the unit: `部门名称 201-重庆市…`, `编制单位：…`, `部门：…  单位：万元` — the unit
 * line of a PDF table may run into its 单位： with no space between.
 */
const DEPARTMENT_FIELD =
	/(?:(?:公开部门|部门名称|部门[（(]单位[）)]名称|单位名称|编制单位|编制部门)[：:\s]*|(?:^|\s)部\s*门[：:]\s*)(?:\d+-)?([^\s，。；、：:]+?)(?=单位[：:]|[\s，。；、：:]|$)/;
/** A unit's name ends in what the unit is (局, 委员会, 办公室 …). */
const UNIT_END = /(?:局|委员会|办公室|办公厅|厅|中心|院|馆|所|站|队|会|部|处|委|室|社|团|联|府|校|园|场|司|台|库)$/;
/** A table title is a short line: a longer one ending in 表 is prose, and a prefix search over it would cost its length squared. */
const TABLE_TITLE_MAX = 80;

/** Reads the metadata of a document from its lines (the same lines twice in a row: the same object, not to be changed; remember-last.ts). */
export const readMetadata: (lines: readonly SourceLine[]) => Readonly<DocumentMetadata> = rememberLast(scanMetadata);

function scanMetadata(lines: readonly SourceLine[]): DocumentMetadata {
	// Only the head is always read: the whole text is cleaned and joined only when the title or
	// the unit's name does not say enough (most documents never need it).
	let cleaned: SourceLine[] | null = null;
	const clean = () => (cleaned ??= lines.map(cleanSourceLine));
	const head = headLines(lines, 8);
	const titleLine = head.map((l, i) => titleAt(head, i)).find((l) => l !== null) ?? null;
	let joined: string | null = null;
	const text = () => (joined ??= clean().map((l) => l.text).join('\n'));
	const department = departmentOf(head, clean, titleLine ?? null);
	const place = department ? parseUnitName(department) : null;
	const district = place?.level ? place.district : votedDistrict(text());
	const level = place?.level ?? (district ? 'district' : null);
	const m = titleLine ? TITLE.exec(titleLine.text) : null;
	const year = m ? Number(m[1]) : votedYear(text());
	const kind = m ? toKind(m[2]) : votedKind(text());
	const titleText = titleLine?.text.trim().replace(/\s+/g, '') ?? null;
	const title = titleText && department && !titleText.includes(department) ? `${department}${titleText}` : titleText;
	return { district, department, year, kind, title, level };
}

/** A line that cleaning leaves alone is kept as it is (no copy per line). */
function cleanSourceLine(l: SourceLine): SourceLine {
	const text = cleanLine(l.text);
	return text === l.text ? l : { ...l, text };
}

/** The first `n` lines that are not blank once cleaned. */
function headLines(lines: readonly SourceLine[], n: number): SourceLine[] {
	const head: SourceLine[] = [];
	for (let i = 0; i < lines.length && head.length < n; i++) {
		const l = cleanSourceLine(lines[i]);
		if (l.text.trim() !== '') head.push(l);
	}
	return head;
}

/**
 * The title at head line i, joined with the next line where a cover breaks it after the year
 * (`某某厅2018年度部门` / `预算公开`).
 */
function titleAt(head: readonly SourceLine[], i: number): SourceLine | null {
	const isTitle = (t: string) => TITLE.test(t) && !SENTENCE.test(t) && t.length <= 40;
	const t = head[i].text.trim();
	if (isTitle(t)) return head[i];
	const next = head[i + 1]?.text.trim() ?? '';
	const joined = t + next;
	return /20\d\d\s*年/.test(t) && !/20\d\d/.test(next) && isTitle(joined) ? { ...head[i], text: joined } : null;
}

/**
 * Full-width digits as ASCII (２０２１年 is a year too), and no web-page markup: a page saved as
 * text keeps its tags (`…办公室</p>`), which must not become part of a name.
 */
function cleanLine(text: string): string {
	const digits = FULL_WIDTH_DIGIT.test(text) ? text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text;
	return digits.includes('<') || digits.includes('&') ? digits.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;/g, ' ') : digits;
}

function departmentOf(head: readonly SourceLine[], cleanLines: () => readonly SourceLine[], titleLine: SourceLine | null): string | null {
	const headLine = head.find((l) => {
		const t = l.text.trim();
		return !t.includes('\t') && !SENTENCE.test(t) && !TITLE.test(t) && !/表$/.test(t) && t.length <= 40 && isUnitName(t.replace(/\s+/g, ''));
	});
	if (headLine) return headLine.text.trim().replace(/\s+/g, '');
	// 江苏省南京市玄武区教育局2023年部门预算: the unit stands before the year on the title line.
	const before = titleLine?.text.trim().replace(/\s+/g, '').split(/20\d\d年/)[0] ?? '';
	if (isUnitName(before)) return before;
	const lines = cleanLines();
	for (const l of lines) {
		const m = DEPARTMENT_FIELD.exec(l.text);
		if (m && isUnitName(m[1].replace(/[（(]本级[）)]$/, ''))) return m[1].replace(/[（(]本级[）)]$/, '');
	}
	// Table titles such as 重庆市北碚区政务服务管理办公室财政拨款收支总表 name the department.
	for (const l of lines) {
		const t = l.text.trim();
		const unit = t.length <= TABLE_TITLE_MAX && t.endsWith('表') ? unitPrefix(t) : null;
		if (unit) return unit;
	}
	return null;
}

/**
 * A name that reads as a unit: it ends in what the unit is (局, 办公厅 …). Naming a place is not
 * enough — a cover's printer credit (`某省财政厅印制`) names one too.
 */
export function isUnitName(name: string): boolean {
	if (name.length < 3 || name.length > 40 || /\d/.test(name)) return false;
	return UNIT_END.test(name.replace(/[（(]本级[）)]$/, ''));
}

/** The unit at the start of a table title: its shortest prefix that names a place and ends as a unit. */
function unitPrefix(text: string): string | null {
	for (let end = 4; end <= text.length; end++) {
		const candidate = text.slice(0, end);
		if (parseUnitName(candidate).level !== null && /(?:局|委员会|办公室|办公厅|厅|中心|院|馆)$/.test(candidate)) return candidate;
	}
	return null;
}

/** `…2021年度部门决算情况说明`: a title that ends in the disclosure's name, after the unit or nothing. */
const DISCLOSURE_TITLE = /^(.*?)20\d\d年度?(?:区级|市级|县级|本级)?(?:部门|单位)?(?:预算|决算)(?:信息)?(?:公开)?(?:情况)?(?:说明|报告|公开表)?(?:[（(][^（）()]*[）)])?$/;

/**
 * Whether a title is a disclosure's own (部门预算/部门决算 …), not a headline that mentions one
 * (区财政局召开2024年部门预算编制工作会议).
 */
export function isDisclosureTitle(title: string | null): boolean {
	const m = title ? DISCLOSURE_TITLE.exec(title.replace(/\s+/g, '')) : null;
	return m !== null && (m[1] === '' || isUnitName(m[1]));
}

/** The department without 中共, its places and （本级）: what /compare groups by. */
export function departmentKind(department: string | null, district: string | null): string | null {
	if (!department) return null;
	if (parseUnitName(department).level !== null) return unitKind(department) || null;
	let kind = department;
	if (district && kind.startsWith(district)) kind = kind.slice(district.length);
	return kind.replace(/[（(]本级[）)]$/, '') || null;
}

function votedDistrict(text: string): string | null {
	return mostFrequent(CHONGQING_DISTRICTS.map((d) => [d, count(text, `重庆市${d}`) * 2 + count(text, d)] as const));
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

const YEAR_KIND = /(20\d\d)\s*年\s*(?:度)?\s*(?:部门|单位)?\s*(预算|决算)/g;
/** A year a few words before 预算/决算 (`2019年政府采购预算表`): read only when nothing closer says it. */
const YEAR_NEAR_KIND = /(20\d\d)\s*年\s*度?[^，。；：:\d\s]{0,10}?(?:预算|决算)/g;

function votedYear(text: string): number | null {
	const close = [...text.matchAll(YEAR_KIND)].map((m) => m[1]);
	const years = close.length ? close : [...text.matchAll(YEAR_NEAR_KIND)].map((m) => m[1]);
	return years.length ? Number(mostFrequent([...new Set(years)].map((y) => [y, years.filter((x) => x === y).length] as const))) : null;
}

function votedKind(text: string): DocumentKind | null {
	const stated = [...text.matchAll(YEAR_KIND)].map((m) => m[2]);
	const budget = count(text, '预算表') + count(text, '预算数') + stated.filter((k) => k === '预算').length;
	const final = count(text, '决算表') + count(text, '决算数') + stated.filter((k) => k === '决算').length;
	if (budget === 0 && final === 0) return null;
	return final > budget ? 'final' : 'budget';
}

function toKind(word: string): DocumentKind {
	return word === '决算' ? 'final' : 'budget';
}
