// Preloaded into the test and e2e servers (`--require`) and the integration tests' process: a
// query sent on a pg client that is still running or holding another throws, where pg 8.19 on
// warns (once per process, and only from the third at once) and pg 9 will refuse. On one
// connection such queries never ran in parallel anyway: a Promise.all of Prisma calls on one
// transaction is the usual cause.
// A preload for `--require` is CommonJS, and must patch the pg the app itself requires.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require("pg");

const query = Client.prototype.query;
if (!query.oneAtATime) {
  Client.prototype.query = function oneQueryAtATime(...args) {
    // Stricter than pg 8's deprecation notice, which looks at the waiting queue alone.
    if ((this._activeQuery || this._queryQueue.length > 0) && !this.pipeline && !this._ending) {
      throw new Error("A query was sent on a pg client that was still busy with others (pg 9 refuses this): await them one after another, not with Promise.all on one transaction.");
    }
    return query.apply(this, args);
  };
  Client.prototype.query.oneAtATime = true;
}
