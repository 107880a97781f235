/**
 * Metadata beyond Chongqing's seeds: units of any province (district / city / province level),
 * full-width digits in the title, web-page markup around the unit's name, and a tables-only file
 * whose tables carry the unit (`部门：…  单位：万元`) and the year (`2019年预算数`). Expected values
 * are read from the lines given here and from test/fixtures/corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/lib/extract/document';
import { splitLines } from '../../../src/lib/extract/layout';
import { departmentKind, readMetadata } from '../../../src/lib/extract/metadata';
import { RAW_DIR } from './seed-helpers';

const CORPUS = join(import.meta.dirname, '../../fixtures/corpus');
const meta = (...lines: string[]) => readMetadata(splitLines(lines.join('\n')));
const utf8 = (s: string) => new TextEncoder().encode(s);
const seedText = (prefix: string) => readFileSync(join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith(prefix)) as string), 'utf8');

describe('the district is the 区/县/县级市 in the unit name, for any province', () => {
	const cases: [string, string | null, 'district' | 'city' | 'province', string][] = [
		['江苏省南京市玄武区教育局', '玄武区', 'district', '教育局'],
		['南京市玄武区教育局', '玄武区', 'district', '教育局'],
		['江苏省苏州市昆山市财政局', '昆山市', 'district', '财政局'],
		['江苏省徐州市沛县财政局', '沛县', 'district', '财政局'],
		['中共南京市玄武区委办公室', '玄武区', 'district', '区委办公室'],
		['苏州市财政局', null, 'city', '财政局'],
		['南京市城市管理局', null, 'city', '城市管理局'],
		['中共江苏省委办公厅', null, 'province', '省委办公厅'],
		['江苏省人大常委会办公厅', null, 'province', '人大常委会办公厅'],
		['重庆市财政局', null, 'province', '财政局'],
		['重庆市忠县审计局', '忠县', 'district', '审计局'],
		['重庆市石柱土家族自治县财政局', '石柱土家族自治县', 'district', '财政局'],
		['重庆市九龙坡区人民政府办公室（本级）', '九龙坡区', 'district', '人民政府办公室']
	];
	for (const [unit, district, level, kind] of cases) {
		it(unit, () => {
			const m = meta(unit, '2023年部门预算公开说明', '一、部门基本情况');
			expect(m).toMatchObject({ department: unit, district, level, year: 2023, kind: 'budget' });
			expect(departmentKind(m.department, m.district)).toBe(kind);
		});
	}
	it('a unit named before its title on one line', () => {
		expect(meta('江苏省南京市玄武区教育局2023年部门预算公开说明', '一、部门基本情况')).toMatchObject({
			department: '江苏省南京市玄武区教育局',
			district: '玄武区',
			level: 'district',
			year: 2023
		});
	});
	it('documents.level is filled from the unit', () => {
		const text = seedText('004').replace(/重庆市綦江区政务服务管理办公室/g, '苏州市政务服务管理办公室');
		expect(extractDocument('s.txt', utf8(text), 'x').document).toMatchObject({ district: null, level: 'city', department_kind: '政务服务管理办公室' });
	});
});

describe('title forms', () => {
	it('full-width digits in the year keep a 决算 a 决算', () => {
		const m = meta('重庆市某某区审计局', '２０２１年度部门决算情况说明', '表头：2021年预算数 2021年决算数 年初预算数 预算数');
		expect(m).toMatchObject({ year: 2021, kind: 'final' });
		const text = seedText('000').replace('2021年度部门决算情况说明', '２０２１年度部门决算情况说明');
		expect(extractDocument('f.txt', utf8(text), 'x').document).toMatchObject({ year: 2021, kind: 'final' });
	});
	it('the unit name never carries markup', () => {
		expect(meta('<p>重庆市九龙坡区政务服务管理办公室</p>', '<p>2021年度部门决算情况说明</p>').department).toBe('重庆市九龙坡区政务服务管理办公室');
		expect(meta('重庆市九龙坡区政务服务管理办公室</p>', '2021年度部门决算情况说明</p>')).toMatchObject({
			department: '重庆市九龙坡区政务服务管理办公室',
			title: '重庆市九龙坡区政务服务管理办公室2021年度部门决算情况说明'
		});
	});
});

describe('a tables-only file (no narrative, no title line)', () => {
	const file = 'xuanwu-quweiban-2019-budget-tables.txt';
	const d = extractDocument(file, new Uint8Array(readFileSync(join(CORPUS, file))), 'x');
	it('is accepted, with its metadata from the tables', () => {
		expect(d.document).toMatchObject({
			department: '中共南京市玄武区委办公室',
			district: '玄武区',
			level: 'district',
			year: 2019,
			kind: 'budget',
			department_kind: '区委办公室'
		});
		expect(d.diagnostics.filter((x) => x.stage === 'metadata')).toEqual([]);
	});
	it('reads its tables (figures as printed in the fixture)', () => {
		expect(d.functionRows.find((r) => r.code === '201')).toMatchObject({ total: 820.4, basic: 520.4, project: 300 });
		expect(d.economicRows.find((r) => r.code === '302')).toMatchObject({ total: 76, public: 76 });
		expect(d.threePublic.find((r) => r.item === 'reception')).toMatchObject({ budget: 4 });
	});
	it('the year and kind also come from a table header alone', () => {
		const m = meta('一般公共预算财政拨款支出表', '部门：中共某某委员会办公厅  单位：万元', '功能分类科目\t\t2019年预算数', '科目编码\t科目名称\t总计\t基本支出\t项目支出');
		expect(m).toMatchObject({ department: '中共某某委员会办公厅', year: 2019, kind: 'budget', district: null, level: null });
	});
});

describe('a tables-only file whose unit stands only in its table titles', () => {
	it('is named by the title, with or without a space between the unit and the table', () => {
		const tables = (title: string) => meta(title, '单位：万元', '项目\t2023年预算数', '一、一般公共预算拨款收入\t120.00');
		expect(tables('重庆市北碚区政务服务管理办公室财政拨款收支总表')).toMatchObject({ department: '重庆市北碚区政务服务管理办公室', district: '北碚区' });
		expect(tables('重庆市北碚区政务服务管理办公室 2023年财政拨款收支总表')).toMatchObject({ department: '重庆市北碚区政务服务管理办公室', district: '北碚区' });
	});
});

describe('tables read from a PDF (the unit line runs into 单位：, the year stands in one table title)', () => {
	it('the unit ends where 单位： begins; the year comes from 2019年政府采购预算表', () => {
		const m = meta('收支预算总表', '部门：中共某某委员会办公厅单位：万元', '项目名称\t金额', '2019年政府采购预算表', '部门：中共某某委员会办公厅单位：万元');
		expect(m).toMatchObject({ department: '中共某某委员会办公厅', year: 2019, kind: 'budget' });
	});
});
