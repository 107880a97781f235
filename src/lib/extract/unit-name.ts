/**
 * The grammar of a Chinese public unit's name: an optional party prefix (中共), the place chain
 * province → city → district, then the unit itself — `江苏省南京市玄武区教育局`,
 * `中共浙江省委办公厅`, `重庆市石柱土家族自治县财政局`. The district is the 区/县/旗 (or a
 * county-level 市 under a city) in the name; the level is the lowest place named. No list of
 * places is needed, so units of any province are read the same way.
 */

/** The administrative level of a unit: 区/县/县级市, 市 (自治州, 地区, 盟), or 省 (直辖市, 自治区). */
export type UnitLevel = 'district' | 'city' | 'province';

export interface UnitPlace {
	/** The 区/县/县级市 the unit belongs to, or null for city and province units. */
	district: string | null;
	/** The lowest place in the name, or null when the name names no place. */
	level: UnitLevel | null;
	/** The unit without 中共 and its places, e.g. 教育局, 委办公厅. */
	rest: string;
	/** The suffix of the lowest place (省, 市, 区, 县 …), for 省委 / 区委. */
	suffix: string | null;
}

const HAN = '[\\u4e00-\\u9fff]';
const PARTY = /^(?:中共|中国共产党)/;
/** Municipalities directly under the central government: province level. */
const MUNICIPALITY = /^(?:北京市|天津市|上海市|重庆市)/;
const PROVINCE = new RegExp(`^(?:${HAN}{2,3}省|${HAN}{2,5}?自治区)`);
const CITY = new RegExp(`^${HAN}{2,8}?(?:市|自治州|地区|盟)`);
const DISTRICT = new RegExp(`^${HAN}{1,12}?(?:区|县|旗)`);
const COUNTY_CITY = new RegExp(`^${HAN}{2,4}?市`);
/** Words of a unit, never of a place: a candidate holding one is part of the unit's name. */
const UNIT_WORD = /局|厅|委员会|办公|中心|政府|管理|服务|人大|政协|法院|检察|公安|机关|学校|医院|大学|协会|党委|工委|市委|区委|县委/;
/** Areas that are not districts (社区, 园区, 景区 …). */
const NOT_DISTRICT = /(?:社|园|景|校|片|街|小|辖|库|营)区$/;

/** Splits a unit's name into its places and the unit. */
export function parseUnitName(name: string): UnitPlace {
	let rest = name.trim().replace(PARTY, '');
	let level: UnitLevel | null = null;
	let suffix: string | null = null;
	let district: string | null = null;
	const take = (re: RegExp, ok: (s: string) => boolean = placeLike): string | null => {
		const m = re.exec(rest);
		if (!m || !ok(m[0])) return null;
		rest = rest.slice(m[0].length);
		suffix = m[0].endsWith('自治区') ? '区' : m[0].slice(-1);
		return m[0];
	};
	const municipality = take(MUNICIPALITY);
	if (municipality || take(PROVINCE)) level = 'province';
	const city = municipality ? null : take(CITY);
	if (city) level = 'city';
	district = take(DISTRICT, (s) => placeLike(s) && !NOT_DISTRICT.test(s)) ?? (city ? take(COUNTY_CITY) : null);
	if (district) level = 'district';
	return { district, level, rest, suffix };
}

function placeLike(candidate: string): boolean {
	return !UNIT_WORD.test(candidate);
}

/**
 * The unit without 中共, its places and （本级）: what /compare groups by, so that 区委办公室 of two
 * districts, or 教育局 of two cities, are compared with each other.
 */
export function unitKind(name: string): string {
	const { rest, suffix } = parseUnitName(name);
	const kind = rest.replace(/[（(]本级[）)]$/, '');
	// 中共浙江省委办公厅 → 省委办公厅: the place's 省/市/区/县 is part of the party committee's name.
	return suffix && /^委/.test(kind) ? suffix + kind : kind;
}
