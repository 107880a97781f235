// adapter-static: every page is written to build/ at build time. The root universal layout must
// say so too (the server layout's flag alone is not enough for the adapter's check).
export const prerender = true;
