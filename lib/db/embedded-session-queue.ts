import type { PGlite } from "@electric-sql/pglite";

// Frontend message types that end what a connection asked for (PostgreSQL protocol docs, "Message Formats").
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

type Job = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

/**
 * Hands PGlite's single session to one connection at a time, for a whole exchange.
 *
 * pglite-socket's own queue interleaves connections message by message outside
 * transactions, so one connection's Parse and Bind can land between another's: under
 * concurrent requests that surfaced as "bind message supplies 3 parameters…" and
 * "unnamed prepared statement does not exist". Here a connection keeps the session from
 * its first message until its exchange ends (Sync, a simple Query or Terminate) outside
 * a transaction; inside a transaction it keeps it until the transaction ends.
 */
export class SessionQueue {
  private queue: Job[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((job) => {
      if (job.handlerId !== handlerId) return true;
      job.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that drops mid-exchange must not keep the session: roll back and move on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    this.owner = null;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    await this.process();
  }

  private next(): Job | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((job) => job.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let job = this.next(); job; job = this.next()) {
        const current = job;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
          current.resolve(bytes);
        } catch (error) {
          current.reject(error);
        }
        this.owner = this.endsExchange(current.message) && !this.db.isInTransaction() ? null : current.handlerId;
      }
    } finally {
      this.processing = false;
    }
  }

  private endsExchange(message: Uint8Array): boolean {
    const type = message[0];
    // Startup and SSL/cancel requests start with a length, not a type letter: standalone.
    return type === SYNC || type === QUERY || type === TERMINATE || type === undefined || type < 0x41;
  }
}
