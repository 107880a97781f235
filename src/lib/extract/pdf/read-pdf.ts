/** PDF → source lines (stub: the PDF reader is being written). */
import { ExtractError } from '../errors';
import type { SourceText } from '../source';

/** pdf.js as set up for where the code runs. */
export type PdfEngine = unknown;

export async function readPdfSource(file: string, _bytes: Uint8Array, _engine?: PdfEngine): Promise<SourceText> {
	throw new ExtractError(file, 'decode', null, '这是 PDF 文件，请先转换为文本 (a PDF given as text)');
}
