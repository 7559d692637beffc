// Stands in for the "server-only" guard, which Next resolves to an empty module on the server.
export {};
