/**
 * Prose as it comes out of copying a PDF page: every printed line a line of its own (cut at the
 * page width wherever it falls, inside a figure too: `486.` / `72 万元`), a trailing space and a
 * blank line after each, and the spaces a PDF's text layer puts between figures and Chinese text
 * (`2023 年度收入总计 1234.56 万元`), as real narratives copied from PDFs have them.
 */
const CJK = '\\u3400-\\u9fff';
const spaced = (line: string) =>
	line
		.replace(new RegExp(`(?<=[${CJK}])(?=\\d)`, 'gu'), ' ')
		.replace(/(\d)(?=[万年个])/g, '$1 ');

export function pdfCopiedProse(lines: readonly string[], width: number): string[] {
	const out: string[] = [];
	for (const line of lines) {
		const chars = Array.from(spaced(line));
		if (chars.length <= width) {
			out.push(`${chars.join('')} `, '');
			continue;
		}
		for (let i = 0; i < chars.length; i += width) out.push(`${chars.slice(i, i + width).join('')} `, '');
	}
	return out;
}
