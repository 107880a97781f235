import { describe, expect, it } from 'vitest';
import { axisTooltip, escapeHtml, tooltipHtml } from '$lib/charts/common';
import { buildTreemapOption } from '$lib/charts/structure';
import { buildFunctionTree, visibleNodes } from '$lib/charts/function-tree';

type Formatter = (info: unknown) => string;

describe('tooltips escape disclosure text (ECharts renders them as HTML)', () => {
	it('escapes markup in every text piece but keeps ECharts’ marker HTML', () => {
		expect(escapeHtml('<img src=x onerror="alert(1)">&')).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;');
		expect(tooltipHtml(['a<b', { marker: '<span class="m"></span>', text: '<i>x</i>' }])).toBe(
			'a&#60;b<br/><span class="m"></span>&#60;i&#62;x&#60;/i&#62;'
		);
	});

	it('an axis tooltip passes the hovered index and series to its line builder', () => {
		const t = axisTooltip((i, list) => [`第 ${i} 组`, ...list.map((p) => String(p.seriesName))]);
		const html = (t as { formatter: Formatter }).formatter([{ dataIndex: 2, seriesName: '<b>九龙坡区</b>' }]);
		expect(html).toBe('第 2 组<br/>&#60;b&#62;九龙坡区&#60;/b&#62;');
	});

	it('a classification name with markup stays text in the treemap tooltip', () => {
		const tree = buildFunctionTree([{ code: '201', name: '<script>x</script>', total: 10, basic: 10, project: 0 }]);
		const option = buildTreemapOption(visibleNodes(tree, null), { kind: 'budget' })!;
		const html = (option.tooltip as { formatter: Formatter }).formatter({ name: '<script>x</script>', value: 10, data: { code: '201' } });
		expect(html).not.toContain('<script>');
		expect(html).toContain('&#60;script&#62;');
	});
});
