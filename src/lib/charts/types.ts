/**
 * The option type every builder returns: ECharts' option composed from exactly the series and
 * components registered in ./echarts.ts, so a builder cannot use an unregistered chart type
 * without a type error.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

export type ChartOption = ComposeOption<
	| BarSeriesOption
	| LineSeriesOption
	| TreemapSeriesOption
	| GridComponentOption
	| LegendComponentOption
	| TooltipComponentOption
>;

export type { BarSeriesOption, LineSeriesOption, TreemapSeriesOption };
