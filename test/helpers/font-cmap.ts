/**
 * Reads the Unicode → glyph table (cmap format 12) of every face of an OpenType collection (.ttc),
 * so a test can ask which code points a font draws with the same glyph.
 */
import { readFileSync } from 'node:fs';

/** One face's code point → glyph id. */
export type Cmap = Map<number, number>;

/** The cmaps of every face of a .ttc (or the one face of an .otf/.ttf). */
export function readCmaps(path: string): Cmap[] {
	const buf = readFileSync(path);
	const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
	const tag = (o: number) => String.fromCharCode(buf[o], buf[o + 1], buf[o + 2], buf[o + 3]);
	const faces = tag(0) === 'ttcf' ? Array.from({ length: view.getUint32(8) }, (_, i) => view.getUint32(12 + 4 * i)) : [0];
	return faces.map((face) => faceCmap(view, tag, face));
}

function faceCmap(view: DataView, tag: (o: number) => string, face: number): Cmap {
	const tables = view.getUint16(face + 4);
	for (let i = 0; i < tables; i++) {
		const record = face + 12 + 16 * i;
		if (tag(record) !== 'cmap') continue;
		const cmap = view.getUint32(record + 8);
		for (let j = 0; j < view.getUint16(cmap + 2); j++) {
			const platform = view.getUint16(cmap + 4 + 8 * j);
			const encoding = view.getUint16(cmap + 6 + 8 * j);
			const sub = cmap + view.getUint32(cmap + 8 + 8 * j);
			if (platform === 3 && encoding === 10 && view.getUint16(sub) === 12) return format12(view, sub);
		}
	}
	return new Map();
}

function format12(view: DataView, sub: number): Cmap {
	const map: Cmap = new Map();
	const groups = view.getUint32(sub + 12);
	for (let g = 0; g < groups; g++) {
		const at = sub + 16 + 12 * g;
		const start = view.getUint32(at);
		const end = view.getUint32(at + 4);
		const glyph = view.getUint32(at + 8);
		for (let c = start; c <= end; c++) map.set(c, glyph + c - start);
	}
	return map;
}
