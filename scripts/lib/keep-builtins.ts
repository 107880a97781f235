/**
 * Loads a module without letting it replace the JavaScript built-ins the platform already has.
 *
 * pdf.js's legacy build (the one Node 20 runs) bundles core-js, which installs what Node lacks
 * (Promise.withResolvers, Uint8Array.prototype.toHex …) but also swaps out built-ins Node has, for
 * spec corners nothing here meets: Array.prototype.push (lengths past 2³²), JSON.stringify and
 * JSON.parse (JSON.rawJSON, a reviver's source text), Function.prototype.toString. The swapped
 * versions are JavaScript and slow — push 2.5×, JSON.stringify 5× — and they are process-wide, so
 * after the first PDF every later document of that thread, text or PDF, paid for them.
 *
 * What the module adds stays; what it replaced is put back.
 */

/** The ECMAScript intrinsics whose own properties are kept, each with its prototype. */
const KEPT = [
	Object,
	Function,
	Array,
	String,
	Number,
	Boolean,
	Symbol,
	Promise,
	Map,
	Set,
	WeakMap,
	WeakSet,
	RegExp,
	Date,
	Error,
	ArrayBuffer,
	DataView,
	Uint8Array,
	Object.getPrototypeOf(Uint8Array) as object // %TypedArray%
];
const NAMESPACES: object[] = [JSON, Math, Reflect];

function keptObjects(): object[] {
	const constructors = KEPT as Array<{ prototype?: object }>;
	return [...NAMESPACES, ...constructors, ...constructors.map((c) => c.prototype).filter((p): p is object => p !== undefined)];
}

type Snapshot = Array<[target: object, key: PropertyKey, descriptor: PropertyDescriptor]>;

function snapshot(): Snapshot {
	const taken: Snapshot = [];
	for (const target of keptObjects()) {
		for (const key of Reflect.ownKeys(target)) taken.push([target, key, Object.getOwnPropertyDescriptor(target, key)!]);
	}
	return taken;
}

function same(a: PropertyDescriptor | undefined, b: PropertyDescriptor): boolean {
	return a !== undefined && Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;
}

/** Puts back each property that changed since `taken`. */
function restore(taken: Snapshot): void {
	for (const [target, key, descriptor] of taken) {
		if (!same(Object.getOwnPropertyDescriptor(target, key), descriptor)) Object.defineProperty(target, key, descriptor);
	}
}

/** Runs `load` (an import), then puts back the built-ins it replaced. */
export async function loadKeepingBuiltins<T>(load: () => Promise<T>): Promise<T> {
	const taken = snapshot();
	try {
		return await load();
	} finally {
		restore(taken);
	}
}
