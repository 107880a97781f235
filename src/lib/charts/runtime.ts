/**
 * What the page needs of ECharts at run time, in one chunk loaded on demand (./load-echarts): the
 * assembled library, its text measure and the off-screen chart used by the warm-up and rehearsals.
 */
export { echarts, measureText } from './echarts';
export { offscreenChart, offscreenChartReady } from './stage';
