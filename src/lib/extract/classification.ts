/**
 * The national 政府收支分类科目 (支出功能分类) at 类 level: used to give a code to a 类 named in
 * prose or in a 收支总表 row, where no code is printed. Older and variant names map to the same
 * code (e.g. 社会保障与就业支出, 资源勘探信息等支出).
 */

const FUNCTION_CLASSES: Record<string, string> = {
	一般公共服务支出: '201',
	外交支出: '202',
	国防支出: '203',
	公共安全支出: '204',
	教育支出: '205',
	科学技术支出: '206',
	文化旅游体育与传媒支出: '207',
	文化体育与传媒支出: '207',
	社会保障和就业支出: '208',
	社会保障与就业支出: '208',
	社会保险基金支出: '209',
	卫生健康支出: '210',
	医疗卫生与计划生育支出: '210',
	节能环保支出: '211',
	城乡社区支出: '212',
	农林水支出: '213',
	交通运输支出: '214',
	资源勘探工业信息等支出: '215',
	资源勘探信息等支出: '215',
	商业服务业等支出: '216',
	金融支出: '217',
	援助其他地区支出: '219',
	自然资源海洋气象等支出: '220',
	国土海洋气象等支出: '220',
	住房保障支出: '221',
	粮油物资储备支出: '222',
	国有资本经营预算支出: '223',
	灾害防治及应急管理支出: '224',
	预备费: '227',
	其他支出: '229',
	转移性支出: '230',
	债务还本支出: '231',
	债务付息支出: '232',
	债务发行费用支出: '233',
	抗疫特别国债安排的支出: '234'
};

/** Normalises a printed 类 name: drops enumerators (一、 （1）) and spaces, 与 → 和 where used interchangeably. */
export function normaliseClassName(name: string): string {
	return name
		.replace(/\s+/g, '')
		.replace(/^(?:[一二三四五六七八九十]+、|[（(]\d+[）)]|\d+[.．、])/, '')
		.replace('社会保障与就业', '社会保障和就业');
}

/** The 类 code of a printed name, or null when it is not a 类 of the functional classification. */
export function functionClassCode(name: string): string | null {
	return FUNCTION_CLASSES[normaliseClassName(name)] ?? null;
}

/** All 类 names, longest first, for finding them in prose. */
export const FUNCTION_CLASS_NAMES = Object.keys(FUNCTION_CLASSES).sort((a, b) => b.length - a.length);
