/**
 * The browser's way to a workbook: ExcelJS (≈ 0.86 MB minified) is imported only here and only
 * when a user asks for a workbook, so it stays out of every page's first load. The bare bundle
 * leaves out core-js polyfills that only pre-ES2015 browsers need (the app needs WebAssembly
 * anyway).
 */
import { workbookBytes, type ExcelModule, type WorkbookSpec } from './workbook';

/** The .xlsx bytes of `spec`, loading ExcelJS on first use. */
export async function xlsxBytes(spec: WorkbookSpec): Promise<Uint8Array> {
	const mod = (await import('exceljs/dist/exceljs.bare.min.js')) as unknown as ExcelModule & { default?: ExcelModule };
	// the browser build is a UMD bundle: its namespace arrives as the default export
	return workbookBytes(mod.default ?? mod, spec);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
