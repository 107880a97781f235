/**
 * Whether a file is a web page, from its bytes rather than its name: users save pages as .html,
 * .htm and .txt alike. Markup is ASCII in every encoding the pages use (UTF-8, GB18030: no byte of
 * a multi-byte character is `<`), so the first bytes are read as ASCII without decoding them.
 */

/** How much of a file is looked at. */
const SNIFF_BYTES = 16 * 1024;

/** A page declares itself: a doctype or <html> first, after whitespace, comments or an XML declaration. */
const DECLARED = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])/i;

const TAG = /<\/?([a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/gi;

/** Elements of ordinary page markup; a text disclosure that quotes a <p> or two does not reach the threshold. */
const ELEMENTS = new Set([
	'html', 'head', 'body', 'meta', 'title', 'link', 'style', 'script', 'div', 'span', 'p', 'br', 'hr', 'a', 'img', 'b', 'i', 'u',
	'strong', 'em', 'font', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'caption', 'colgroup', 'col',
	'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'form', 'input', 'section', 'article', 'nav', 'header', 'footer', 'pre'
]);
const MIN_TAGS = 8;
const LATIN1 = new TextDecoder('latin1');
const LT = 0x3c; // '<'
const MIN_KINDS = 3;

/** Whether the bytes are a web page (a declared page, or a fragment dense with several kinds of tags). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
	// No '<' byte, no '<' character in any of the encodings read (UTF-16's is 0x3C 0x00): no markup.
	const sniffed = bytes.subarray(0, SNIFF_BYTES);
	if (sniffed.indexOf(LT) < 0) return false;
	// Fewer '<' bytes than MIN_TAGS: only a declared page can be one, and it starts with '<'. A
	// text disclosure quoting a '<' or two is settled here without decoding its head.
	if (!hasBytes(sniffed, LT, MIN_TAGS) && !mayStartWithMarkup(sniffed)) return false;
	const head = asciiView(sniffed);
	if (DECLARED.test(head)) return true;
	let tags = 0;
	const kinds = new Set<string>();
	for (const m of head.matchAll(TAG)) {
		const name = m[1].toLowerCase();
		if (!ELEMENTS.has(name)) continue;
		tags++;
		kinds.add(name);
	}
	return tags >= MIN_TAGS && kinds.size >= MIN_KINDS;
}

/** Whether `byte` occurs at least `count` times in `bytes`. */
function hasBytes(bytes: Uint8Array, byte: number, count: number): boolean {
	for (let at = bytes.indexOf(byte), n = 1; at >= 0; at = bytes.indexOf(byte, at + 1), n++) if (n >= count) return true;
	return false;
}

/**
 * Whether the first character after a UTF-8 BOM and ASCII whitespace (what DECLARED skips; non-ASCII
 * bytes are never whitespace to it) is '<'. UTF-16 (a BOM, or zero bytes) is left to the full test.
 */
function mayStartWithMarkup(bytes: Uint8Array): boolean {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
	let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0d))) i++;
	return i >= bytes.length || bytes[i] === LT || bytes[i] === 0;
}

/** The bytes as text in which only ASCII matters: UTF-16 pages (with a BOM) are decoded, others read byte by byte. */
function asciiView(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	// Non-ASCII bytes become a neutral letter-free character (·, 0xB7 in Latin-1 and windows-1252)
	// so that no tag name is invented from them; one native decode instead of an append per byte.
	return LATIN1.decode(maskNonAscii(bytes.slice(start)));
}

/**
 * `codes` with every non-ASCII byte set to 0xB7. A function of its own: its loop, hot at the first
 * call, is compiled while running (OSR); had the code after it (the decode) never run yet, the
 * compiled loop would bail out there for want of type feedback — on every file, recompiled each time.
 */
function maskNonAscii(codes: Uint8Array): Uint8Array {
	for (let i = 0; i < codes.length; i++) if (codes[i] >= 0x80) codes[i] = 0xb7;
	return codes;
}
