/**
 * Where a unit stands, for the views. The contract leaves `documents.district` NULL for a city- or
 * province-level unit (and where the extractor could not read it). The views group and filter by
 * district, so right after loading, such a document's district becomes a label that says what it is
 * — the views then show 省级单位 as a place of its own instead of failing on a missing name or
 * silently merging those units with nothing. Only the in-memory copy changes; the Parquet keeps NULL.
 */
import { ident, sql, type SqlQuery } from './sql';
import { table } from './tables';

/** The place label of a unit without a district, by its level. */
export const PLACE_LABEL = {
	province: '（省级单位）',
	city: '（市级单位）',
	unknown: '（区县未识别）'
} as const;

/** `UPDATE documents SET district = <label> WHERE district IS NULL`. */
export function placeLabelsSql(): SqlQuery {
	return sql`UPDATE ${table('documents')} SET ${ident('district')} = CASE level
		WHEN 'province' THEN ${PLACE_LABEL.province}
		WHEN 'city' THEN ${PLACE_LABEL.city}
		ELSE ${PLACE_LABEL.unknown} END
	WHERE district IS NULL`;
}
