/**
 * An append-only file written in large pieces: the writer's spools (parquet-write.ts) and a folder
 * run's spills (folder-spill.ts). Appended bytes are copied into one pending buffer, not held as
 * views: a view of a document's buffer would keep all of it until the next write (a worker sends a
 * document's tables in one buffer, spool-lines.ts). A piece larger than the buffer is written at once.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

export class AppendFile {
	private fd: number | null;
	/** Made at the first append: a file never appended to costs no buffer. */
	private pending: Uint8Array | null = null;
	private pendingBytes = 0;
	private written = 0;

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

	/** Flushes and closes; closing again does nothing. */
	close(): void {
		if (this.fd === null) return;
		this.flush();
		closeSync(this.fd);
		this.fd = null;
		this.pending = null;
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
