/**
 * What a Postgres client sends, cut into messages (protocol 3): the framing and the few
 * fields a statement counter needs. Pure: bytes in, messages out, no sockets.
 * https://www.postgresql.org/docs/current/protocol-message-formats.html
 */

/** Request codes of the untyped messages a connection may open with. */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_MAJOR_3 = 3;

/** Larger than any message Postgres itself accepts (1 GB): past it, the stream is not Postgres. */
const MAX_MESSAGE_BYTES = 0x40000000 + 1024;

export type FrontendMessage =
  | { type: "ssl-request" }
  | { type: "gssenc-request" }
  | { type: "cancel-request" }
  | { type: "startup"; parameters: Record<string, string> }
  /** Simple protocol: one round trip, possibly several statements separated by semicolons. */
  | { type: "query"; sql: string }
  | { type: "parse"; statement: string; sql: string }
  | { type: "bind"; portal: string; statement: string }
  | { type: "execute"; portal: string }
  | { type: "close"; target: "statement" | "portal"; name: string }
  | { type: "terminate" }
  /** Everything else (Sync, Describe, Flush, password and copy messages…), by its type byte. */
  | { type: "other"; code: string }
  /** Bytes from the first one that broke the protocol on: not Postgres, or not understood; passed on as they are. */
  | { type: "unparsed"; reason: string };

/** A message and the exact bytes that carried it. */
export type Framed = { message: FrontendMessage; bytes: Buffer };

export class ProtocolError extends Error {}

/**
 * Cuts a client's byte stream into messages, whatever the chunking: the untyped startup
 * messages first (SSL and GSS encryption requests, then StartupMessage or CancelRequest),
 * typed messages after. Bytes are kept only until the message they belong to is complete,
 * and a large message is joined once, not once per chunk.
 */
export class FrontendStream {
  private chunks: Buffer[] = [];
  private queued = 0;
  /** Bytes needed in the queue before another message can be cut. */
  private needed = 8;
  private started = false;

  private broken: string | undefined;

  push(chunk: Buffer): Framed[] {
    if (chunk.length === 0) return [];
    if (this.broken) return [{ message: { type: "unparsed", reason: this.broken }, bytes: chunk }];
    this.chunks.push(chunk);
    this.queued += chunk.length;
    if (this.queued < this.needed) return [];
    const buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.queued);
    const framed: Framed[] = [];
    let offset = 0;
    try {
      for (;;) {
        const length = this.frameLength(buffer, offset);
        if (length === undefined || offset + length > buffer.length) {
          this.needed = length ?? this.headerLength();
          break;
        }
        const bytes = buffer.subarray(offset, offset + length);
        framed.push({ message: this.started ? decodeTyped(bytes) : this.decodeStartup(bytes), bytes });
        offset += length;
      }
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.broken = error.message;
      this.chunks = [];
      this.queued = 0;
      return [...framed, { message: { type: "unparsed", reason: error.message }, bytes: buffer.subarray(offset) }];
    }
    const rest = buffer.subarray(offset);
    this.chunks = rest.length ? [rest] : [];
    this.queued = rest.length;
    return framed;
  }

  /** Whether the startup message has gone by, i.e. typed messages follow. */
  get inSession(): boolean {
    return this.started;
  }

  private headerLength(): number {
    return this.started ? 5 : 8;
  }

  /** The whole message's length, or undefined while its header is incomplete. */
  private frameLength(buffer: Buffer, offset: number): number | undefined {
    if (buffer.length - offset < this.headerLength()) return undefined;
    // An untyped message's length counts itself; a typed one's counts itself but not the type byte.
    const declared = this.started ? buffer.readInt32BE(offset + 1) + 1 : buffer.readInt32BE(offset);
    const minimum = this.started ? 5 : 8;
    if (declared < minimum || declared > MAX_MESSAGE_BYTES) throw new ProtocolError(`invalid message length ${declared}`);
    return declared;
  }

  private decodeStartup(bytes: Buffer): FrontendMessage {
    const code = bytes.readInt32BE(4);
    if (code === SSL_REQUEST) return { type: "ssl-request" };
    if (code === GSSENC_REQUEST) return { type: "gssenc-request" };
    if (code === CANCEL_REQUEST) return { type: "cancel-request" };
    if (code >>> 16 !== PROTOCOL_MAJOR_3) throw new ProtocolError(`unsupported protocol or request code ${code}`);
    this.started = true;
    const parameters: Record<string, string> = {};
    const reader = new Reader(bytes, 8);
    for (;;) {
      const key = reader.cstring();
      if (key === "") break;
      parameters[key] = reader.cstring();
    }
    return { type: "startup", parameters };
  }
}

function decodeTyped(bytes: Buffer): FrontendMessage {
  const code = String.fromCharCode(bytes[0]!);
  const body = new Reader(bytes, 5);
  switch (code) {
    case "Q":
      return { type: "query", sql: body.cstring() };
    case "P":
      return { type: "parse", statement: body.cstring(), sql: body.cstring() };
    case "B":
      return { type: "bind", portal: body.cstring(), statement: body.cstring() };
    case "E":
      return { type: "execute", portal: body.cstring() };
    case "C": {
      const target = body.byte();
      if (target !== "S" && target !== "P") throw new ProtocolError(`Close of unknown kind "${target}"`);
      return { type: "close", target: target === "S" ? "statement" : "portal", name: body.cstring() };
    }
    case "X":
      return { type: "terminate" };
    default:
      return { type: "other", code };
  }
}

class Reader {
  constructor(
    private readonly bytes: Buffer,
    private offset: number,
  ) {}

  cstring(): string {
    const end = this.bytes.indexOf(0, this.offset);
    if (end < 0) throw new ProtocolError("unterminated string");
    const value = this.bytes.toString("utf8", this.offset, end);
    this.offset = end + 1;
    return value;
  }

  byte(): string {
    if (this.offset >= this.bytes.length) throw new ProtocolError("message too short");
    return String.fromCharCode(this.bytes[this.offset++]!);
  }
}

/**
 * One connection's statements: a simple Query is one, and so is each Execute, whose SQL is
 * found through the portal it runs (Bind) and the statement that portal was bound from (Parse).
 * Prepared statements parsed once and executed many times count once per Execute.
 */
export class StatementTracker {
  private readonly prepared = new Map<string, string>();
  private readonly portals = new Map<string, string>();

  /** The SQL this message runs, if it runs one. */
  observe(message: FrontendMessage): string | undefined {
    switch (message.type) {
      case "query":
        return message.sql;
      case "parse":
        this.prepared.set(message.statement, message.sql);
        return undefined;
      case "bind":
        this.portals.set(message.portal, this.prepared.get(message.statement) ?? unknown("statement", message.statement));
        return undefined;
      case "execute":
        return this.portals.get(message.portal) ?? unknown("portal", message.portal);
      case "close":
        (message.target === "statement" ? this.prepared : this.portals).delete(message.name);
        return undefined;
      default:
        return undefined;
    }
  }
}

// Cannot happen for traffic seen from its first byte; kept visible rather than dropped if it does.
const unknown = (kind: string, name: string) => `<unknown ${kind} "${name}">`;
