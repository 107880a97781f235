/**
 * The one place ECharts is assembled. Importing from `echarts/core` and registering only the
 * charts and components the dashboard uses keeps the chunk small (the full `echarts` import is a
 * 1.1 MB chunk — see /work/shared/stack-notes.md). Add a chart type here (and to ./types.ts)
 * before using it in a builder, or ECharts silently renders nothing for that series.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	LineChart,
	TreemapChart,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	// Canvas (not SVG) so that `getDataURL` yields a PNG for the "保存 PNG" button.
	CanvasRenderer
]);

export { echarts };
