import { describe, expect, it } from 'vitest';
import { documentId } from '../../../src/lib/extract/document-id';
import { documentIdSync } from '../../../scripts/lib/document-id-node';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('documentIdSync (Node) gives the doc_id the browser computes', () => {
	it('for one file, and for the two halves of a disclosure in their order', async () => {
		const narrative = utf8('重庆市某区教育委员会2023年部门预算情况说明\n');
		const tables = utf8('一般公共预算财政拨款支出表\n205 教育支出 1,234.56\n');
		for (const files of [[narrative], [tables], [narrative, tables], [tables, narrative], [new Uint8Array(0)]]) {
			expect(documentIdSync(...files)).toBe(await documentId(...files));
		}
		expect(documentIdSync(narrative, tables)).not.toBe(documentIdSync(tables, narrative));
	});
});
