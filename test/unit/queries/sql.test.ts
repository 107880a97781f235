import { describe, expect, it } from 'vitest';
import { and, betweenOrAny, column, equalsOrAny, ident, inList, joinSql, oneOf, sql, SqlQuery } from '../../../src/lib/queries/sql';

describe('sql tagged template', () => {
	it('turns every interpolation into a bound ? parameter', () => {
		const name = "九龙坡区'); DROP TABLE documents; --";
		const q = sql`SELECT * FROM documents WHERE district = ${name} AND year = ${2023} AND ok = ${true} AND x IS ${null}`;
		expect(q.sql).toBe('SELECT * FROM documents WHERE district = ? AND year = ? AND ok = ? AND x IS ?');
		expect(q.params).toEqual([name, 2023, true, null]);
		expect(q.sql).not.toContain('DROP');
	});

	it('splices nested fragments with their parameters in order', () => {
		const inner = sql`year BETWEEN ${2021} AND ${2025}`;
		const q = sql`SELECT 1 WHERE a = ${'x'} AND ${inner} AND b = ${'y'}`;
		expect(q.sql).toBe('SELECT 1 WHERE a = ? AND year BETWEEN ? AND ? AND b = ?');
		expect(q.params).toEqual(['x', 2021, 2025, 'y']);
	});

	it('refuses values that cannot be bound faithfully', () => {
		expect(() => sql`${Number.NaN}`).toThrow(/finite/);
		expect(() => sql`${Infinity}`).toThrow(/finite/);
		expect(() => sql`${['a', 'b'] as never}`).toThrow(/inList/);
		expect(() => sql`${undefined as never}`).toThrow(/unsupported/);
		expect(() => sql`${10n as never}`).toThrow(/unsupported/);
	});

	it('returns immutable params', () => {
		const q = sql`${1}`;
		expect(Object.isFrozen(q.params)).toBe(true);
		expect(q).toBeInstanceOf(SqlQuery);
	});
});

describe('ident', () => {
	it('double-quotes and doubles embedded quotes', () => {
		expect(ident('documents').sql).toBe('"documents"');
		expect(ident('we"ird').sql).toBe('"we""ird"');
		expect(ident('a"; DROP TABLE x; --').sql).toBe('"a""; DROP TABLE x; --"');
		expect(ident('x').params).toEqual([]);
	});

	it('rejects empty names and NUL', () => {
		expect(() => ident('')).toThrow(/invalid identifier/);
		expect(() => ident('a\0b')).toThrow(/invalid identifier/);
	});

	it('column() quotes both parts', () => {
		expect(column('d', 'year').sql).toBe('"d"."year"');
	});
});

describe('oneOf', () => {
	it('binds any number of values as one parameter, or none: the SQL text does not change', () => {
		const none = oneOf(column('d', 'district'), null);
		const one = oneOf(column('d', 'district'), ['北碚区']);
		const three = oneOf(column('d', 'district'), ['北碚区', '綦江区', "江津区'; DROP TABLE documents; --"]);
		expect(three.sql).toBe(one.sql);
		expect(none.sql).toBe(one.sql);
		expect(three.sql).toBe('(CAST(? AS VARCHAR) IS NULL OR list_contains(string_split(?, chr(31)), "d"."district"))');
		const joined = "北碚区\u001f綦江区\u001f江津区'; DROP TABLE documents; --";
		expect(three.params).toEqual([joined, joined]);
		expect(none.params).toEqual([null, null]);
	});

	it('refuses an empty list (no filter is null) and a value holding the separator', () => {
		expect(() => oneOf(column('d', 'district'), [])).toThrow(/at least one/);
		expect(() => oneOf(column('d', 'district'), ['a\u001fb'])).toThrow(/cannot bind/);
	});
});

describe('equalsOrAny and betweenOrAny', () => {
	it('keep one SQL text whether the filter is set or not', () => {
		expect(equalsOrAny(column('d', 'kind'), 'budget').sql).toBe(equalsOrAny(column('d', 'kind'), null).sql);
		expect(equalsOrAny(column('d', 'kind'), 'budget').params).toEqual(['budget', 'budget']);
		expect(betweenOrAny(column('d', 'year'), { from: 2021, to: 2024 }).sql).toBe(betweenOrAny(column('d', 'year'), null).sql);
		expect(betweenOrAny(column('d', 'year'), { from: 2021, to: 2024 }).params).toEqual([2021, 2021, 2024]);
		expect(betweenOrAny(column('d', 'year'), null).params).toEqual([null, null, null]);
	});
});

describe('inList', () => {
	it('gives one placeholder per value', () => {
		const q = sql`district IN ${inList(['北碚区', '綦江区', '江津区'])}`;
		expect(q.sql).toBe('district IN (?, ?, ?)');
		expect(q.params).toEqual(['北碚区', '綦江区', '江津区']);
	});

	it('refuses an empty list rather than emit IN ()', () => {
		expect(() => inList([])).toThrow(/at least one/);
	});
});

describe('joinSql and and()', () => {
	it('joins fragments keeping parameters in order', () => {
		const q = joinSql([sql`a = ${1}`, sql`b = ${2}`], ' AND ');
		expect(q.sql).toBe('a = ? AND b = ?');
		expect(q.params).toEqual([1, 2]);
	});

	it('and() parenthesises each condition and is TRUE when empty', () => {
		expect(and([]).sql).toBe('TRUE');
		const q = and([sql`a = ${1} OR b = ${2}`, sql`c = ${3}`]);
		expect(q.sql).toBe('(a = ? OR b = ?) AND (c = ?)');
		expect(q.params).toEqual([1, 2, 3]);
	});
});
