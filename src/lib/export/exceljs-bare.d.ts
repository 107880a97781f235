// ExcelJS's browser bundle without its polyfills for pre-ES2015 browsers: the same API as the
// package's main entry (types from there), 67 kB smaller.
declare module 'exceljs/dist/exceljs.bare.min.js' {
	export * from 'exceljs';
}
