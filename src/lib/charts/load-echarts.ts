/**
 * ECharts, loaded on first use rather than with the page. Its chunk (≈ 0.6 MB) was evaluated inside
 * hydration — one task with the page's own start-up, 0.25–0.3 s at 30,000 documents — though no
 * view draws before its data has come (the overview's first picture is a still). Imported here
 * dynamically, it is fetched and evaluated in tasks of its own when the first chart mounts or the
 * charts' warm-up starts.
 */
export type EChartsRuntime = typeof import('./runtime');

let loading: Promise<EChartsRuntime> | null = null;
let loaded: EChartsRuntime | null = null;

/** The ECharts runtime (./runtime), loaded once per page. */
function loadECharts(): Promise<EChartsRuntime> {
	loading ??= import('./runtime').then((runtime) => (loaded = runtime));
	return loading;
}

/**
 * The runtime now if it is loaded, else once it is and a task later: the chunk is evaluated in the
 * task that resolves the import, and whatever the caller does with it should not lengthen that one.
 */
export async function eChartsInTaskOfItsOwn(): Promise<EChartsRuntime> {
	if (loaded) return loaded;
	const runtime = await loadECharts();
	await new Promise((resolve) => setTimeout(resolve, 0));
	return runtime;
}
