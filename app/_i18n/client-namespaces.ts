/** Message namespaces sent to the browser on every page; pages add more with <ClientMessages>. */
export const CLIENT_NAMESPACES = ['common', 'nav', 'auth', 'errors', 'validation'];
