/**
 * 三公 items reduced to the three additive parts (因公出国（境）费, 公务用车购置及运行维护费,
 * 公务接待费) whose sum is the 三公 total. Shared by /compare and /three-public.
 */
import type { ThreePublicPart } from './common';

/** A part with the figure chosen by the caller and the row it came from. */
export interface PartValue<R> {
	item: ThreePublicPart;
	value: number;
	source: R;
}

/**
 * Reduces 三公 rows to the three parts, choosing each row's figure with `value` and grouping rows
 * with `keyOf` (one disclosure, or one district·year·kind). `vehicle` is taken as given; only in a
 * group with no `vehicle` figure do `vehicle_purchase` + `vehicle_operation` stand in for it, so
 * the car figure is never counted twice. `total` is skipped, as are rows whose figure is null
 * (not given — which is not zero). The input is not modified.
 */
export function threePublicParts<R extends { item: string }>(
	rows: readonly R[],
	value: (row: R) => number | null,
	keyOf: (row: R) => string
): PartValue<R>[] {
	const hasVehicle = new Set(rows.filter((r) => r.item === 'vehicle' && value(r) !== null).map(keyOf));
	const out: PartValue<R>[] = [];
	for (const r of rows) {
		const v = value(r);
		if (v === null) continue;
		if (r.item === 'outbound' || r.item === 'vehicle' || r.item === 'reception') {
			out.push({ item: r.item, value: v, source: r });
		} else if ((r.item === 'vehicle_purchase' || r.item === 'vehicle_operation') && !hasVehicle.has(keyOf(r))) {
			out.push({ item: 'vehicle', value: v, source: r });
		}
	}
	return out;
}
