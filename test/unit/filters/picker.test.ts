import { describe, expect, it } from 'vitest';
import { matchOptions, moveActive, toggleValue } from '$lib/components/picker';

const DISTRICTS = ['北碚区', '大渡口区', '九龙坡区', '南岸区', '沙坪坝区', '渝北区', '渝中区'];

describe('matchOptions', () => {
	it('keeps every option, in order, for an empty or blank query', () => {
		expect(matchOptions(DISTRICTS, '')).toEqual(DISTRICTS);
		expect(matchOptions(DISTRICTS, '   ')).toEqual(DISTRICTS);
	});

	it('matches Chinese substrings anywhere in the name', () => {
		expect(matchOptions(DISTRICTS, '九龙')).toEqual(['九龙坡区']);
		expect(matchOptions(DISTRICTS, '渝')).toEqual(['渝北区', '渝中区']);
		expect(matchOptions(DISTRICTS, '北')).toEqual(['北碚区', '渝北区']);
		expect(matchOptions(DISTRICTS, '坡区')).toEqual(['九龙坡区']);
		expect(matchOptions(DISTRICTS, '江津')).toEqual([]);
	});

	it('ignores surrounding space, case and full-width forms; every word must occur', () => {
		expect(matchOptions(['ICT中心', '财政局'], ' ｉｃｔ ')).toEqual(['ICT中心']);
		expect(matchOptions(['人民政府办公室', '政务服务管理办公室'], '政务 办公')).toEqual(['政务服务管理办公室']);
	});
});

describe('moveActive', () => {
	it('moves down and up, wrapping at both ends', () => {
		expect(moveActive(-1, 1, 3)).toBe(0);
		expect(moveActive(-1, -1, 3)).toBe(2);
		expect(moveActive(0, 1, 3)).toBe(1);
		expect(moveActive(2, 1, 3)).toBe(0);
		expect(moveActive(0, -1, 3)).toBe(2);
		expect(moveActive(5, 1, 3)).toBe(0);
		expect(moveActive(0, 1, 0)).toBe(-1);
	});
});

describe('toggleValue', () => {
	it('adds a value at the end or removes it, without touching the input', () => {
		const values = ['北碚区'];
		expect(toggleValue(values, '渝中区')).toEqual(['北碚区', '渝中区']);
		expect(toggleValue(values, '北碚区')).toEqual([]);
		expect(values).toEqual(['北碚区']);
	});
});
