/**
 * Node flags of the app's server (serve.ts): tsx runs its TypeScript, and a larger young generation
 * (32 MB semi-spaces instead of 16) lets the short-lived objects of a request die in fewer
 * scavenges (docs/decisions/015).
 */
export const SERVER_NODE_FLAGS = ['--import', 'tsx', '--max-semi-space-size=32'];
