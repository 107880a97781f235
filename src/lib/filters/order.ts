/**
 * The order in which districts (and departments) are listed everywhere: by pinyin, as a Chinese
 * reader looks them up (北碚区 before 大渡口区 before 九龙坡区), not by UTF-16 code points. The
 * collation is named explicitly so it does not depend on the runtime's default for `zh`.
 */
const PINYIN = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** Compares two names by pinyin; a comparator for `Array.prototype.sort`. */
export function byPinyin(a: string, b: string): number {
	return PINYIN.compare(a, b);
}

/** A new array of `names` in pinyin order. */
export function sortByPinyin(names: Iterable<string>): string[] {
	return [...names].sort(byPinyin);
}
