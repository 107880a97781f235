/**
 * Domain data: Chongqing's 38 districts and counties, and the kinds of department a district has,
 * each with the 功能分类 it mainly spends under (an education commission spends mostly 205).
 * A unit's full name is composed by grammar: 重庆市 + district + department kind.
 */
export const CHONGQING_DISTRICTS: readonly string[] = [
	'万州区', '黔江区', '涪陵区', '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区',
	'綦江区', '大足区', '渝北区', '巴南区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区',
	'铜梁区', '潼南区', '荣昌区', '开州区', '梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县',
	'云阳县', '奉节县', '巫山县', '巫溪县', '石柱土家族自治县', '秀山土家族苗族自治县', '酉阳土家族苗族自治县',
	'彭水苗族土家族自治县'
];

export interface DepartmentKind {
	name: string;
	/** 功能分类 款 codes the department's own work is booked under; the first is its main one. */
	kuan: string[];
	/** Typical size in 万元 (log-uniform draw around it). */
	scale: number;
	/** Short ASCII tag for file names. */
	tag: string;
}

const d = (tag: string, name: string, kuan: string[], scale: number): DepartmentKind => ({ tag, name, kuan, scale });

export const DEPARTMENT_KINDS: readonly DepartmentKind[] = [
	d('jw', '教育委员会', ['20501', '20502', '20503', '20508'], 20000),
	d('czj', '财政局', ['20106'], 2500),
	d('wjw', '卫生健康委员会', ['21001', '21004'], 6000),
	d('sthjj', '生态环境局', ['21101', '21103', '21104'], 2000),
	d('zjw', '住房和城乡建设委员会', ['21201', '21203', '22101'], 5000),
	d('nyncw', '农业农村委员会', ['21301', '21305'], 8000),
	d('jtj', '交通运输委员会', ['21401'], 9000),
	d('kjj', '科学技术局', ['20601', '20604', '20607'], 1500),
	d('wlw', '文化和旅游发展委员会', ['20701', '20702', '20703'], 2500),
	d('rsj', '人力资源和社会保障局', ['20801', '20807'], 3000),
	d('mzj', '民政局', ['20802', '20810'], 4000),
	d('tjj', '统计局', ['20105'], 600),
	d('sjj', '审计局', ['20108'], 700),
	d('dag', '档案馆', ['20126'], 300),
	d('sfj', '司法局', ['20406'], 1500),
	d('scjgj', '市场监督管理局', ['20138'], 3500),
	d('fgw', '发展和改革委员会', ['20104'], 1200),
	d('slj', '水利局', ['21303'], 4000),
	d('lyj', '林业局', ['21302'], 2000),
	d('ghzyj', '规划和自然资源局', ['22001'], 3000),
	d('yjj', '应急管理局', ['22401'], 1500),
	d('tyjrj', '退役军人事务局', ['20828'], 1200),
	d('cgj', '城市管理局', ['21201', '21205'], 6000),
	d('sww', '商务委员会', ['20113'], 1000),
	d('zfb', '人民政府办公室', ['20103'], 2000),
	d('zwb', '政务服务管理办公室', ['20103'], 1000),
	d('jgswj', '机关事务管理局', ['20103'], 1500),
	d('jxw', '经济和信息化委员会', ['21505'], 1500),
	d('gaj', '公安局', ['20402'], 30000),
	d('ybj', '医疗保障局', ['21015'], 800),
	d('tyj', '体育局', ['20703'], 800),
	d('xfb', '信访办公室', ['20103'], 500),
	d('cl', '残疾人联合会', ['20811'], 600),
	d('fl', '妇女联合会', ['20129'], 250),
	d('zgh', '总工会', ['20129'], 500),
	d('kx', '科学技术协会', ['20607'], 300),
	d('rdbgs', '人大常委会办公室', ['20101'], 900),
	d('zxbgs', '政协办公室', ['20102'], 700),
	d('jwjcj', '机关事务服务中心', ['20103'], 700),
	d('zsj', '招商投资促进局', ['20113'], 900),
	d('tsg', '图书馆', ['20701'], 400),
	d('jkzx', '疾病预防控制中心', ['21004'], 1500)
];

/** `重庆市` + district + department, the unit name as its disclosures print it. */
export function unitName(district: string, kind: DepartmentKind): string {
	return `重庆市${district}${kind.name}`;
}
