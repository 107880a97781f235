/**
 * A disclosure as one HTML page: the prose as paragraphs and each table as a `<table>` with its
 * header's spans. Saved as a web page (.html) as is, or typeset to PDF by Chromium (pdf.ts) with
 * A4 pages, a running head and page numbers. A split table continues on the next page as a second
 * `<table>` under the same header.
 */
import type { TableSpec } from './tables';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isFigure = (s: string) => /^-?[\d,]+\.\d\d$/.test(s);

/**
 * A row's cells; a `…合计` label absorbs the blank cells after it, as the merged cell it is in the
 * spreadsheet the table was printed from (so it does not wrap inside a narrow code column).
 */
function mergedCells(row: string[]): string {
	const out: string[] = [];
	for (let i = 0; i < row.length; i++) {
		const c = row[i];
		let span = 1;
		if (/合计$/.test(c)) while (i + span < row.length - 1 && row[i + span] === '') span++;
		out.push(`<td${span > 1 ? ` colspan="${span}"` : ''}${isFigure(c) ? ' class="n"' : ''}>${esc(c)}</td>`);
		i += span - 1;
	}
	return out.join('');
}

function tableHtml(t: TableSpec, rows: string[][]): string {
	const head = t.header.map((r) => `<tr>${r.map((c) => `<th${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}>${esc(c.text)}</th>`).join('')}</tr>`).join('\n');
	const body = rows.map((r) => `<tr>${mergedCells(r)}</tr>`).join('\n');
	return `<table>\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function disclosureHtml(title: string, narrative: string[], tables: TableSpec[], splitRole: string | null, narrativeFirst = true): string {
	const prose = narrative
		.filter((l) => l.trim() !== '')
		.map((l, i) => (i < 2 ? `<h1>${esc(l)}</h1>` : `<p>${esc(l)}</p>`))
		.join('\n');
	const blocks = tables.map((t) => {
		const unit = t.unitLine ? `<p class="unit">${esc(t.unitLine.replace(/\t/g, '　　'))}</p>` : '';
		const head = `${t.marker ? `<p class="title">${esc(t.marker)}</p>` : ''}<p class="title">${esc(t.title)}</p>${unit}`;
		const split = splitRole === t.role && t.splitAfter !== null;
		const tablesHtml = split
			? `${tableHtml(t, t.body.slice(0, t.splitAfter!))}\n<div class="break"></div>\n${tableHtml(t, t.body.slice(t.splitAfter!))}`
			: tableHtml(t, t.body);
		return `<section${t.columns > 6 ? ' class="wide"' : ''}>${head}\n${tablesHtml}${t.note ? `<p class="note">${esc(t.note)}</p>` : ''}</section>`;
	});
	const body = narrativeFirst ? `${prose}\n${blocks.join('\n')}` : `${blocks.join('\n')}\n${prose}`;
	return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
@page { size: A4; margin: 2cm 1.8cm;
  @top-center { content: "${esc(title)}"; font-size: 9pt; font-family: 'Noto Sans CJK SC'; }
  @bottom-center { content: "- " counter(page) " -"; font-size: 9pt; font-family: 'Noto Sans CJK SC'; } }
body { font-family: 'Noto Sans CJK SC'; font-size: 10.5pt; line-height: 1.6; }
h1 { font-size: 16pt; text-align: center; margin: 0; }
.title { font-size: 12pt; text-align: center; margin: 6pt 0 2pt; text-indent: 0; }
.unit { text-align: right; font-size: 9pt; margin: 0 0 2pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.3; }
th, td { border: 0.5pt solid #000; padding: 3pt 4pt; }
td.n { text-align: right; white-space: nowrap; }
section { break-before: page; }
@page wide { size: A4 landscape; }
section.wide { page: wide; }
.break { break-before: page; }
p { text-indent: 2em; margin: 0 0 4pt; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
