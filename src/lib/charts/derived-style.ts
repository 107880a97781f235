/**
 * How a figure read from prose (not printed in a table of its year) looks in every chart: hollow
 * — a white fill with a dashed border in the series' colour and a light hatch — so it is told from
 * a printed figure at a glance and in greyscale print — and how its source is named. Pure, below
 * every builder (trends, execution, three-public) and the data table, so all of them can share it.
 */
import { kindLabel, unitLabel } from '$lib/format/labels';

/** The id prefix of derived series (the data table and tests find them by it). */
export const DERIVED_SERIES = 'derived|';

/** The column/legend suffix of a derived series where its name does not already say so. */
export const DERIVED_SUFFIX = '（推算）';

export function isDerivedSeries(id: unknown): boolean {
	return typeof id === 'string' && id.startsWith(DERIVED_SERIES);
}

/** `#3a8f6b` → `rgba(58,143,107,0.35)`: the hatch drawn in a lighter tint of the border. */
function tint(hex: string, alpha: number): string {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) return hex;
	return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}

/** The itemStyle of a derived bar: hollow (white), dashed border, diagonal hatch. */
export function derivedBarStyle(color: string) {
	return {
		color: '#ffffff',
		borderColor: color,
		borderType: 'dashed' as const,
		borderWidth: 2,
		decal: { symbol: 'rect', color: tint(color, 0.35), backgroundColor: '#ffffff', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 }
	};
}

/** What {@link derivedSourceText} needs: the unit, and the disclosure and line the sentence is in. */
export interface DerivedSource {
	district: string;
	unit: string;
	source_year: number;
	source_kind: string;
	source_line: number | null;
	source_page: number | null;
}

/** Where a derived figure comes from: `出处：沙坪坝区·财政局 2023年决算公开，第 12 行`. */
export function derivedSourceText(p: DerivedSource): string {
	const page = p.source_page === null ? '' : `第 ${p.source_page} 页`;
	return `出处：${unitLabel(p.district, p.unit)} ${p.source_year}年${kindLabel(p.source_kind)}公开，${page}第 ${p.source_line ?? '—'} 行`;
}
