/**
 * The web-page reader on its own: what is recognised as HTML, how a page is decoded, and which
 * lines it hands to the later stages (tables as tab-separated rows, prose as lines, each with the
 * HTML line it stands on).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../../src/lib/extract/errors';
import { looksLikeHtml, readHtmlSource } from '../../../src/lib/extract/html/read-html';
import { sniffFormat } from '../../../src/lib/extract/read-file';

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (html: string) => readHtmlSource('page.html', utf8(html));
const texts = (html: string) => read(html).lines.map((l) => l.text);

/** "中文" written by hand in GBK bytes: D6D0 CEC4. */
const GBK_ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];

describe('looksLikeHtml', () => {
	it('recognises pages by doctype, <html>, or markup density, whatever the file is called', () => {
		expect(looksLikeHtml(utf8('\uFEFF  <!DOCTYPE html><title>x</title>'))).toBe(true);
		expect(looksLikeHtml(utf8('<!-- saved from url=(0042)http://www.cqbb.gov.cn/ -->\r\n<HTML><HEAD>'))).toBe(true);
		const fragment = '<p>重庆市北碚区</p>\n<p>2023年部门预算</p>\n<table><tr><td>201</td><td>一般公共服务支出</td></tr>\n<tr><td>208</td><td>社保</td></tr></table>';
		expect(looksLikeHtml(utf8(fragment))).toBe(true);
	});
	it('recognises a declared page with few tags in UTF-16 and after a comment, not a text that only quotes one', () => {
		const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
		expect(looksLikeHtml(utf16le('<!DOCTYPE html><title>x</title>'))).toBe(true);
		expect(looksLikeHtml(utf8('\r\n\t<!-- saved --><html><body>预算'))).toBe(true);
		expect(looksLikeHtml(utf8('预算 <html> 说明'))).toBe(false);
	});
	it('is not fooled by text disclosures that mention markup', () => {
		expect(looksLikeHtml(utf8('项目支出<50万元的项目共3个。\n合计\t1,172.15\n'))).toBe(false);
		expect(looksLikeHtml(utf8('当年整体绩效目标\t<p>办事更便利、更高效。</p>\t\n'))).toBe(false);
		expect(looksLikeHtml(new Uint8Array())).toBe(false);
	});
	it('leaves every seed and text fixture to the text reader (seed 004 line 153 holds <p> in a cell)', () => {
		const dirs = [join(import.meta.dirname, '../../../data/raw'), join(import.meta.dirname, '../../fixtures/disclosures')];
		const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)));
		expect(files.length).toBeGreaterThanOrEqual(12);
		for (const f of files) expect([f, sniffFormat(new Uint8Array(readFileSync(f)))]).toEqual([f, 'text']);
	});
});

describe('decoding a page', () => {
	const page = (head: string, body: number[]) => new Uint8Array([...utf8(`<html><head>${head}</head><body><p>`), ...body, ...utf8('</p></body></html>')]);

	it('decodes by <meta charset> and by <meta http-equiv content="…; charset=gb2312">', () => {
		expect(readHtmlSource('a.html', page('<meta charset="GBK">', GBK_ZHONGWEN)).lines.map((l) => l.text)).toEqual(['中文']);
		const equiv = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
		expect(readHtmlSource('a.html', page(equiv, GBK_ZHONGWEN)).lines.map((l) => l.text)).toEqual(['中文']);
	});
	it('falls back to GB18030 when nothing is declared and the bytes are not UTF-8', () => {
		expect(readHtmlSource('a.html', page('', GBK_ZHONGWEN)).lines.map((l) => l.text)).toEqual(['中文']);
	});
	it('lets a BOM win over the declaration', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...page('<meta charset="gb2312">', [...utf8('中文')])]);
		expect(readHtmlSource('a.html', bytes).lines.map((l) => l.text)).toEqual(['中文']);
	});
	it('reads UTF-8 bytes as UTF-8 when a stale declaration says gb2312, and says so', () => {
		const source = readHtmlSource('a.html', page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', [...utf8('一般公共服务支出')]));
		expect(source.lines.map((l) => l.text)).toEqual(['一般公共服务支出']);
		expect(source.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', stage: 'decode', message: expect.stringContaining('gb2312') })]);
	});
	it('reads a page with a few damaged bytes (cut off mid-character, a stray byte) as text files are read, naming each with its line', () => {
		// 一般 in UTF-8, then a stray 0xFF; on the next line 支出 cut after its first byte.
		const bytes = new Uint8Array([...utf8('<html><body>\n<p>一般'), 0xff, ...utf8('公共服务</p>\n<p>'), 0xe6, ...utf8('</p></body></html>')]);
		const source = readHtmlSource('cut.html', bytes);
		expect(source.lines.map((l) => l.text)).toEqual(['一般\uFFFD公共服务', '\uFFFD']);
		expect(source.diagnostics.map((d) => [d.line, d.message])).toEqual([
			[null, expect.stringMatching(/^第 2 行：第 22 字节 0xFF 不是有效的 UTF-8/)],
			[null, expect.stringMatching(/^第 3 行：第 43 字节 0xE6 不是有效的 UTF-8/)]
		]);
	});
	it('throws an ExtractError naming the file when the page decodes in no charset', () => {
		const bytes = page('<meta charset="utf-8">', [0xff, 0xfe, 0xff, 0x41, 0xff, 0xfe, 0xff, 0xfe, 0xff, 0xfe]);
		expect(() => readHtmlSource('坏网页.html', bytes)).toThrow(ExtractError);
		expect(() => readHtmlSource('坏网页.html', bytes)).toThrow(/坏网页\.html.*\(/);
	});
	it('throws an ExtractError naming the file when the page has no text', () => {
		expect(() => read('<html><head><title></title><script>var a = 1;</script></head><body><img src="x.png"></body></html>')).toThrow(/page\.html.*\(/);
	});
});

describe('tables', () => {
	it('keeps a colspanned header word in its first column and blanks elsewhere, and pads every row', () => {
		const html = '<table><tr><td colspan="2">功能分类科目</td><td colspan="3">2023年预算数</td></tr><tr><td>201</td><td>一般公共服务支出</td><td>5</td></tr></table>';
		expect(texts(html)).toEqual(['功能分类科目\t\t2023年预算数\t\t', '201\t一般公共服务支出\t5\t\t']);
	});
	it('leaves a rowspanned header blank below it, where a spreadsheet export leaves it', () => {
		const html = `<table>
			<tr><td rowspan=2>合计</td><td colspan=3>公务用车购置及运行费</td><td rowspan=2>公务接待费</td></tr>
			<tr><td>小计</td><td>购置费</td><td>运行费</td></tr>
			<tr><td>5.80</td><td>5.50</td><td></td><td>5.50</td><td>0.30</td></tr></table>`;
		expect(texts(html)).toEqual(['合计\t公务用车购置及运行费\t\t\t公务接待费', '\t小计\t购置费\t运行费\t', '5.80\t5.50\t\t5.50\t0.30']);
	});
	it('carries a rowspanned code down to the rows it classifies, and joins 类/款/项 cells into one code', () => {
		const html = `<table>
			<tr><td colspan=3>科目编码</td><td rowspan=2>科目名称</td><td rowspan=2>合计</td></tr>
			<tr><td>类</td><td>款</td><td>项</td></tr>
			<tr><td colspan=4>合计</td><td>9.00</td></tr>
			<tr><td rowspan=3>208</td><td></td><td></td><td>社会保障和就业支出</td><td>9.00</td></tr>
			<tr><td rowspan=2>05</td><td></td><td>行政事业单位养老支出</td><td>9.00</td></tr>
			<tr><td>05</td><td>机关事业单位基本养老保险缴费支出</td><td rowspan=1>9.00</td></tr></table>`;
		expect(texts(html)).toEqual([
			'科目编码\t科目名称\t合计',
			'类款项\t\t',
			'合计\t\t9.00',
			'208\t社会保障和就业支出\t9.00',
			'20805\t行政事业单位养老支出\t9.00',
			'2080505\t机关事业单位基本养老保险缴费支出\t9.00'
		]);
	});
	it('reads a code merged across the 类/款/项 columns as one cell', () => {
		const html = '<table><tr><td colspan=3>科目编码</td><td>科目名称</td><td>合计</td></tr><tr><td colspan=3>2010301</td><td>行政运行</td><td>5.00</td></tr></table>';
		expect(texts(html)).toEqual(['科目编码\t科目名称\t合计', '2010301\t行政运行\t5.00']);
	});
	it('never carries a rowspanned figure down (it would count twice)', () => {
		const html = '<table><tr><td>201</td><td>一般公共服务支出</td><td rowspan=2>10.00</td></tr><tr><td>20103</td><td>政府办公厅</td></tr></table>';
		expect(texts(html)).toEqual(['201\t一般公共服务支出\t10.00', '20103\t政府办公厅\t']);
	});
	it('joins <br> and <p> inside a cell, decodes entities and collapses whitespace', () => {
		const html = `<table><tr><td>科目<br/>编码</td><td><p>一般公共</p><p>预算</p></td><td>&nbsp;</td><td>A&amp;B&#12288;&#x4E2D; &ldquo;三公&rdquo;  x\n y</td></tr></table>`;
		expect(texts(html)).toEqual(['科目编码\t一般公共预算\t\tA&B 中 “三公” x y']);
	});
	it('puts the caption, then the rows; <th> and <thead>/<tbody> are cells and rows like any other', () => {
		const html = '<table><caption>一般公共预算“三公”经费支出表</caption><thead><tr><th>合计</th></tr></thead><tbody><tr><td>5.80</td></tr></tbody></table>';
		expect(texts(html)).toEqual(['一般公共预算“三公”经费支出表', '合计', '5.80']);
	});
	it('reads a table wrapping the page layout as blocks, and the tables inside it as tables', () => {
		const html = `<table><tr><td>当前位置：首页</td></tr><tr><td><p>表二</p><table><tr><td>201</td><td>5</td></tr></table><p>备注</p></td></tr></table>`;
		expect(texts(html)).toEqual(['当前位置：首页', '表二', '201\t5', '备注']);
	});
	it('reads a table holding the article (paragraphs or headings in a cell) as blocks, and Word cells with one <p> as cells', () => {
		const article = '<table><tr><td><h2>重庆市北碚区政务服务管理办公室</h2><p>2023年部门预算情况说明</p><p>一、单位基本情况</p></td></tr></table>';
		expect(texts(article)).toEqual(['重庆市北碚区政务服务管理办公室', '2023年部门预算情况说明', '一、单位基本情况']);
		expect(texts('<table><tr><td>重庆市北碚区政务服务管理办公室<br>2023年部门预算情况说明</td></tr></table>')).toEqual(['重庆市北碚区政务服务管理办公室', '2023年部门预算情况说明']);
		const word = '<table><tr><td><p class=MsoNormal><span>201</span></p></td><td><p class=MsoNormal>一般公共服务支出</p></td></tr></table>';
		expect(texts(word)).toEqual(['201\t一般公共服务支出']);
	});
	it('reads rows whose tags the page never closes', () => {
		const html = '<table><tr><td>201<td>一般公共服务支出<td>5\n<tr><td>208<td>社保<td>3</table><p>完';
		expect(texts(html)).toEqual(['201\t一般公共服务支出\t5', '208\t社保\t3', '完']);
	});
});

describe('prose', () => {
	it('makes a line of each block and each <br>, dropping head, script, style, comments and navigation', () => {
		const html = `<html><head><title>t</title><style>p{}</style><script>if (a < b) document.write("<p>2019年</p>")</script></head>
<body><nav><ul><li>首页</li></ul></nav><!-- <p>注释</p> --><h1>重庆市北碚区政务服务管理办公室</h1><div>一、单位基本情况<p>（一）职能职责</p>正文<br>第二行</div>
<ul><li>甲</li><li>乙</li></ul><![if !supportEmptyParas]>&nbsp;<![endif]></body></html>`;
		expect(texts(html)).toEqual(['重庆市北碚区政务服务管理办公室', '一、单位基本情况', '（一）职能职责', '正文', '第二行', '甲', '乙']);
	});
	it('treats a lone < as text and strips tags that entities spell out', () => {
		expect(texts('<p>项目支出 < 50万元 &lt;b&gt;加粗&lt;/b&gt; a<3</p>')).toEqual(['项目支出 < 50万元 加粗 a<3']);
	});
	it('removes a source line break between Chinese characters, and keeps it as a space between words', () => {
		expect(texts('<p>一般公共\n预算 total\nsum</p>')).toEqual(['一般公共预算 total sum']);
	});
	it('numbers lines 1..n and gives each the HTML line where its row or text starts', () => {
		const source = read('<html>\n<body>\n<p>\n  第一段</p>\n<table>\n<tr>\n<td>201</td><td>5</td></tr>\n</table>\n<p>甲<br>\n乙</p>\n</body></html>');
		expect(source).toMatchObject({ format: 'html', layout: 'tabs', pages: null });
		expect(source.lines).toEqual([
			{ no: 1, text: '第一段', pageLine: 4 },
			{ no: 2, text: '201\t5', pageLine: 6 },
			{ no: 3, text: '甲', pageLine: 9 },
			{ no: 4, text: '乙', pageLine: 10 }
		]);
	});
	it('puts the page title first only when the body has no title line', () => {
		const head = '<head><title>重庆市綦江区政务服务管理办公室2024年部门预算公开 - 綦江区人民政府</title></head>';
		expect(texts(`<html>${head}<body><table><tr><td>合计</td><td>5</td></tr></table></body></html>`)).toEqual([
			'重庆市綦江区政务服务管理办公室',
			'2024年部门预算公开',
			'合计\t5'
		]);
		// A header row naming the year (功能分类科目 | 2024年预算数) is no title line.
		const header = '<table><tr><td>功能分类科目</td><td>2024年预算数</td></tr></table>';
		expect(texts(`<html>${head}<body>${header}</body></html>`)[0]).toBe('重庆市綦江区政务服务管理办公室');
		const body = '<body><p>重庆市綦江区政务服务管理办公室</p><p>2024年部门预算情况说明</p></body>';
		expect(texts(`<html>${head}${body}</html>`)).toEqual(['重庆市綦江区政务服务管理办公室', '2024年部门预算情况说明']);
	});
	it('splits a first line holding department and title into the two lines a printed disclosure has', () => {
		expect(texts('<p align=center><strong>重庆市北碚区政务服务管理办公室2023年部门预算情况说明</strong></p><p>一、单位基本情况</p>')).toEqual([
			'重庆市北碚区政务服务管理办公室',
			'2023年部门预算情况说明',
			'一、单位基本情况'
		]);
		const html = '<h1>重庆市北碚区政务服务管理办公室2023年部门预算情况说明</h1><h3>一、2023年收支预算总体情况</h3><h3>重庆市北碚区政务服务管理办公室2023年一般公共预算财政拨款支出预算表</h3>';
		expect(texts(html)).toEqual(['重庆市北碚区政务服务管理办公室', '2023年部门预算情况说明', '一、2023年收支预算总体情况', '重庆市北碚区政务服务管理办公室2023年一般公共预算财政拨款支出预算表']);
	});
	it('puts the <h1> first when navigation pushes it past the lines metadata reads', () => {
		const menu = ['首页', '政务公开', '政策文件', '财政信息', '预决算公开', '部门预算', '部门决算', '互动交流', '办事服务'];
		const html = `<body><div>${menu.map((m) => `<p>${m}</p>`).join('')}</div><h1>重庆市北碚区政务服务管理办公室2023年部门预算情况说明</h1></body>`;
		const lines = texts(html);
		expect(lines.slice(0, 2)).toEqual(['重庆市北碚区政务服务管理办公室', '2023年部门预算情况说明']);
		expect(lines.slice(2, 11)).toEqual(menu);
	});
	it('reads rows copied without their <table> as a table', () => {
		expect(texts('<p>表二</p><tr><td>201</td><td colspan=2>一般公共服务支出</td><td>5</td></tr>')).toEqual(['表二', '201\t一般公共服务支出\t\t5']);
	});
	it('keeps the lines of <pre> text as they are and leaves their layout to be detected', () => {
		const source = read('<html><body><pre>表二\n201\t一般公共服务支出\t5.00\n</pre></body></html>');
		expect(source.lines.map((l) => l.text)).toEqual(['表二', '201\t一般公共服务支出\t5.00']);
		expect(source.layout).toBeNull();
	});
});
