/**
 * The database layer's browser-safe surface. The browser entry (`getQueryClient`, `dbStatus`) lives
 * in `$lib/db/browser` and is imported from there, so that server code never pulls in the worker.
 */
export {
	QueryClient,
	StatementClient,
	type QueryRunner,
	type DbConnection,
	type DbStatement,
	type Connect,
	type PlainRow,
	type PlainValue
} from './connection';
export { DB_PHASE_LABELS, type DbPhase, type DbStatus } from './status';
