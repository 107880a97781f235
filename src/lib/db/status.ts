/**
 * The browser database's start-up phase, observable so the UI can say what it is waiting for.
 */

export type DbPhase = 'idle' | 'starting' | 'loading' | 'ready' | 'error';

/** What the UI shows for each phase. */
export const DB_PHASE_LABELS: Record<DbPhase, string> = {
	idle: '数据库尚未启动',
	starting: 'DuckDB 正在启动…',
	loading: '正在加载数据…',
	ready: '数据已就绪',
	error: '数据库启动失败'
};

export interface DbStatus {
	phase: DbPhase;
	/** The failure, when phase is `error`. */
	error: Error | null;
	/**
	 * The first views are answerable. Every table now arrives at once in the database file
	 * (corpus-file.ts), so this turns true with `ready`; kept apart so a page can still tell them
	 * apart if the file is ever split.
	 */
	firstViews: boolean;
}

/** A tiny observable for {@link DbStatus}; listeners get the current value at once. */
export class DbStatusSource {
	#status: DbStatus = { phase: 'idle', error: null, firstViews: false };
	readonly #listeners = new Set<(s: DbStatus) => void>();

	get current(): DbStatus {
		return this.#status;
	}

	set(phase: DbPhase, error: Error | null = null): void {
		const firstViews = phase === 'ready' || (phase === 'loading' && this.#status.firstViews);
		this.#update({ phase, error, firstViews });
	}

	/** The first views' tables are in (the phase stays what it is). */
	setFirstViews(): void {
		this.#update({ ...this.#status, firstViews: true });
	}

	#update(status: DbStatus): void {
		this.#status = status;
		for (const listener of this.#listeners) listener(this.#status);
	}

	/** Calls `listener` now and on every change; returns the unsubscribe function (Svelte store contract). */
	subscribe(listener: (s: DbStatus) => void): () => void {
		this.#listeners.add(listener);
		listener(this.#status);
		return () => this.#listeners.delete(listener);
	}
}
