/**
 * The disclosure's title. Metadata is read from the first lines (metadata.ts), where a printed
 * disclosure puts the department on one line and `2023年部门预算情况说明` on the next. A page often
 * prints both on one line, which is split; and some pages have no title line in the body at all
 * (tables only, or navigation first): then the page's <h1>, or else its <title> without the site
 * name, is put first.
 */
import { readMetadata } from '../metadata';
import { cleanText } from './inline';
import { ProseLines, type PageLine } from './lines';
import type { HtmlElement } from './tree';
import { findAll, walkInline } from './walk';
import { flatMap } from '../flat-map';

/** `重庆市X办公室2023年部门预算情况说明` → department part (a name: Han characters only) and title part. */
const YEAR_TITLE = /^([\u4e00-\u9fff（）()]{4,}?)\s*((?:19|20)\d\d\s*年.*)$/;
/** Lines metadata.ts reads a title from (the first non-empty ones). */
const HEAD_LINES = 8;
/** What sites append to a page title: `…说明_重庆市北碚区人民政府`, `… - 綦江区人民政府`, `…|政务公开`. */
const SITE_SEPARATOR = /\s*[_|｜]\s*|\s+[-—–]+\s+|\s*--\s*/;

/** Splits first lines that hold both department and title, and puts a title first if the body has none. */
export function withTitle(lines: readonly PageLine[], root: HtmlElement): PageLine[] {
	const split = [...flatMap(lines.slice(0, HEAD_LINES), splitTitle), ...lines.slice(HEAD_LINES)];
	if (isTitle(split)) return split;
	const candidate = [headingText(root), pageTitle(root)].find((l): l is PageLine => l !== null && isTitle([l]));
	return candidate ? [...splitTitle(candidate), ...split] : split;
}

/** Whether metadata.ts finds a title line among the first lines; a table row (`…\t2023年预算数`) is none. */
function isTitle(lines: readonly PageLine[]): boolean {
	const head = lines.filter((l) => l.text.trim() !== '').slice(0, HEAD_LINES).filter((l) => !l.text.includes('\t'));
	return readMetadata(head.map((l, i) => ({ no: i + 1, text: l.text }))).title !== null;
}

function splitTitle(line: PageLine): PageLine[] {
	const m = YEAR_TITLE.exec(line.text);
	// A heading naming a table (…预算表) keeps the department: it is that table's title.
	if (!m || /表$/.test(line.text) || !isTitle([line])) return [line];
	return [{ ...line, text: m[1] }, { ...line, text: m[2] }];
}

/** The first <h1>'s text on one line. */
function headingText(root: HtmlElement): PageLine | null {
	const h1 = findAll(root, 'h1')[0];
	if (!h1) return null;
	const sink = new ProseLines();
	walkInline(h1, sink);
	sink.lineBreak();
	const [first] = sink.lines;
	return first ? { text: sink.lines.map((l) => l.text).join(''), offset: first.offset } : null;
}

/** The <title>, without the site name sites add to it. */
function pageTitle(root: HtmlElement): PageLine | null {
	const title = findAll(root, 'title', true)[0];
	const text = title?.children.find((c) => c.kind === 'text');
	if (!title || !text || text.kind !== 'text') return null;
	const parts = cleanText(text.raw).split(SITE_SEPARATOR).filter(Boolean);
	const best = parts.find((p) => isTitle([{ text: p, offset: 0 }])) ?? null;
	return best === null ? null : { text: best, offset: text.offset };
}
