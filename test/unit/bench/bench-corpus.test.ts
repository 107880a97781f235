import { describe, expect, it } from 'vitest';
import { variant } from '../../../scripts/lib/bench-corpus';

describe('variant (bench corpus)', () => {
	it('gives every copy its own district and department, so no two copies are rival disclosures', () => {
		const heads = Array.from({ length: 2000 }, (_, copy) => variant('重庆市九龙坡区政务服务管理办公室', copy));
		expect(new Set(heads).size).toBe(heads.length);
		expect(heads[0]).toBe('重庆市九龙坡区政务服务管理办公室');
		expect(heads.every((h) => /^重庆市\S+区\S+(办公室|局|馆|委员会)$/.test(h))).toBe(true);
	});
});
