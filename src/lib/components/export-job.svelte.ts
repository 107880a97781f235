/**
 * A download that is built on demand (a workbook, a PNG, every row of /data): whether one is being
 * built — the buttons wait meanwhile — and why the last one failed, for the page to say.
 */
export class ExportJob {
	running = $state(false);
	error = $state<string | null>(null);

	/** Runs `job`, showing that it runs and keeping its error message. */
	async run(job: () => Promise<void>): Promise<void> {
		this.running = true;
		this.error = null;
		try {
			await job();
		} catch (err) {
			this.error = err instanceof Error ? err.message : String(err);
		} finally {
			this.running = false;
		}
	}
}
