import { error } from '@sveltejs/kit';
import type { EntryGenerator, PageServerLoad } from './$types';
import { getDocumentDetail, getSnapshot } from '../../build-data.server';

/** One page per document in the data, whether or not a coverage link points at it. */
export const entries: EntryGenerator = async () => {
	const { documents } = await getSnapshot();
	return documents.map((d) => ({ doc_id: d.doc_id }));
};

/** Build time: the document's tables, checks and diagnostics, so the page needs no DuckDB. */
export const load: PageServerLoad = async ({ params }) => {
	const detail = await getDocumentDetail(params.doc_id);
	if (!detail) error(404, `未找到编号为 ${params.doc_id} 的公开文件`);
	return { detail };
};
