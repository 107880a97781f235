/**
 * The charts drawn on this page load, for work that depends on the first views being on screen:
 * the database's start on a page drawn from its snapshot (components/db-start.ts), and the charts'
 * warm-up, which stops once a real chart is drawn (./warm-up.ts). `use:echarts` notes every draw.
 */
import type { DrawSignal } from '$lib/components/db-start';

const listeners = new Set<() => void>();
let drawn = 0;

/** Called by `use:echarts` each time it draws an option. */
export function noteDraw(): void {
	drawn++;
	for (const listener of [...listeners]) listener();
}

export const chartDraws: DrawSignal = {
	get count() {
		return drawn;
	},
	subscribe(listener) {
		listeners.add(listener);
		return () => listeners.delete(listener);
	}
};
