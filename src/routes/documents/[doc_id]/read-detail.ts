/**
 * The document page's data, read in the browser: the document's rows from the site's Parquet files
 * (only the footers and the row groups that hold it, over HTTP Range), shaped for the page.
 */
import { readDocument } from '$lib/storage/document-reader';
import { openHttpFile } from '$lib/storage/http-file';
import { documentDetail, type DocumentDetail } from './detail';

/** The page's content for `docId` from the contract files under `dataUrl` (e.g. `/data`); null for an unknown id. */
export async function readDocumentDetail(docId: string, dataUrl: string, fetchFn: typeof fetch = fetch): Promise<DocumentDetail | null> {
	const rows = await readDocument(docId, (file) => openHttpFile(`${dataUrl}/${file}`, fetchFn));
	return rows && documentDetail(rows);
}
