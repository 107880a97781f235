/**
 * UTF-8 → string with Node's own tools, for the text extractor's decode stage
 * (src/lib/extract/decode.ts `Utf8Decoder`). Creating a JS string from UTF-8 (TextDecoder,
 * Buffer#toString) converts at ≈ 3 ns a byte for Chinese text — 95 µs for a 32 KB disclosure, and
 * every text file is decoded twice (first pass, then extraction). Validating with simdutf
 * (`isUtf8`) and converting with ICU to UTF-16 (`transcode`), which a string takes nearly as it
 * is, gives the same text in a fraction of that (BENCHMARKS.md, notes of 2026-12-03, night).
 */
import { isUtf8, transcode } from 'node:buffer';

const BOM = [0xef, 0xbb, 0xbf];

/** The text of valid UTF-8, a leading BOM dropped (as TextDecoder drops it); null otherwise. */
export function nodeUtf8(bytes: Uint8Array): string | null {
	if (!isUtf8(bytes)) return null;
	const start = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
	try {
		return transcode(bytes.subarray(start), 'utf8', 'utf16le').toString('utf16le');
	} catch {
		return null; // a Node built without ICU: the caller's TextDecoder decides
	}
}
