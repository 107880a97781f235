/**
 * An append-only file written in large pieces: the writer's spools (parquet-write.ts) and a folder
 * run's spills (folder-spill.ts). Appended bytes are copied into one pending buffer, not held as
 * views: a view of a document's buffer would keep all of it until the next write (a worker sends a
 * document's tables in one buffer, spool-lines.ts). A piece larger than the buffer is written at once.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Bytes {@link AppendFile.view} reads at once. */
const READ_AHEAD_BYTES = 256 << 10;

export class AppendFile {
	private fd: number | null;
	/** Made at the first append: a file never appended to costs no buffer. */
	private pending: Uint8Array | null = null;
	private pendingBytes = 0;
	private written = 0;
	/** The last piece read ahead by {@link view}, and where it starts. */
	private ahead: Buffer | null = null;
	private aheadAt = 0;

	/** `flushBytes`: bytes gathered before a write — few system calls, little memory. */
	constructor(
		readonly path: string,
		private readonly flushBytes: number
	) {
		this.fd = openSync(path, 'w+');
	}

	/** Bytes appended so far (written or pending): the offset of the next append. */
	get length(): number {
		return this.written + this.pendingBytes;
	}

	append(bytes: Uint8Array): void {
		const fd = this.open();
		if (this.pendingBytes + bytes.length > this.flushBytes) this.flush();
		if (bytes.length > this.flushBytes) {
			this.writeAt(fd, bytes);
			return;
		}
		this.pending ??= new Uint8Array(this.flushBytes);
		this.pending.set(bytes, this.pendingBytes);
		this.pendingBytes += bytes.length;
	}

	/** Writes what is pending (before reading it back, or closing). */
	flush(): void {
		if (this.pending === null || this.pendingBytes === 0) return;
		const bytes = this.pending.subarray(0, this.pendingBytes);
		this.pendingBytes = 0;
		this.writeAt(this.open(), bytes);
	}

	/** `length` bytes from `offset`, appended and flushed. */
	read(offset: number, length: number): Buffer {
		const fd = this.open();
		const bytes = Buffer.allocUnsafe(length);
		for (let at = 0; at < length; ) {
			const n = readSync(fd, bytes, at, length - at, offset + at);
			if (n === 0) throw new Error(`append-file: ${this.path} ends before byte ${offset + length}`);
			at += n;
		}
		return bytes;
	}

	/**
	 * `length` bytes from `offset` (appended and flushed), as a view valid until the next call: small
	 * reads in about the order of the appends (a folder's held documents, taken in file order) are
	 * served from one read of {@link READ_AHEAD_BYTES}, where a read each cost a system call a document.
	 */
	view(offset: number, length: number): Uint8Array {
		const ahead = this.ahead;
		if (ahead !== null && offset >= this.aheadAt && offset + length <= this.aheadAt + ahead.length) return ahead.subarray(offset - this.aheadAt, offset - this.aheadAt + length);
		if (length > READ_AHEAD_BYTES) return this.read(offset, length);
		const piece = this.read(offset, Math.max(length, Math.min(READ_AHEAD_BYTES, this.written - offset)));
		this.ahead = piece;
		this.aheadAt = offset;
		return piece.subarray(0, length);
	}

	/** Flushes and closes; closing again does nothing. */
	close(): void {
		if (this.fd === null) return;
		this.flush();
		closeSync(this.fd);
		this.fd = null;
		this.pending = null;
		this.ahead = null;
	}

	private open(): number {
		if (this.fd === null) throw new Error(`append-file: ${this.path} is closed`);
		return this.fd;
	}

	/** writeSync until every byte is written at the end of the file (a write may take fewer). */
	private writeAt(fd: number, bytes: Uint8Array): void {
		for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, this.written + at);
		this.written += bytes.length;
	}
}
