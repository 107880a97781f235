/** The query builders: Filters → SqlQuery, and the row types they return. */
export * from './sql';
export * from './where';
export * from './kinds';
export * from './documents';
export * from './kpis';
export * from './classification';
export * from './compare';
export * from './trends';
export * from './year-stack';
export * from './three-public';
export * from './data-table';
export * from './document';
export * from './execution';
export * from './execution-chart';
