// Preloaded into a test server (`node --expose-gc --require`): on SIGUSR2, full collections,
// then the heap in use as one JSON line on stdout, for tests that a render's memory is released.
process.on("SIGUSR2", () => {
  globalThis.gc();
  globalThis.gc();
  process.stdout.write(`${JSON.stringify({ heapProbe: process.memoryUsage().heapUsed })}\n`);
});
