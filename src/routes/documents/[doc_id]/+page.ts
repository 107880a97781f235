// Not prerendered: one page per document would be 30,000 files at corpus size. Every
// /documents/<id> is served by the fallback page (404.html) and renders in the browser from that
// document's rows (./read-detail.ts), so a document added later has its page too.
export const prerender = false;
export const ssr = false;
