/**
 * Where a text stops being valid in an encoding: the byte offset (0-based, in the file) and line
 * (1-based, counted as splitLines counts: CRLF, CR or LF) of each invalid byte sequence. Used to
 * decide between UTF-8 and GB18030 when neither decodes cleanly, and to name each bad byte.
 */

/** One invalid byte sequence: where it starts and the byte found there. */
export interface InvalidByte {
	offset: number;
	line: number;
	byte: number;
}

/**
 * The invalid sequences of `bytes` in `encoding`, stopping after `limit` + 1 (enough to know the
 * encoding is wrong). CR and LF are never part of a multi-byte character in UTF-8 or GB18030, so
 * each line is checked on its own and only a failing line is scanned byte by byte.
 */
export function findInvalidBytes(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030', limit: number): InvalidByte[] {
	const found: InvalidByte[] = [];
	const whole = new TextDecoder(encoding, { fatal: true });
	let line = 1;
	let start = 0;
	while (start <= bytes.length && found.length <= limit) {
		const end = lineEnd(bytes, start);
		if (!decodes(whole, bytes.subarray(start, end))) {
			for (const offset of invalidInLine(bytes, start, end, encoding)) found.push({ offset, line, byte: bytes[offset] });
		}
		line++;
		start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1);
	}
	return found;
}

function lineEnd(bytes: Uint8Array, from: number): number {
	let i = from;
	while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
	return i;
}

function decodes(decoder: TextDecoder, bytes: Uint8Array): boolean {
	try {
		decoder.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/**
 * Feeds a line byte by byte to a streaming fatal decoder. When it fails, the invalid sequence
 * began where the last complete character ended; decoding resumes at the byte that broke it, as
 * a lenient decoder does, so one bad byte is reported once.
 */
function invalidInLine(bytes: Uint8Array, start: number, end: number, encoding: 'utf-8' | 'gb18030'): number[] {
	const offsets: number[] = [];
	let decoder = new TextDecoder(encoding, { fatal: true });
	let sequence = start;
	for (let i = start; i < end; i++) {
		try {
			if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') sequence = i + 1;
		} catch {
			offsets.push(sequence);
			decoder = new TextDecoder(encoding, { fatal: true });
			if (sequence < i) i--; // the breaking byte starts afresh
			sequence = i + 1;
		}
	}
	if (sequence < end && !decodes(decoder, new Uint8Array())) offsets.push(sequence);
	return offsets;
}
