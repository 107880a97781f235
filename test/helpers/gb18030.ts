/** GB18030 (2-byte) encoding for tests (TextEncoder only writes UTF-8), via a reverse table of the characters used. */
export function gb18030Encode(text: string): Uint8Array {
	const decoder = new TextDecoder('gb18030');
	const table = new Map<string, number[]>();
	const out: number[] = [];
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		if (code < 0x80) out.push(code);
		else {
			if (!table.has(ch)) table.set(ch, findGb(ch, decoder));
			out.push(...(table.get(ch) as number[]));
		}
	}
	return new Uint8Array(out);
}

function findGb(ch: string, decoder: TextDecoder): number[] {
	for (let a = 0x81; a <= 0xfe; a++) {
		for (let b = 0x40; b <= 0xfe; b++) {
			if (b !== 0x7f && decoder.decode(new Uint8Array([a, b])) === ch) return [a, b];
		}
	}
	throw new Error(`no 2-byte GB18030 code for ${ch}`);
}
